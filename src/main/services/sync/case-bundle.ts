// A bundle of case packages from the central system (for a workstation without a connection):
// one .zip holding several packages — each a folder with case.json or an inner .zip — or simply
// one package. Each package goes through the importer's one entry point (importFrom), as if
// imported from a USB stick. Entry names are checked before anything is read (no "..", no absolute
// paths, no backslashes). Nothing of a bundle is extracted to disk in the clear: folders are read
// in place from the .zip, inner .zip files through an encrypted scratch copy (bundle-source.ts).
// A calendar.json at the root is the working-day calendar (a new year's holiday schedule for an
// office that never connects): handed to `takeCalendar`, which checks it like a sync does.
import { existsSync } from 'node:fs';
import type yauzl from 'yauzl';
import type { ImportOutcome } from '../../../shared/api/cases';
import type { BundleCalendar, BundleImport, CentralBundleResult } from '../../../shared/api/sync';
import { CALENDAR_FILE } from '../../../shared/calendar/calendar-file';
import { CASE_BUNDLE_MANIFEST, type CaseBundleManifest } from '../../../shared/sync/case-bundle-manifest';
import type { ManifestCheck } from './central-manifest';
import type { CaseImporter } from '../importer';
import { packageRoot, ZipSource, type PackageSource } from '../package-source';
import { listZipEntries, openZipEntry, openZipFile, readZipText } from '../zip-read';
import { sha256 } from '../signing/pem';
import { innerZipSource } from './bundle-source';

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
}

/** A small file at the bundle's root as text; null: not there; `problem`: unreadable or too large. */
async function rootText(zip: yauzl.ZipFile, entries: yauzl.Entry[], name: string, maxBytes: number): Promise<{ text: string } | { problem: string } | null> {
  const entry = entries.find((e) => e.fileName === name);
  if (!entry) return null;
  try {
    const text = await readZipText(zip, entry, maxBytes);
    return text === null ? { problem: `交换包中的 ${name} 过大（${entry.uncompressedSize} 字节）` } : { text };
  } catch (err) {
    return { problem: `交换包中的 ${name} 无法读取：${(err as Error).message}` };
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

/** Listed in the signed manifest but not in the bundle: each said, nothing else is affected. */
function missingListed(m: CaseBundleManifest, path: string, out: ImportOutcome[]): ImportOutcome[] {
  const seen = new Set(out.flatMap((o) => (o.caseId ? [o.caseId] : [])));
  return m.cases.filter((c) => !seen.has(c.id)).map((c) => ({ source: `${path}/${c.id}`, ok: false, caseId: c.id, error: `中心系统签名清单所列的案件 ${c.id}（修订 ${c.revision}）不在交换包中，可能在途中被删去；请向中心系统重新索取交换包` }));
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

/** Imports every package in the bundle; a single-package .zip (or a folder) is imported as is. */
export async function importCaseBundle(importer: CaseImporter, path: string, opts: CaseBundleOptions = {}): Promise<BundleImport> {
  const { onProgress } = opts;
  // A folder, or a path that is not there (the importer says 找不到案卷包), goes the way of one package.
  if (!path.toLowerCase().endsWith('.zip') || !existsSync(path)) return { outcomes: await importer.importMany([path], onProgress), calendar: null };
  let zip: yauzl.ZipFile | undefined;
  let entries: yauzl.Entry[];
  try {
    zip = await openZipFile(path);
    entries = await listZipEntries(zip);
  } catch (err) {
    zip?.close();
    return refused(path, `无法读取交换包（不是有效的 .zip）：${(err as Error).message}`);
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
    const jobs: { label: string; open: () => Promise<PackageSource> }[] = single
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
    const out: ImportOutcome[] = [];
    for (const [i, j] of jobs.entries()) {
      out.push(await importer.importFrom(j.label, j.open, centralRevisions ? { centralRevisions } : {}));
      onProgress?.(i + 1, jobs.length, j.label);
    }
    if (signed) out.push(...missingListed(signed, path, out));
    const calendar = opts.takeCalendar ? takeCalendar(opts.takeCalendar, calendarText, signed) : null;
    const central: CentralBundleResult | undefined =
      signed
        ? { verified: true, reviewer: signed.reviewer, createdAt: signed.createdAt, answers: opts.settle?.(signed.answers) ?? { accepted: 0, stale: 0, rejected: 0 } }
        : manifest?.kind === 'unverified'
          ? { verified: false, note: manifest.note }
          : undefined;
    return { outcomes: out, calendar, ...(central ? { central } : {}) };
  } finally {
    opened.close();
  }
}
