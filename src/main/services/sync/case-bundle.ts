// A bundle of case packages from the central system (for a workstation without a connection):
// one .zip holding several packages — each a folder with case.json or an inner .zip — or simply
// one package, or a folder of packages (a USB stick's case folders). Each package goes through the importer's one entry point (importFrom), as if
// imported from a USB stick. Entry names are checked before anything is read (no "..", no absolute
// paths, no backslashes). Nothing of a bundle is extracted to disk in the clear: folders are read
// in place from the .zip, inner .zip files through an encrypted scratch copy (bundle-source.ts).
// Packages are imported in groups, their new files sealed into the store's packs (bundle-import-group.ts).
// A calendar.json at the root is the working-day calendar (a new year's holiday schedule for an
// office that never connects): handed to `takeCalendar`, which checks it like a sync does.
import { existsSync } from 'node:fs';
import type yauzl from 'yauzl';
import type { ImportOutcome } from '../../../shared/api/cases';
import type { BundleCalendar, BundleImport, BundleReport, CentralBundleResult } from '../../../shared/api/sync';
import { CALENDAR_FILE } from '../../../shared/calendar/calendar-file';
import { CASE_BUNDLE_MANIFEST, type CaseBundleManifest } from '../../../shared/sync/case-bundle-manifest';
import type { ManifestCheck } from './central-manifest';
import type { CaseImporter } from '../importer';
import { openPackage, packagePath, packageRoot, ZipSource } from '../package-source';
import { listZipEntries, openZipEntry, openZipFile, readZipText } from '../zip-read';
import { sha256 } from '../signing/pem';
import { innerZipSource } from './bundle-source';
import { ApiFailure } from '../../../shared/api/result';
import { EnvelopeError } from '../bundle-envelope/format';
import { isSealedFile, SealedFile } from '../bundle-envelope/open';
import { openSealedZip } from '../bundle-envelope/sealed-zip';
import { packageFolder, type PackageFolder } from './package-folder';
import { BundleImportGroup, type BundleJob } from './bundle-import-group';

const safeName = (n: string) => n.length > 0 && !n.startsWith('/') && !n.includes('\\') && !n.split('/').includes('..') && !/^[a-zA-Z]:/.test(n);

/** A calendar larger than this is not a holiday schedule. */
const CALENDAR_MAX_BYTES = 1024 * 1024;
/** 100,000 cases and answers fit well below this. */
const MANIFEST_MAX_BYTES = 64 * 1024 * 1024;

export interface CaseBundleOptions {
  onProgress?: (done: number, total: number, label: string) => void;
  /** Takes the text of a calendar.json found at the bundle's root (absent: it is left alone). */
  takeCalendar?: (text: string) => BundleCalendar;
  /** Checks a bundle.json found at the root (the central system's signed manifest); absent: it is ignored. */
  checkManifest?: (text: string) => ManifestCheck;
  /** Applies the answers a verified manifest carried (to the outbox entries still queued). */
  settle?: (answers: CaseBundleManifest['answers']) => { accepted: number; stale: number; rejected: number };
  /** The case as this workstation holds it (absent: not asked, every package goes to the importer as it is). */
  here?: (caseId: string, caseNumber: string) => { revision: number } | null;
  /** Opens a sealed bundle (bundle-envelope); without it, or wrong, a sealed one is ApiFailure `passphrase_required`. */
  passphrase?: string;
}

const SEALED_LABEL = '正在解密并校验加密交换包';

/**
 * A sealed bundle opened and checked whole before anything of it is read (a byte changed anywhere
 * refuses it all). The passphrase missing or wrong: ApiFailure passphrase_required, for the app to
 * ask and call again; damage found after the passphrase proved right: the reason.
 */
async function openSealed(path: string, opts: CaseBundleOptions): Promise<{ file: SealedFile } | { problem: string }> {
  if (opts.passphrase === undefined) throw new ApiFailure({ code: 'passphrase_required', message: '此案卷交换包已加密：请输入中心系统管理员另行告知的交换包口令' });
  let file: SealedFile;
  try {
    file = await SealedFile.open(path, opts.passphrase, 'case-bundle');
  } catch (err) {
    if (!(err instanceof EnvelopeError)) throw err;
    if (err.problem === 'passphrase') throw new ApiFailure({ code: 'passphrase_required', message: err.message });
    return { problem: err.message };
  }
  try {
    let shown = -1;
    await file.verify((done, total) => {
      const pct = total ? Math.floor((done / total) * 100) : 100;
      if (pct !== shown) opts.onProgress?.((shown = pct), 100, SEALED_LABEL);
    });
    return { file };
  } catch (err) {
    await file.close();
    if (err instanceof EnvelopeError) return { problem: err.message };
    throw err;
  }
}

/** Said of a bundle file that cannot be read as a .zip (yauzl's English is no help to a reviewer). */
const DAMAGED = '文件不完整或已损坏（可能复制时中断或未复制完）';
const COPY_AGAIN = '请从 U 盘重新复制一次，仍不行请向中心系统重新索取交换包';

/** A small file at the bundle's root as text; null: not there; `problem`: unreadable or too large. */
async function rootText(zip: yauzl.ZipFile, entries: yauzl.Entry[], name: string, maxBytes: number): Promise<{ text: string } | { problem: string } | null> {
  const entry = entries.find((e) => e.fileName === name);
  if (!entry) return null;
  try {
    const text = await readZipText(zip, entry, maxBytes);
    return text === null ? { problem: `交换包中的 ${name} 过大（${entry.uncompressedSize} 字节）` } : { text };
  } catch {
    return { problem: `交换包中的 ${name} 无法读取：${DAMAGED}；${COPY_AGAIN}` };
  }
}

/** The central system's manifest, checked; null: none in the bundle (or not asked to check). */
async function readManifest(zip: yauzl.ZipFile, entries: yauzl.Entry[], check: ((text: string) => ManifestCheck) | undefined): Promise<ManifestCheck | null> {
  const r = check ? await rootText(zip, entries, CASE_BUNDLE_MANIFEST, MANIFEST_MAX_BYTES) : null;
  if (!r || !check) return null;
  return 'text' in r ? check(r.text) : { kind: 'invalid', problem: `${r.problem}，未导入任何内容` };
}

/**
 * What a verified manifest says against what the bundle holds: more packages than it lists, or a
 * calendar it does not list (or with other bytes), means the stick was changed after the central
 * system signed it, and nothing is taken. A package swapped for an unlisted one is refused by the
 * importer (centralRevisions); a listed case or calendar that is missing is reported after the import.
 */
function unsignedContent(m: CaseBundleManifest, packages: number, calendar: { text: string } | { problem: string } | null): string | null {
  const changed = '，可能在途中被改动，未导入任何内容';
  if (packages > m.cases.length) return `交换包中的案卷（${packages} 件）多于中心系统签名清单所列（${m.cases.length} 件）${changed}`;
  if (calendar && !m.calendar) return `交换包中的工作日历（${CALENDAR_FILE}）不在中心系统的签名之内${changed}`;
  if (calendar && m.calendar && !('text' in calendar && sha256(calendar.text).toString('hex') === m.calendar.sha256)) return `交换包中的工作日历（${CALENDAR_FILE}）与中心系统签名时的不同${changed}`;
  return null;
}

/**
 * Listed in the signed manifest but not in the bundle: each said, nothing else is affected. `present`:
 * the cases the bundle's packages are of, imported or not (one that failed was said already).
 */
function missingListed(m: CaseBundleManifest, path: string, present: ReadonlySet<string>): ImportOutcome[] {
  return m.cases.filter((c) => !present.has(c.id)).map((c) => ({ source: `${path}/${c.id}`, ok: false, caseId: c.id, error: `中心系统签名清单所列的案件 ${c.id}（修订 ${c.revision}）不在交换包中，可能在途中被删去；请向中心系统重新索取交换包` }));
}

/**
 * The calendar at the root, taken after the packages: a damaged one is reported with them, not
 * instead of them. One the signed manifest lists but the bundle lacks is said.
 */
function takeCalendar(take: (text: string) => BundleCalendar, found: { text: string } | { problem: string } | null, signed: CaseBundleManifest | null): BundleCalendar | null {
  if (found) return 'text' in found ? take(found.text) : { taken: false, problem: found.problem };
  if (signed?.calendar) return { taken: false, problem: `中心系统签名的交换包应带有工作日历（${CALENDAR_FILE}），但包中没有，可能在途中被删去；工作日历未更改` };
  return null;
}

/** Nothing of the bundle taken, for one reason. */
const refused = (source: string, error: string, details?: string[]): BundleImport => ({ outcomes: [{ source, ok: false, whole: true, error, ...(details ? { details } : {}) }], calendar: null });

/** Whether a .zip of a folder was a bundle (signed, carrying a calendar, several packages, or refused whole), not one package. */
const wasBundle = (r: BundleImport) => r.central !== undefined || r.calendar !== null || r.outcomes.length > 1 || r.outcomes.some((o) => o.whole);

/** One bundle's own result, for the reader of a folder holding several. */
function reportOf(source: string, r: BundleImport): BundleReport {
  const refusal = r.outcomes.length === 1 && r.outcomes[0]!.whole ? r.outcomes[0]!.error ?? '未知原因' : undefined;
  const counts = { taken: 0, unchanged: 0, refused: 0 };
  for (const o of r.outcomes) counts[!o.ok ? 'refused' : o.action === 'unchanged' ? 'unchanged' : 'taken']++;
  return { source, calendar: r.calendar, ...(r.central ? { central: r.central } : {}), counts, ...(refusal ? { refusal } : {}), ...(r.encrypted !== undefined ? { encrypted: r.encrypted } : {}) };
}

/**
 * A folder of packages (a USB stick's folder of case folders or .zip files): each on its own, one
 * that fails does not stop the rest. A .zip goes the way of any .zip given to import (a package, or
 * a bundle with its signature and calendar checked); each bundle's own result is reported in
 * `bundles` (two bundles from the central system may differ in signature, calendar and cases).
 */
async function importFolder(importer: CaseImporter, entries: PackageFolder['entries'], opts: CaseBundleOptions): Promise<BundleImport> {
  const { onProgress, ...each } = opts;
  // A sealed bundle among them: its passphrase is asked for before anything of the folder is taken.
  const sealed = entries.find((e) => e.zip && isSealedFile(e.path));
  if (sealed && opts.passphrase === undefined) throw new ApiFailure({ code: 'passphrase_required', message: `文件夹中的案卷交换包已加密：请输入中心系统管理员另行告知的交换包口令（${sealed.path}）` });
  const bundles: BundleReport[] = [];
  const outcomes = await BundleImportGroup.run(importer, async (group) => {
    for (let i = 0; i < entries.length; ) {
      const e = entries[i]!;
      if (e.zip) {
        // A sealed bundle among the folder's files without (or with a wrong) passphrase is said, the rest goes on.
        const r = await importCaseBundle(importer, e.path, each).catch((err: unknown) => {
          if (err instanceof ApiFailure && err.error.code === 'passphrase_required') return refused(e.path, err.message);
          throw err;
        });
        await group.append(r.outcomes);
        if (wasBundle(r)) bundles.push(reportOf(e.path, r));
        i++;
        onProgress?.(i, entries.length, e.path);
        continue;
      }
      // The case folders up to the next .zip: each opened while the one before it is imported.
      let end = i;
      while (end < entries.length && !entries[end]!.zip) end++;
      const folders = entries.slice(i, end);
      const from = i;
      await group.addAll(
        folders.map((f) => ({ label: f.path, open: () => openPackage(f.path) })),
        { here: opts.here, where: '案卷包' },
        (k) => onProgress?.(from + k + 1, entries.length, folders[k]!.path),
      );
      i = end;
    }
  });
  return { outcomes, calendar: null, ...(bundles.length ? { bundles } : {}) };
}

/**
 * Imports every package in the bundle; a single-package .zip (or a folder) is imported as is, a
 * folder of packages package by package, and the path to a case.json as its folder.
 */
export async function importCaseBundle(importer: CaseImporter, given: string, opts: CaseBundleOptions = {}): Promise<BundleImport> {
  const { onProgress } = opts;
  const path = packagePath(given);
  // A sealed bundle is known by its first bytes, whatever its name.
  const sealed = isSealedFile(path);
  // A folder, or a path that is not there (the importer says 找不到案卷包), goes the way of one package.
  if (!sealed && (!path.toLowerCase().endsWith('.zip') || !existsSync(path))) {
    const folder = packageFolder(path);
    if (folder && 'entries' in folder) return importFolder(importer, folder.entries, opts);
    const outcomes = folder
      ? [{ source: path, ok: false, error: folder.problem }]
      : await BundleImportGroup.run(importer, (group) => group.addAll([{ label: path, open: () => openPackage(path) }], { here: opts.here, where: '案卷包' }));
    onProgress?.(1, 1, path);
    return { outcomes, calendar: null };
  }
  let file: SealedFile | undefined;
  if (sealed) {
    const r = await openSealed(path, opts);
    // Not `encrypted: true`: that says it was opened whole (the app reads it as 已用口令解密，文件完整).
    if ('problem' in r) return refused(path, r.problem);
    file = r.file;
  }
  let zip: yauzl.ZipFile | undefined;
  let entries: yauzl.Entry[];
  try {
    zip = file ? await openSealedZip(file) : await openZipFile(path);
    entries = await listZipEntries(zip);
  } catch (err) {
    if (zip) zip.close();
    else await file?.close();
    // yauzl refuses a "../" or absolute entry name while listing: that is a path trick, not damage.
    const unsafe = /^(?:invalid relative path|absolute path|invalid characters in fileName): (.*)$/s.exec((err as Error).message);
    if (unsafe) return refused(path, '交换包中有不安全的文件路径，未导入任何内容', [unsafe[1]!]);
    return refused(path, `无法读取交换包：${DAMAGED}，不是完整的 .zip 文件。${COPY_AGAIN}`);
  }
  const opened = zip;
  try {
    const names = entries.map((e) => e.fileName).filter((n) => !n.endsWith('/'));
    const nested = names.filter((n) => /^[^/]+\/case\.json$/.test(n)).map((n) => n.slice(0, n.indexOf('/')));
    const inner = entries.filter((e) => /^[^/]+\.zip$/i.test(e.fileName));
    const single = names.includes('case.json') || nested.length + inner.length <= 1;
    if (!single) {
      const bad = names.filter((n) => !safeName(n));
      if (bad.length) return refused(path, '交换包中有不安全的文件路径，未导入任何内容', bad.slice(0, 10));
    }
    // One package (perhaps in a top folder) is read from the zip already open, as any .zip would be.
    const jobs: BundleJob[] = single
      ? [{ label: path, open: async () => ZipSource.under(path, opened, entries, packageRoot(names)) }]
      : [
          ...nested.map((top) => ({ label: `${path}/${top}`, open: async () => ZipSource.under(`${path}/${top}`, opened, entries, `${top}/`) })),
          ...inner.map((e) => ({ label: `${path}/${e.fileName}`, open: async () => innerZipSource(importer.store, `${path}/${e.fileName}`, await openZipEntry(opened, e)) })),
        ];
    // A signature that fails means the bundle was changed on the way: nothing of it is taken.
    const manifest = await readManifest(opened, entries, opts.checkManifest);
    if (manifest?.kind === 'invalid') return refused(path, manifest.problem);
    const signed = manifest?.kind === 'verified' ? manifest.manifest : null;
    const calendarText = opts.takeCalendar || signed ? await rootText(opened, entries, CALENDAR_FILE, CALENDAR_MAX_BYTES) : null;
    const unsigned = signed ? unsignedContent(signed, jobs.length, calendarText) : null;
    if (unsigned) return refused(path, unsigned);
    const centralRevisions = signed ? new Set(signed.cases.map((c) => c.revisionHash)) : undefined;
    const present = new Set<string>();
    const out = await BundleImportGroup.run(importer, (group) =>
      group.addAll(jobs, { ...(centralRevisions ? { centralRevisions } : {}), here: opts.here, where: single && !signed ? '案卷包' : '交换包' }, (i, caseId) => {
        if (caseId) present.add(caseId);
        onProgress?.(i + 1, jobs.length, jobs[i]!.label);
      }),
    );
    if (signed) out.push(...missingListed(signed, path, present));
    const calendar = opts.takeCalendar ? takeCalendar(opts.takeCalendar, calendarText, signed) : null;
    const central: CentralBundleResult | undefined =
      signed
        ? {
            verified: true,
            reviewer: signed.reviewer,
            createdAt: signed.createdAt,
            answers: opts.settle?.(signed.answers) ?? { accepted: 0, stale: 0, rejected: 0 },
            ...(manifest?.kind === 'verified' && manifest.warning ? { warning: manifest.warning } : {}),
          }
        : manifest?.kind === 'unverified'
          ? { verified: false, note: manifest.note }
          : undefined;
    // A plain bundle the central system made (an older version, or --plain) is said to be one.
    const encrypted = sealed ? { encrypted: true } : manifest ? { encrypted: false } : {};
    return { outcomes: out, calendar, ...(central ? { central } : {}), ...encrypted };
  } finally {
    opened.close();
  }
}
