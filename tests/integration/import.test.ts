// Import of case packages into a real store: every demo package, and bad packages rejected
// with a precise error and nothing changed.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import { createWriteStream } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Workstation } from '../../src/main/workstation';
import { generateDemoPackages, type GeneratedCase } from '../../src/main/demo/generate';
import { buildPackage, tempDir } from '../helpers/package-builder';

const TODAY = '2026-11-23';
let demo: GeneratedCase[];
const open: Workstation[] = [];

function workstation(): Workstation {
  const ws = new Workstation({ dataDir: tempDir('ws-'), today: () => TODAY });
  open.push(ws);
  return ws;
}
afterEach(() => open.splice(0).forEach((w) => w.close()));

/** Snapshot of everything the store holds: row counts and blob files. */
function snapshot(ws: Workstation) {
  const counts = Object.fromEntries(
    ['case_file', 'party', 'officer', 'agency', 'document', 'evidence', 'blob', 'case_officer'].map((t) => [t, (ws.store.sqlite.prepare(`select count(*) n from ${t}`).get() as { n: number }).n]),
  );
  const files: string[] = [];
  const walk = (d: string) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : files.push(join(d, e.name))));
  walk(ws.blobs.root);
  return { counts, files: files.sort() };
}

async function zipFolder(dir: string, out: string): Promise<void> {
  const zip = new yazl.ZipFile();
  const walk = (d: string, rel: string) =>
    readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(d, e.name), `${rel}${e.name}/`) : zip.addFile(join(d, e.name), `${rel}${e.name}`)));
  walk(dir, '');
  zip.end();
  await new Promise<void>((res, rej) => zip.outputStream.pipe(createWriteStream(out)).on('close', res).on('error', rej));
}

beforeAll(async () => {
  demo = await generateDemoPackages({ outDir: tempDir('demo-'), today: TODAY, seed: 7 });
}, 120_000);

describe('importing the demo case files', () => {
  it('imports every demo package and shows each in the queue', async () => {
    const ws = workstation();
    const outcomes = await ws.importer.importMany(demo.map((d) => d.dir));
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(outcomes.every((o) => o.action === 'imported')).toBe(true);
    const rows = ws.views.list({});
    expect(rows).toHaveLength(demo.length);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const r of rows) {
      expect(r.offline).toBe(true);
      expect(r.remainingWorkingDays).not.toBeNull();
      expect(r.caseNumber).toMatch(/〔\d{4}〕[1-9]\d*号$/);
    }
    // The queue shows a range of deadlines, including urgent ones.
    expect(rows.some((r) => (r.remainingWorkingDays ?? 99) <= 2)).toBe(true);
    const view = ws.views.get(rows[0]!.id)!;
    expect(view.documents.length).toBeGreaterThanOrEqual(6);
    expect(view.evidence.length).toBeGreaterThanOrEqual(5);
    expect(view.documents.every((d) => d.file.present)).toBe(true);
    expect(view.timeline.map((s) => s.label)).toEqual(expect.arrayContaining(['线索', '立案', '送审']));
  });

  it('re-importing the same revision changes nothing', async () => {
    const ws = workstation();
    await ws.importer.importOne(demo[0]!.dir);
    const before = snapshot(ws);
    const again = await ws.importer.importOne(demo[0]!.dir);
    expect(again).toMatchObject({ ok: true, action: 'unchanged' });
    expect(snapshot(ws)).toEqual(before);
  });

  it('imports a package from a .zip (with or without a top folder)', async () => {
    const ws = workstation();
    const zip = join(tempDir(), 'case.zip');
    await zipFolder(demo[1]!.dir, zip);
    expect(await ws.importer.importOne(zip)).toMatchObject({ ok: true, action: 'imported', caseId: demo[1]!.caseId });
  });

  it('stores files content-addressed and verified by sha256', async () => {
    const ws = workstation();
    await ws.importer.importOne(demo[0]!.dir);
    const view = ws.views.get(demo[0]!.caseId)!;
    for (const d of view.documents) {
      expect(ws.blobs.pathOf(d.file.sha256)).toMatch(new RegExp(`${d.file.sha256.slice(0, 2)}/${d.file.sha256.slice(2)}$`));
      expect(await ws.blobs.verify(d.file.sha256)).toBe('ok');
    }
  });
});

describe('bad packages are rejected precisely and change nothing', () => {
  async function expectRejected(ws: Workstation, path: string, message: RegExp, detail?: RegExp) {
    const before = snapshot(ws);
    const outcome = await ws.importer.importOne(path);
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(message);
    if (detail) expect(outcome.details?.join('\n')).toMatch(detail);
    expect(snapshot(ws)).toEqual(before);
    expect(readdirSync(join(ws.blobs.root, '.staging'))).toEqual([]);
  }

  it('schema error', async () => {
    const ws = workstation();
    await ws.importer.importOne(demo[0]!.dir);
    const p = await buildPackage(tempDir());
    p.manifest.case.caseNumber = '无效案号';
    p.write();
    await expectRejected(ws, p.dir, /case\.json 不符合案卷包格式/, /case\.caseNumber：案号格式应如/);
  });

  it('case.json that is not JSON, and a missing case.json', async () => {
    const ws = workstation();
    const p = await buildPackage(tempDir());
    writeFileSync(join(p.dir, 'case.json'), '{ "format": ');
    await expectRejected(ws, p.dir, /case\.json 不是有效的 JSON/);
    rmSync(join(p.dir, 'case.json'));
    await expectRejected(ws, p.dir, /缺少 case\.json/);
  });

  it('missing file', async () => {
    const ws = workstation();
    const p = await buildPackage(tempDir());
    rmSync(join(p.dir, 'evidence/photo.pdf'));
    await expectRejected(ws, p.dir, /文件校验失败（1 处问题）/, /缺少文件：evidence\/photo\.pdf/);
  });

  it('hash mismatch (one byte appended)', async () => {
    const ws = workstation();
    const p = await buildPackage(tempDir());
    appendFileSync(join(p.dir, 'documents/notice.pdf'), 'x');
    await expectRejected(ws, p.dir, /文件校验失败/, /文件校验值不符：documents\/notice\.pdf/);
  });

  it('duplicate case with a different revision', async () => {
    const ws = workstation();
    const p = await buildPackage(tempDir());
    expect((await ws.importer.importOne(p.dir)).ok).toBe(true);
    p.manifest.case.revision = 2;
    p.manifest.case.facts += '（补充调查后修改）';
    p.write();
    await expectRejected(ws, p.dir, /已存在（修订 1），导入包为修订 2 且内容不同；未作任何更改/);
  });

  it('a case number already used by another case', async () => {
    const ws = workstation();
    const a = await buildPackage(tempDir());
    await ws.importer.importOne(a.dir);
    const b = await buildPackage(tempDir(), { caseNumber: a.manifest.case.caseNumber });
    await expectRejected(ws, b.dir, /已被另一案件.*使用/);
  });

  it('not a package at all: a nonexistent path, a corrupt zip, a file path escaping the folder', async () => {
    const ws = workstation();
    await expectRejected(ws, '/nonexistent/pkg', /找不到案卷包/);
    const junk = join(tempDir(), 'junk.zip');
    writeFileSync(junk, 'this is not a zip');
    await expectRejected(ws, junk, /无法读取案卷包/);
    const p = await buildPackage(tempDir());
    const raw = JSON.parse(readFileSync(join(p.dir, 'case.json'), 'utf8'));
    raw.documents[0].file.path = '../outside.pdf';
    writeFileSync(join(p.dir, 'case.json'), JSON.stringify(raw));
    await expectRejected(ws, p.dir, /不符合案卷包格式/, /不得为绝对路径或包含 \.\./);
  });

  it('a good package in the same batch still imports', async () => {
    const ws = workstation();
    const bad = await buildPackage(tempDir());
    rmSync(join(bad.dir, 'documents/notice.pdf'));
    const good = await buildPackage(tempDir());
    const out = await ws.importer.importMany([bad.dir, good.dir]);
    expect(out.map((o) => o.ok)).toEqual([false, true]);
    expect(ws.views.list({})).toHaveLength(1);
    expect(statSync(ws.blobs.root).isDirectory()).toBe(true);
  });
});
