// A bundle of case packages (sync.importBundle) through the importer's one entry point: an inner
// .zip follows the same top-folder rule as a .zip on disk, a bad bundle or a bad package in it is a
// zh-CN outcome (the good ones still come in, no scratch copy stays behind), and importing the same
// bundle again changes nothing. A calendar.json at the root is the working-day calendar, taken only
// when it passes the checks. (Plaintext at rest: cache/at-rest.test.ts; path tricks: engine.test.ts.)
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Workstation } from '../../../src/main/workstation';
import type { BundleImport } from '../../../src/shared/api/sync';
import { testCalendar } from '../../helpers/test-calendar';
import { packageRoot } from '../../../src/main/services/package-source';
import { importCaseBundle } from '../../../src/main/services/sync/case-bundle';
import { sealBytes } from '../../../src/main/services/bundle-envelope/seal';
import { filesUnder } from '../../helpers/cache-store';
import { tempDir } from '../../helpers/package-builder';
import { zipPackage } from '../../helpers/server-fixtures';
import { folderFiles, packageWithFiles, zipBuffer } from './fixtures';
import { memoryWorkstations } from './memory-workstations';

const ws = memoryWorkstations();

const staging = (w: Workstation) => filesUnder(join(w.dataDir, 'blobs', '.staging'));

async function bundleOf(files: [string, Buffer][]): Promise<string> {
  const out = join(tempDir('case-bundle-'), 'from-central.zip');
  writeFileSync(out, await zipBuffer(files));
  return out;
}

describe('packageRoot: where a zipped package starts', () => {
  it('the root when case.json is there, else the one top folder holding it, else the root', () => {
    expect(packageRoot(['case.json', 'x/case.json', 'evidence/a.pdf'])).toBe('');
    expect(packageRoot(['pkg/case.json', 'pkg/evidence/a.pdf', 'readme.txt'])).toBe('pkg/');
    expect(packageRoot(['a/case.json', 'b/case.json'])).toBe('');
    expect(packageRoot(['a/b/case.json', 'evidence/a.pdf'])).toBe('');
    expect(packageRoot([])).toBe('');
  });
});

describe('importCaseBundle', () => {
  it('imports a folder, an inner .zip and an inner .zip zipped with its top folder; again: unchanged, nothing new', async () => {
    const [a, b, c] = [await packageWithFiles(tempDir(), [120]), await packageWithFiles(tempDir(), [240]), await packageWithFiles(tempDir(), [360])];
    const bundle = await bundleOf([
      ...folderFiles(a.dir, 'a/'),
      ['b.zip', await zipPackage(b)],
      ['c.zip', await zipBuffer(folderFiles(c.dir, '案卷C/'))],
    ]);
    const w = ws();
    const progress: [number, number][] = [];
    const { outcomes: first, calendar } = await importCaseBundle(w.importer, bundle, { onProgress: (done, total) => progress.push([done, total]) });
    expect(calendar).toBeNull();
    expect(first.map((o) => [o.ok, o.ok && o.action, o.source.slice(bundle.length)])).toEqual([
      [true, 'imported', '/a'],
      [true, 'imported', '/b.zip'],
      [true, 'imported', '/c.zip'],
    ]);
    expect(first.map((o) => o.ok && o.caseId)).toEqual([a, b, c].map((p) => p.manifest.case.id));
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(w.cases.count()).toBe(3);
    expect(staging(w)).toEqual([]);

    // Exactly once: the same bundle carried in again imports nothing new.
    const { outcomes: again } = await importCaseBundle(w.importer, bundle);
    expect(again.map((o) => o.ok && o.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(w.cases.count()).toBe(3);
    expect(staging(w)).toEqual([]);
  });

  it('a bundle of one package in a top folder is that package', async () => {
    const a = await packageWithFiles(tempDir(), [64]);
    const bundle = await bundleOf(folderFiles(a.dir, '交换包/'));
    const w = ws();
    expect((await importCaseBundle(w.importer, bundle)).outcomes).toMatchObject([{ ok: true, action: 'imported', caseId: a.manifest.case.id, source: bundle }]);
  });

  it('a file that is not a .zip, or a bundle cut short on the stick: one zh-CN outcome saying to copy it again (no English), nothing imported', async () => {
    const [a, b] = [await packageWithFiles(tempDir(), [5000]), await packageWithFiles(tempDir(), [6000])];
    const whole = await zipBuffer([...folderFiles(a.dir, 'a/'), ...folderFiles(b.dir, 'b/')]);
    const truncated = join(tempDir(), 'truncated.zip');
    writeFileSync(truncated, whole.subarray(0, whole.length >> 1));
    const broken = join(tempDir(), 'broken.zip');
    writeFileSync(broken, '这不是压缩包');
    const w = ws();
    for (const bundle of [truncated, broken]) {
      const { outcomes: out } = await importCaseBundle(w.importer, bundle);
      expect(out).toEqual([{ ok: false, whole: true, source: bundle, error: expect.stringMatching(/^无法读取交换包：文件不完整或已损坏.*请从 U 盘重新复制一次，仍不行请向中心系统重新索取交换包$/) }]);
      expect(out[0]!.error!.replace('.zip', '')).not.toMatch(/[A-Za-z]{3,}/);
    }
    expect(w.cases.count()).toBe(0);
  });

  it('a folder of .zip files (a stick’s folder, not a package) imports each; an empty folder says what was expected', async () => {
    const [a, b] = [await packageWithFiles(tempDir(), [50]), await packageWithFiles(tempDir(), [60])];
    const dir = tempDir('stick-');
    writeFileSync(join(dir, 'a.zip'), await zipPackage(a));
    writeFileSync(join(dir, 'b.zip'), await zipPackage(b));
    writeFileSync(join(dir, '说明.txt'), '不是案卷');
    const w = ws();
    const { outcomes: out } = await importCaseBundle(w.importer, dir);
    expect(out).toMatchObject([
      { ok: true, action: 'imported', source: join(dir, 'a.zip'), caseNumber: a.manifest.case.caseNumber },
      { ok: true, action: 'imported', source: join(dir, 'b.zip'), caseNumber: b.manifest.case.caseNumber },
    ]);
    const empty = tempDir('empty-');
    expect((await importCaseBundle(w.importer, empty)).outcomes).toEqual([
      {
        ok: false,
        source: empty,
        error: `这个文件夹中没有 case.json，也没有案卷文件夹或 .zip 文件：${empty}。请填写案卷文件夹（含有 case.json）、案卷包或中心系统交换包（.zip 文件），或装有它们的文件夹的路径`,
      },
    ]);
    expect(w.cases.count()).toBe(2);
  });

  it('a stick’s folder holding a sealed bundle (.fashen-cases) asks for its passphrase before taking anything; wrong, only that bundle is refused', async () => {
    const [a, b] = [await packageWithFiles(tempDir(), [70]), await packageWithFiles(tempDir(), [80_000])];
    const pass = '青山-打印机-四十七';
    const dir = tempDir('stick-');
    writeFileSync(join(dir, 'a.zip'), await zipPackage(a));
    writeFileSync(join(dir, 'b.fashen-cases'), await sealBytes(await zipPackage(b), pass, 'case-bundle', { logN: 14, r: 8, p: 1 }));
    const w = ws();
    await expect(importCaseBundle(w.importer, dir)).rejects.toMatchObject({ error: { code: 'passphrase_required', message: expect.stringContaining('文件夹中的案卷交换包已加密') } });
    expect(w.cases.count()).toBe(0);
    const wrong = await importCaseBundle(w.importer, dir, { passphrase: '不是这个口令-0000' });
    expect(wrong.outcomes).toMatchObject([
      { ok: true, action: 'imported', caseNumber: a.manifest.case.caseNumber },
      { ok: false, whole: true, source: join(dir, 'b.fashen-cases'), error: '口令不正确或文件已损坏' },
    ]);
    const right = await importCaseBundle(w.importer, dir, { passphrase: pass });
    expect(right.outcomes).toMatchObject([
      { ok: true, action: 'unchanged' },
      { ok: true, action: 'imported', caseNumber: b.manifest.case.caseNumber },
    ]);
    expect(w.cases.count()).toBe(2);
    expect(staging(w)).toEqual([]);
  });

  it('a folder of case folders imports each on its own: one broken case is reported with its 案号, the others come in; again: already up to date', async () => {
    const stick = tempDir('stick-');
    const cases = [await packageWithFiles(stick, [70]), await packageWithFiles(stick, [80]), await packageWithFiles(stick, [90])];
    const broken = cases[1]!;
    writeFileSync(join(broken.dir, 'evidence', 'blob-0.bin'), Buffer.alloc(80, 1));
    const w = ws();
    const progress: [number, number][] = [];
    const { outcomes: out } = await importCaseBundle(w.importer, stick, { onProgress: (done, total) => progress.push([done, total]) });
    const bySource = new Map(out.map((o) => [o.source, o]));
    expect(out).toHaveLength(3);
    for (const c of cases) expect(bySource.get(c.dir)?.caseNumber).toBe(c.manifest.case.caseNumber);
    expect(bySource.get(broken.dir)).toMatchObject({ ok: false, error: '案卷包文件校验失败（1 处问题）' });
    expect(out.filter((o) => o.ok).map((o) => o.action)).toEqual(['imported', 'imported']);
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(w.cases.count()).toBe(2);
    const { outcomes: again } = await importCaseBundle(w.importer, stick);
    expect(again.filter((o) => o.ok).map((o) => o.action)).toEqual(['unchanged', 'unchanged']);
    expect(staging(w)).toEqual([]);
  });

  it('the path to a case.json imports its folder; a file that is neither a folder nor a .zip says so in Chinese only', async () => {
    const a = await packageWithFiles(tempDir(), [40]);
    const w = ws();
    expect((await importCaseBundle(w.importer, join(a.dir, 'case.json'))).outcomes).toMatchObject([{ ok: true, action: 'imported', source: a.dir, caseNumber: a.manifest.case.caseNumber }]);
    const pdf = join(a.dir, 'evidence', 'blob-0.bin');
    const [bad] = (await importCaseBundle(w.importer, pdf)).outcomes;
    expect(bad).toMatchObject({ ok: false, source: pdf, error: `这不是案卷包：${pdf}` });
    for (const line of [bad!.error!, ...(bad!.details ?? [])]) expect(line.replace(pdf, '').replace(/case\.json|\.zip/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('a corrupt inner .zip and a package whose file does not match are their own zh-CN outcomes; the good package still comes in', async () => {
    const [good, bad] = [await packageWithFiles(tempDir(), [100]), await packageWithFiles(tempDir(), [200])];
    // One byte of an evidence file changed after case.json listed its hash.
    const badFiles = folderFiles(bad.dir, '').map(([n, bytes]): [string, Buffer] => (n === 'evidence/blob-0.bin' ? [n, Buffer.concat([bytes.subarray(0, -1), Buffer.from([bytes.at(-1)! ^ 1])])] : [n, bytes]));
    const bundle = await bundleOf([
      ...folderFiles(good.dir, 'good/'),
      ['junk.zip', Buffer.from('这不是压缩包，只是名字像')],
      ['bad.zip', await zipBuffer(badFiles)],
    ]);
    const w = ws();
    const { outcomes: out } = await importCaseBundle(w.importer, bundle);
    expect(out.map((o) => o.ok)).toEqual([true, false, false]);
    expect(out[0]).toMatchObject({ action: 'imported', caseId: good.manifest.case.id });
    expect(out[1]).toMatchObject({ source: `${bundle}/junk.zip`, error: `无法读取案卷包（不是有效的 .zip）：${bundle}/junk.zip`, details: [expect.stringMatching(/^文件不完整或已损坏/)] });
    expect(out[2]).toMatchObject({ source: `${bundle}/bad.zip`, error: '案卷包文件校验失败（1 处问题）' });
    expect(out[2]!.details?.[0]).toMatch(/^文件校验值不符：evidence\/blob-0\.bin/);
    expect(w.cases.count()).toBe(1);
    // Neither the scratch copies of the inner .zip files nor the refused package's staged files stay.
    expect(staging(w)).toEqual([]);
  });
});

describe('a working-day calendar in a bundle (an office that never connects)', () => {
  const importBundle = async (w: Workstation, path: string) => {
    const { buildApi } = await import('../../../src/main/api');
    const { dispatch } = await import('../../../src/main/dispatch');
    const r = await dispatch(buildApi(w, 'host'), 'sync.importBundle', { path });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value as BundleImport;
  };

  it('is taken with the packages and counts at once; carried in again it is already here', async () => {
    const a = await packageWithFiles(tempDir(), [80]);
    const b = await packageWithFiles(tempDir(), [90]);
    const bundle = await bundleOf([...folderFiles(a.dir, 'a/'), ...folderFiles(b.dir, 'b/'), ['calendar.json', Buffer.from(JSON.stringify(testCalendar()))]]);
    const w = ws();
    const first = await importBundle(w, bundle);
    expect(first.outcomes.map((o) => o.ok)).toEqual([true, true]);
    expect(first.calendar).toEqual({ taken: true, years: [2099], source: testCalendar().source, changed: true });
    expect(w.calendar.isWorkingDay('2099-01-01')).toBe(false);
    expect(existsSync(join(w.dataDir, 'calendar.json'))).toBe(true);
    expect(w.audit.log.list().filter((e) => e.action === 'calendar.update').map((e) => e.detail)).toEqual([{ years: [2099], source: testCalendar().source, origin: 'bundle', via: 'browser' }]);
    const again = await importBundle(w, bundle);
    expect(again.calendar).toMatchObject({ taken: true, changed: false });
  });

  it('a bad one is refused with the reason; the packages still come in and the calendar stays as it was', async () => {
    const a = await packageWithFiles(tempDir(), [70]);
    const b = await packageWithFiles(tempDir(), [60]);
    const bad = { ...testCalendar(), holidays: { '2099-01-01': '元旦' } };
    const bundle = await bundleOf([...folderFiles(a.dir, 'a/'), ...folderFiles(b.dir, 'b/'), ['calendar.json', Buffer.from(JSON.stringify(bad))]]);
    const w = ws();
    const r = await importBundle(w, bundle);
    expect(r.outcomes.map((o) => o.ok)).toEqual([true, true]);
    expect(r.calendar).toEqual({ taken: false, problem: expect.stringContaining('2099年只列了 1 天节假日') });
    expect(w.calendar.covers(2099)).toBe(false);
    expect(existsSync(join(w.dataDir, 'calendar.json'))).toBe(false);
    const notJson = await bundleOf([...folderFiles(a.dir, 'a/'), ...folderFiles(b.dir, 'b/'), ['calendar.json', Buffer.from('不是日历')]]);
    expect((await importBundle(w, notJson)).calendar).toEqual({ taken: false, problem: expect.stringContaining('不是有效的 JSON') });
  });
});

describe('an older revision than the one here (a package or bundle carried in late)', () => {
  it('is left alone with one calm line, counted unchanged, not failed; the same revision with other content still fails', async () => {
    const { buildApi } = await import('../../../src/main/api');
    const { dispatch } = await import('../../../src/main/dispatch');
    const importBundle = async (w: Workstation, path: string) => {
      const r = await dispatch(buildApi(w, 'host'), 'sync.importBundle', { path });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value as BundleImport;
    };
    const rev1 = await packageWithFiles(tempDir(), [70]);
    const { id, caseNumber } = rev1.manifest.case;
    const w = ws();
    // Revision 2 after a 退回 (a new round), then revision 1 from an old stick.
    expect((await importBundle(w, rev1.dir)).outcomes).toMatchObject([{ ok: true, action: 'imported' }]);
    w.cases.setStatus(id, 'returned');
    const rev2 = await packageWithFiles(tempDir(), [80], { id, caseNumber, revision: 2 });
    expect((await importBundle(w, rev2.dir)).outcomes).toMatchObject([{ ok: true, action: 'new_round' }]);
    for (const path of [rev1.dir, await bundleOf([...folderFiles(rev1.dir, 'r1/'), ...folderFiles((await packageWithFiles(tempDir(), [90])).dir, 'x/')])]) {
      const r = await importBundle(w, path);
      expect(r.outcomes).toContainEqual({ source: expect.any(String), ok: true, caseId: id, caseNumber, action: 'unchanged', note: expect.stringMatching(/^本机已有更新的修订 2，(案卷包|交换包)中的修订 1 较早，未导入（无需处理）$/) });
      expect(r.outcomes.every((o) => o.ok)).toBe(true);
    }
    expect(w.cases.load(id)!.row).toMatchObject({ revision: 2, round: 2 });
    const other = await packageWithFiles(tempDir(), [99], { id, caseNumber, revision: 2 });
    expect((await importBundle(w, other.dir)).outcomes).toEqual([{ source: other.dir, ok: false, caseId: id, caseNumber, error: expect.stringContaining('已存在（修订 2），导入包为修订 2 且内容不同'), details: expect.any(Array) }]);
  });
});

// 导入案卷包 takes a lone case folder or .zip as well as an exchange bundle: the audit log says which.
describe('the audit entry of each case says what it came in', () => {
  const importBundle = async (w: Workstation, path: string) => {
    const { buildApi } = await import('../../../src/main/api');
    const { dispatch } = await import('../../../src/main/dispatch');
    const r = await dispatch(buildApi(w, 'host'), 'sync.importBundle', { path });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  };
  const origins = (w: Workstation) => w.audit.log.list().filter((e) => e.action === 'case.import').map((e) => [e.detail.origin, e.detail.source]);

  it('a case folder is a 案卷包 folder, a single .zip a 案卷包 .zip, packages of a multi-package .zip a 交换包', async () => {
    const folder = await packageWithFiles(tempDir(), [10]);
    const zipped = await packageWithFiles(tempDir(), [20]);
    const a = await packageWithFiles(tempDir(), [30]);
    const b = await packageWithFiles(tempDir(), [40]);
    const single = join(tempDir('case-zip-'), 'one-case.zip');
    writeFileSync(single, await zipPackage(zipped));
    const bundle = await bundleOf([...folderFiles(a.dir, 'a/'), ...folderFiles(b.dir, 'b/')]);
    const w = ws();
    await importBundle(w, folder.dir);
    await importBundle(w, single);
    await importBundle(w, bundle);
    expect(origins(w)).toEqual([
      ['folder', basename(folder.dir)],
      ['zip', 'one-case.zip'],
      ['bundle', 'a'],
      ['bundle', 'b'],
    ]);
  });
});
