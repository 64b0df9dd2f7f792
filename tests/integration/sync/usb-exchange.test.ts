// What a tester carrying offline bundles by USB met: an opinion carried unstamped must say so (it is
// never stamped later), a bundle is never written into the data folder, a key the central system has
// not registered is warned about at export, `central receive` totals add up and name the case, and a
// sync against a central system that is not running ends 离线 at once instead of retrying.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOutboxBundle, UNSTAMPED_WARNING } from '../../../src/main/services/sync/bundle';
import { HttpTransport } from '../../../src/main/services/sync/http-transport';
import { isRetryable } from '../../../src/main/services/sync/retry';
import { TransportError } from '../../../src/main/services/sync/transport';
import { printReceived, receiveBundles } from '../../../src/cli/commands/central-receive';
import type { CentralClient } from '../../../src/cli/commands/central-client';
import { enrol, type Signer } from '../../helpers/server-fixtures';
import { startCentral, type CentralUnderTest, type Client } from '../../helpers/server';
import { tempDir } from '../../helpers/package-builder';
import { canMountTmpfs, fillDisk, mountTmpfs, unmountTmpfs } from '../../helpers/tmpfs';
import { chunkOffset, HEADER_BYTES } from '../../../src/main/services/bundle-envelope/format';
import { httpTransport, newDataDir, packageWithFiles, publish, queueOpinion, workstation } from './fixtures';

/** The bundle passphrase the reviewer tells the admin (by phone, not on the stick). */
const BUNDLE_PASS = '青山-打印机-四十七';
const pass = (p = BUNDLE_PASS) => () => Promise.resolve(p);

let central: CentralUnderTest;
let alice: Client;
let signer: Signer;

beforeAll(async () => {
  central = await startCentral();
  alice = await central.user('alice');
  await central.user('bob');
  signer = await enrol(alice, 'alice');
}, 60_000);
afterAll(() => central?.close());

type Registration = { state: 'enrolled' | 'pending' | 'local' | 'refused'; server: null; at: null; note: string | null };
const keysOf = (s: Signer, state: Registration['state'] = 'enrolled') => ({
  active: () => ({ keyId: s.keyId }),
  unlock: async () => s.key,
  view: () => ({ keys: [{ keyId: s.keyId, registration: { state, server: null, at: null, note: null } as Registration }] }),
});

describe('exporting an offline bundle', () => {
  it('refuses a target inside the data folder (also through a link to it), in zh-CN, writing nothing', async () => {
    const home = newDataDir();
    const w = workstation(home, () => httpTransport(central.url, alice.token!));
    try {
      w.audit.log.append({ action: 'case.open', subject: 'c', detail: {} });
      const link = join(tempDir(), 'looks-elsewhere');
      symlinkSync(home, link);
      for (const target of [join(home, 'outbox.fashen-bundle.json'), join(home, 'sync', 'outbox.json'), join(link, 'outbox.json')]) {
        await expect(exportOutboxBundle({ dataDir: home, sync: w.sync, opinions: { keys: keysOf(signer) }, audit: w.audit }, target, undefined, 'plain')).rejects.toMatchObject({
          error: { code: 'invalid_input' },
          message: expect.stringMatching(/^不能导出到数据目录中：离线交换包是要带出本机的文件，含当事人姓名、身份证号和住址/),
        });
        expect(existsSync(target)).toBe(false);
      }
      // Beside it (a name that only starts like it) is fine.
      const beside = `${home}-stick.json`;
      await expect(exportOutboxBundle({ dataDir: home, sync: w.sync, opinions: { keys: keysOf(signer) }, audit: w.audit }, beside, undefined, 'plain')).resolves.toMatchObject({ count: 0 });
    } finally {
      w.close();
    }
  });

  it('warns that the central system refuses a bundle signed with a key it has not registered (this workstation never logged in)', async () => {
    const w = workstation(newDataDir(), () => httpTransport(central.url, alice.token!));
    try {
      w.audit.log.append({ action: 'case.open', subject: 'c', detail: {} });
      const never = await exportOutboxBundle({ sync: w.sync, opinions: { keys: keysOf(signer, 'local') }, audit: w.audit }, join(tempDir(), 'a.json'), undefined, 'plain');
      expect(never.warnings).toEqual([expect.stringMatching(/尚未在中心系统登记（本工作站尚未登录过中心系统）：中心系统将拒收此离线交换包（“签名密钥未登记”），直到本工作站联网登录一次/)]);
      const pending = await exportOutboxBundle({ sync: w.sync, opinions: { keys: keysOf(signer, 'pending') }, audit: w.audit }, join(tempDir(), 'b.json'), undefined, 'plain');
      expect(pending.warnings).toEqual([expect.stringMatching(/下次联网同步时登记）：登记之前，中心系统拒收/)]);
      const enrolled = await exportOutboxBundle({ sync: w.sync, opinions: { keys: keysOf(signer) }, audit: w.audit }, join(tempDir(), 'c.json'), undefined, 'plain');
      expect(enrolled.warnings).toBeUndefined();
    } finally {
      w.close();
    }
  });

  it('says an opinion carried unstamped stays unstamped; the central system takes it as signed and the admin is told', async () => {
    const w = workstation(newDataDir(), () => httpTransport(central.url, alice.token!));
    try {
      const a = await publish(central.admin, await packageWithFiles(tempDir(), [10]), 'alice');
      await w.sync.run();
      const id = await queueOpinion(w, signer, { caseId: a.caseId, caseNumber: a.caseNumber, revision: a.revision, revisionHash: a.revisionHash }, 'alice');
      const file = join(tempDir(), 'outbox.fashen-bundle');
      const out = await exportOutboxBundle({ sync: w.sync, opinions: { keys: keysOf(signer) } }, file, undefined, { passphrase: BUNDLE_PASS });
      expect(out).toMatchObject({ encrypted: true, count: 1, unstamped: 1, warnings: [UNSTAMPED_WARNING(1)] });
      expect(UNSTAMPED_WARNING(1)).toMatch(/^1 件提交未加盖可信时间戳：经离线交换包送达后不再补加（签名时间为签名人电脑时间）/);

      const lines: string[] = [];
      printReceived(await receiveBundles(adminClient(), [file], pass()), { out: (s) => lines.push(s), err: (s) => lines.push(s) });
      expect(lines.join('')).toContain('  其中 1 项经离线交换包送达，未加盖可信时间戳（签名时间为签名人电脑时间）\n');

      // The online sync later gets the repeated answer; the body on the server is the one carried.
      const payload = w.sync.state.byId(id)!.payloadJson;
      await w.sync.run();
      expect(w.sync.state.byId(id)).toMatchObject({ state: 'accepted', payloadJson: payload });
      expect(JSON.parse(payload).signature.timestamp?.status).not.toBe('granted');
    } finally {
      w.close();
    }
  });
});

// Skipped only where a tmpfs cannot be mounted (not root; CI and the dev machines are): a stick that
// is really full or read-only is what this checks, and nothing else here can stand in for it.
const mountable = canMountTmpfs();
if (!mountable) console.warn('usb-exchange: a tmpfs cannot be mounted here (needs root); the full-stick test is skipped');

describe.skipIf(!mountable)('exporting to a stick that is full or read-only (a tmpfs of its own)', () => {
  it('says so in Chinese — of the stick, not of this disk — leaves no half file, and the entry stays queued; then to room, it goes', async () => {
    const stick = mountTmpfs(1)!;
    const w = workstation(newDataDir(), () => httpTransport(central.url, alice.token!));
    try {
      const a = await publish(central.admin, await packageWithFiles(tempDir(), [10]), 'alice');
      await w.sync.run();
      const id = await queueOpinion(w, signer, { caseId: a.caseId, caseNumber: a.caseNumber, revision: a.revision, revisionHash: a.revisionHash }, 'alice');
      // Queued as before: not exported, the same body (its try counted, as for any bundle written: exactly-once).
      const queued = () => {
        const e = w.sync.state.byId(id)!;
        return { state: e.state, exportedAt: e.exportedAt, payloadJson: e.payloadJson };
      };
      const before = queued();
      const target = join(stick, 'outbox.fashen-bundle');
      const send = () => exportOutboxBundle({ sync: w.sync, opinions: { keys: keysOf(signer) } }, target, undefined, { passphrase: BUNDLE_PASS });

      fillDisk(stick, 'photos', 0);
      await expect(send()).rejects.toMatchObject({
        error: { code: 'conflict' },
        message: expect.stringMatching(new RegExp(`^目标位置空间不足（交换包约 [\\d.]+ KB）：${target}；交换包未导出，待发送的提交仍在队列中。请清理 U 盘或换一个位置后重试$`)),
      });
      expect(readdirSync(stick)).toEqual(['photos']);
      expect(queued()).toEqual(before);

      rmSync(join(stick, 'photos'));
      expect(spawnSync('mount', ['-o', 'remount,ro', stick]).status).toBe(0);
      await expect(send()).rejects.toMatchObject({ error: { code: 'conflict' }, message: `目标位置是只读的（U 盘是否打开了写保护？）：${target}；交换包未导出，待发送的提交仍在队列中` });
      expect(queued()).toEqual(before);

      expect(spawnSync('mount', ['-o', 'remount,rw', stick]).status).toBe(0);
      await expect(send()).resolves.toMatchObject({ count: 1, encrypted: true });
      expect(readdirSync(stick)).toEqual(['outbox.fashen-bundle']);
    } finally {
      w.close();
      unmountTmpfs(stick);
    }
  });
});

/** The admin's CentralClient as `fashen central receive` uses it, over the test server's admin session; `sent` counts what reached it. */
function adminClient(sent: { n: number } = { n: 0 }): CentralClient {
  return {
    request: async (method: string, path: string, init: { json?: unknown } = {}) => {
      sent.n++;
      const r = await central.admin.request(method, path, { json: init.json });
      if (r.status !== 200) throw new Error(`${r.status} ${r.body.toString()}`);
      return { status: r.status, body: r.json };
    },
  } as unknown as CentralClient;
}

describe('fashen central receive', () => {
  it('counts a submission it could not handle, names its case by 案号, and words the reason for the admin', async () => {
    const w = workstation(newDataDir(), () => httpTransport(central.url, alice.token!));
    const file = join(tempDir(), 'outbox.fashen-bundle');
    let bobsCase: string;
    try {
      const mine = await publish(central.admin, await packageWithFiles(tempDir(), [10]), 'alice');
      const bobs = await publish(central.admin, await packageWithFiles(tempDir(), [11]), 'bob');
      bobsCase = bobs.caseNumber;
      await w.sync.run();
      await queueOpinion(w, signer, { caseId: mine.caseId, caseNumber: mine.caseNumber, revision: mine.revision, revisionHash: mine.revisionHash }, 'alice', '2026-11-21T01:00:00.000Z');
      // A case that is not hers (as if assigned to her and taken back before she signed).
      await queueOpinion(w, signer, { caseId: bobs.caseId, caseNumber: bobs.caseNumber, revision: bobs.revision, revisionHash: bobs.revisionHash }, 'alice', '2026-11-21T02:00:00.000Z');
      await exportOutboxBundle({ sync: w.sync, opinions: { keys: keysOf(signer) } }, file, undefined, { passphrase: BUNDLE_PASS });
    } finally {
      w.close();
    }
    const out: string[] = [];
    const err: string[] = [];
    printReceived(await receiveBundles(adminClient(), [file], pass()), { out: (s) => out.push(s), err: (s) => err.push(s) });
    expect(out.join('')).toMatch(/：审核员 alice（密钥 .+），2 项提交（已接收 1，已过时 0，已拒绝 0，未能处理 1）\n/);
    expect(err.join('')).toMatch(new RegExp(`^  未能处理  审核意见书 · 案号 ${bobsCase!.replace(/[()〔〕]/g, '.')}（提交 [0-9a-f]{8}）：案件不存在或未分配给该审核人员 alice\\n$`));
    expect(err.join('')).not.toMatch(/您/);
  });
});

describe('a sealed outbox bundle (加密的离线交换包)', () => {
  /** A workstation with one opinion queued, its bundle exported sealed, the plain JSON it carries, and the submission's id. */
  async function sealedOutbox(): Promise<{ file: string; id: string }> {
    const w = workstation(newDataDir(), () => httpTransport(central.url, alice.token!));
    try {
      const a = await publish(central.admin, await packageWithFiles(tempDir(), [20]), 'alice');
      await w.sync.run();
      const id = await queueOpinion(w, signer, { caseId: a.caseId, caseNumber: a.caseNumber, revision: a.revision, revisionHash: a.revisionHash }, 'alice');
      const file = join(tempDir(), 'outbox.fashen-bundle');
      await exportOutboxBundle({ sync: w.sync, opinions: { keys: keysOf(signer) }, audit: w.audit }, file, undefined, { passphrase: BUNDLE_PASS });
      return { file, id };
    } finally {
      w.close();
    }
  }
  const stored = async (id: string) => ((await central.admin.get('/v1/admin/submissions')).json as { id: string }[]).filter((s) => s.id === id).length;

  it('an export with a passphrase too short is refused before anything is signed or marked', async () => {
    const w = workstation(newDataDir(), () => httpTransport(central.url, alice.token!));
    try {
      w.audit.log.append({ action: 'case.open', subject: 'c', detail: {} });
      const file = join(tempDir(), 'short.fashen-bundle');
      let unlocked = 0;
      const keys = { ...keysOf(signer), unlock: async () => (unlocked++, signer.key) };
      await expect(exportOutboxBundle({ sync: w.sync, opinions: { keys }, audit: w.audit }, file, undefined, { passphrase: '123456789' })).rejects.toMatchObject({ error: { code: 'invalid_input' }, message: '交换包口令至少 10 个字符（现有 9 个）' });
      expect(existsSync(file)).toBe(false);
      expect(unlocked).toBe(0);
    } finally {
      w.close();
    }
  });

  it('round trip: sealed on the workstation (nothing readable on the stick), opened by central receive, its signature still checked', async () => {
    const { file, id } = await sealedOutbox();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('FSHNSEAL');
    for (const plain of ['fashen-outbox-bundle', 'alice', 'submissions']) expect(bytes.includes(Buffer.from(plain))).toBe(false);
    const [r] = await receiveBundles(adminClient(), [file], pass());
    expect(r).toMatchObject({ ok: true, encrypted: true, signer: 'alice', results: [{ id, status: 'accepted' }] });
    expect(await stored(id)).toBe(1);
  });

  it('a wrong passphrase, a byte flipped anywhere, a file cut short: refused with its words, nothing sent, nothing stored', async () => {
    const { file, id } = await sealedOutbox();
    const good = readFileSync(file);
    const sent = { n: 0 };
    const answer = async (p = BUNDLE_PASS) => (await receiveBundles(adminClient(sent), [file], pass(p)))[0]!;
    expect(await answer('另一个口令-不是这个')).toMatchObject({ ok: false, error: '口令不正确或文件已损坏' });
    for (const at of [9, 12, 20, 40, HEADER_BYTES + 3, Math.floor(good.length / 2), good.length - 1]) {
      const bad = Buffer.from(good);
      bad[at]! ^= 0x04;
      writeFileSync(file, bad);
      const r = await answer();
      expect(r.ok, `byte ${at}`).toBe(false);
      expect(r.ok ? '' : r.error).toMatch(/口令不正确或文件已损坏|已损坏|不完整|文件头无效/);
    }
    for (const len of [HEADER_BYTES + 10, good.length - 1, ...(good.length > chunkOffset(1) ? [chunkOffset(1)] : [])]) {
      writeFileSync(file, good);
      truncateSync(file, len);
      expect((await answer()).ok).toBe(false);
    }
    expect(sent.n).toBe(0);
    expect(await stored(id)).toBe(0);
    // The same stick copied again, whole: taken.
    writeFileSync(file, good);
    expect(await answer()).toMatchObject({ ok: true, results: [{ id, status: 'accepted' }] });
  });

  it('a sealed file met without a passphrase: said how to give one, nothing sent', async () => {
    const { file } = await sealedOutbox();
    const sent = { n: 0 };
    const [r] = await receiveBundles(adminClient(sent), [file]);
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/^此离线交换包已加密：请用 --passphrase-env/) });
    expect(sent.n).toBe(0);
  });
});

describe('a sync while the central system is not running', () => {
  it('ends 离线 after one refused try of the first step, without backing off', async () => {
    // A port with nothing listening: taken, then freed.
    const port = await new Promise<number>((res) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => res(p));
      });
    });
    let configTries = 0;
    const w = workstation(
      newDataDir(),
      () => {
        const t = new HttpTransport({ server: `http://127.0.0.1:${port}`, token: 'token', connectTimeout: 2_000, headersTimeout: 5_000, bodyTimeout: 5_000 });
        const config = t.centralConfig.bind(t);
        t.centralConfig = (signal) => {
          configTries++;
          return config(signal);
        };
        return t;
      },
      // Tiny delays: the assertion is on the number of tries, not on the time.
      { retry: { retries: 4, minDelay: 1, maxDelay: 2 } },
    );
    try {
      const r = await w.sync.run();
      expect(r.outcome).toBe('offline');
      expect(r.status.lastError).toMatch(/服务器拒绝连接（中心系统未运行，或地址、端口有误） \[ECONNREFUSED\]/);
      expect(configTries).toBe(1);
    } finally {
      w.close();
    }
  });

  it('still retries a server that is alive but drops or times out (only a refused connection is final)', () => {
    expect(isRetryable(new TransportError('network', '无法连接', null, 'ECONNREFUSED'))).toBe(false);
    expect(isRetryable(new TransportError('network', '无法连接', null, 'ECONNRESET'))).toBe(true);
    expect(isRetryable(new TransportError('network', '中心系统无响应（等待答复超时）'))).toBe(true);
    expect(isRetryable(new TransportError('http', '服务器错误', 503))).toBe(true);
  });
});
