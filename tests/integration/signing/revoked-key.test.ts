// After the reviewer's key is revoked (and no new one made): signing and the preview say the key is
// revoked and how to make a new one (签名密钥 › 创建, or fashen keys create), never 尚未创建签名密钥;
// `fashen keys create` says that it retired the key in use; `keys list` names a revoked key that was
// never registered with the central system as 未登记（已吊销）.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNode, ENTRIES } from '../../../scripts/build-node.mjs';
import { registrationText } from '../../../src/cli/commands/keys';
import { Workstation } from '../../../src/main/workstation';
import { buildPackage, tempDir } from '../../helpers/package-builder';

const PASS = 'correct horse battery';
let ws: Workstation;
let caseId: string;

beforeAll(async () => {
  ws = new Workstation({ dataDir: tempDir('revoked-'), today: () => '2026-11-23' });
  const p = await buildPackage(tempDir());
  caseId = p.manifest.case.id;
  await ws.importer.importOne(p.dir);
  ws.review.setReviewer({ name: '王审核', agency: '测试市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
  for (const pt of ws.review.get(caseId).points) {
    for (const f of pt.automatic.filter((x) => x.severity === 'fail')) ws.review.override(caseId, f.id, '经核实，承办机构已补正，不影响认定');
    ws.review.setPoint(caseId, pt.id, { decision: 'ok', note: pt.id === 'P6' ? '罚款在法定幅度内，裁量适当。' : '' });
  }
  ws.review.conclude(caseId, '同意', '经审核，同意承办机构的处理意见。');
  await buildNode(['cli']);
}, 120_000);
afterAll(() => ws.close());

describe('a revoked signing key', () => {
  it('signing says the key is revoked and how to create a new one', async () => {
    const view = await ws.opinions.keys.create({ name: '王审核', agency: '测试市市场监督管理局' }, PASS);
    const keyId = view.active!.keyId;
    const preview = await ws.opinions.preview(caseId);
    const revoked = await ws.opinions.keys.revoke(keyId, '密钥文件所在电脑丢失');
    expect(revoked.active).toBeNull();

    const err = await ws.opinions.sign(caseId, preview.contentHash, PASS).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toContain('签名密钥已吊销');
    expect(err?.message).toContain('fashen keys create');
    expect(err?.message).toContain('创建');
    expect(err?.message).not.toContain('尚未创建签名密钥');

    const again = await ws.opinions.preview(caseId);
    expect(again.signable).toBe(false);
    expect(again.blocker).toContain('签名密钥已吊销');

    // Never registered with a central system: the central-status column says so.
    const k = revoked.keys.find((x) => x.keyId === keyId)!;
    expect(registrationText(k)).toBe('未登记（已吊销）');
  });
});

describe('fashen keys create', () => {
  it('says that the key in use was retired', () => {
    const home = tempDir('keys-home-');
    const run = () =>
      spawnSync(process.execPath, [join(process.cwd(), ENTRIES.cli.out), 'keys', 'create', '--name', '王审核', '--agency', '测试市市场监督管理局', '--passphrase-env', 'KP'], {
        env: { ...process.env, FASHEN_HOME: home, KP: PASS },
        encoding: 'utf8',
      });
    const first = run();
    expect(first.status).toBe(0);
    expect(first.stderr).not.toContain('已停用');
    const firstId = /已创建签名密钥 ([0-9a-f]{32})/.exec(first.stderr)![1]!;
    const second = run();
    expect(second.status).toBe(0);
    expect(second.stderr).toContain(`原签名密钥 ${firstId} 已停用`);
  }, 60_000);
});
