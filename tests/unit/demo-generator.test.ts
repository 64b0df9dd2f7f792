// Demo-data generator: valid packages, intact files, determinism, the declared defects (and only
// those), readable PDFs with a correctly embedded subset font, valid ID check characters.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewCountdown } from '../../src/shared/calendar/working-days';
import { CasePackage } from '../../src/shared/casefile/schema';
import { daysBetween } from '../../src/shared/format/date';
import { demoCalendar, wdBetween } from '../../src/main/demo/calendar';
import { buildCase } from '../../src/main/demo/case-builder';
import { isValidIdCard, isValidUscc } from '../../src/main/demo/check-digits';
import { HEARING_THRESHOLD_FEN } from '../../src/main/demo/fines';
import { DEFAULT_SEED, demoSeedKey, generateDemoPackages, type GeneratedCase } from '../../src/main/demo/generate';
import { renderPdf } from '../../src/main/demo/pdf/render';

const TODAY = '2026-11-23';
const require = createRequire(import.meta.url);

interface Loaded {
  gen: GeneratedCase;
  pkg: CasePackage;
  json: string;
}

let root: string;
let cases: Loaded[];

async function load(gen: GeneratedCase): Promise<Loaded> {
  const json = await readFile(join(gen.dir, 'case.json'), 'utf8');
  return { gen, json, pkg: CasePackage.parse(JSON.parse(json)) };
}

function files(pkg: CasePackage) {
  return [...pkg.documents.map((d) => d.file), ...pkg.evidence.map((e) => e.file)];
}

function fineOf(pkg: CasePackage): number {
  return pkg.case.proposedDecision.penalties.find((p) => p.type === 'fine')?.amountFen ?? 0;
}

function countedDays(pkg: CasePackage): number {
  const p = pkg.case.procedure;
  const excluded = p.excludedPeriods.reduce((s, e) => s + daysBetween(e.start, e.end) + 1, 0);
  return daysBetween(p.filedOn, p.proposedDecisionOn!) - excluded;
}

function expiredActs(pkg: CasePackage): number {
  return pkg.evidence.filter((e) =>
    e.collectedBy.some((id) => {
      const o = pkg.officers.find((x) => x.id === id)!;
      return e.collectedOn > o.credentialValidTo || e.collectedOn < o.credentialValidFrom;
    }),
  ).length;
}

function rawStream(v: unknown): PDFRawStream {
  if (!(v instanceof PDFRawStream)) throw new Error('expected a PDF stream');
  return v;
}

async function pdfText(bytes: Uint8Array, pageNo = 1): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdfjsDir = join(require.resolve('pdfjs-dist/package.json'), '..');
  const task = getDocument({ data: new Uint8Array(bytes), cMapUrl: join(pdfjsDir, 'cmaps/'), cMapPacked: true, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  const doc = await task.promise;
  const page = await doc.getPage(pageNo);
  const tc = await page.getTextContent();
  const text = tc.items.map((i) => ('str' in i ? i.str : '')).join('');
  await task.destroy();
  return text;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fashen-demo-'));
  const gen = await generateDemoPackages({ outDir: join(root, 'set'), count: 10, today: TODAY });
  cases = await Promise.all(gen.map(load));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('demo packages', () => {
  it('writes ten valid packages covering ten scenarios, both party kinds and all evidence kinds', () => {
    expect(cases).toHaveLength(10);
    const scenarios = new Set(cases.map((c) => c.gen.dir.split('-').slice(2).join('-')));
    expect(scenarios.size).toBe(10);
    expect(new Set(cases.map((c) => c.pkg.parties[0]!.kind))).toEqual(new Set(['natural', 'legal']));
    const kinds = new Set(cases.flatMap((c) => c.pkg.evidence.map((e) => e.kind)));
    expect([...kinds].sort()).toEqual(['书证', '当事人的陈述', '勘验笔录、现场笔录', '物证', '电子数据', '视听资料', '证人证言', '鉴定意见'].sort());
    expect(new Set(cases.map((c) => c.pkg.case.agency.name)).size).toBeGreaterThanOrEqual(3);
    for (const { pkg } of cases) {
      expect(pkg.documents.length).toBeGreaterThanOrEqual(6);
      // A case with a hearing also holds the party's 听证申请书 and the 听证报告 that P8 asks for
      // (beside the 听证通知书 and 听证笔录), so it may run to 14; every other case stays within 12.
      const hearing = pkg.case.procedure.hearingHeldOn !== undefined;
      expect(pkg.documents.length).toBeLessThanOrEqual(hearing ? 14 : 12);
      if (hearing) expect(pkg.documents.map((x) => x.kind)).toEqual(expect.arrayContaining(['听证申请书', '听证通知书', '听证笔录', '听证报告']));
      expect(pkg.evidence.length).toBeGreaterThanOrEqual(5);
      expect(pkg.evidence.length).toBeLessThanOrEqual(20);
      expect(pkg.case.caseOfficerIds.length).toBeGreaterThanOrEqual(2);
      expect(pkg.case.caseNumber).toMatch(/^(马|当|含|芜)市监处罚〔\d{4}〕[1-9]\d*号$/);
      expect(pkg.case.caseNumber).toContain(`〔${pkg.case.procedure.filedOn.slice(0, 4)}〕`);
    }
  });

  it('lists every file with the right sha256, size and mime', async () => {
    for (const { gen, pkg } of cases) {
      for (const f of files(pkg)) {
        const bytes = await readFile(join(gen.dir, f.path));
        expect(bytes.byteLength).toBe(f.size);
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
        const magic = bytes.subarray(0, 4).toString('latin1');
        if (f.mime === 'application/pdf') expect(magic).toBe('%PDF');
        else if (f.mime === 'image/jpeg') expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
        else expect(f.mime === 'image/png' && magic === '\x89PNG').toBe(true);
        if (f.mime.startsWith('image/')) expect(f.size).toBeLessThan(250_000);
        else expect(f.size).toBeLessThan(200_000);
      }
      const listed = new Set(files(pkg).map((f) => f.path));
      const onDisk = [...(await readdir(join(gen.dir, 'documents'))).map((n) => `documents/${n}`), ...(await readdir(join(gen.dir, 'evidence'))).map((n) => `evidence/${n}`)];
      expect(new Set(onDisk)).toEqual(listed);
    }
  });

  it('is deterministic for the same seed and reference date', async () => {
    const a = await generateDemoPackages({ outDir: join(root, 'a'), count: 4, seed: 99, today: TODAY });
    const b = await generateDemoPackages({ outDir: join(root, 'b'), count: 4, seed: 99, today: TODAY });
    const c = await generateDemoPackages({ outDir: join(root, 'c'), count: 4, seed: 100, today: TODAY });
    for (let i = 0; i < 4; i++) {
      const [ja, jb, jc] = await Promise.all([a[i]!, b[i]!, c[i]!].map((g) => readFile(join(g.dir, 'case.json'), 'utf8')));
      expect(ja).toBe(jb);
      expect(ja).not.toBe(jc);
    }
  });

  it('carries exactly the declared defects', () => {
    const declared = cases.flatMap((c) => c.gen.defects).sort();
    expect(declared).toEqual(['decision_after_90_days', 'expired_credential', 'fine_out_of_range', 'missing_notice']);
    const cal = demoCalendar();
    for (const { gen, pkg } of cases) {
      const d = new Set(gen.defects);
      const ctx = buildCase({ seed: demoSeedKey(DEFAULT_SEED, TODAY), index: cases.findIndex((c) => c.gen === gen), today: TODAY, cal });
      const fine = fineOf(pkg);
      const p = pkg.case.procedure;
      expect(pkg.documents.some((x) => x.kind === '行政处罚告知书')).toBe(!d.has('missing_notice'));
      expect(expiredActs(pkg) > 0).toBe(d.has('expired_credential'));
      expect(fine < ctx.fine.minFen || fine > ctx.fine.maxFen).toBe(d.has('fine_out_of_range'));
      expect(countedDays(pkg) > 90).toBe(d.has('decision_after_90_days'));
      expect(p.extensions).toEqual([]);
      // Clean procedure everywhere else: two officers per act, lead → 立案 within 15 working days,
      // 5 working days for 陈述申辩/听证 before 送审, hearing notice ≥ 7 working days ahead.
      for (const e of pkg.evidence) expect(e.collectedBy.length).toBeGreaterThanOrEqual(2);
      expect(wdBetween(cal, p.leadReceivedOn, p.filedOn)).toBeLessThanOrEqual(15);
      expect(wdBetween(cal, p.noticeServedOn!, p.submittedForReviewOn)).toBeGreaterThan(5);
      const eligible = fine >= (pkg.parties[0]!.kind === 'natural' ? HEARING_THRESHOLD_FEN.natural : HEARING_THRESHOLD_FEN.legal);
      if (p.hearingHeldOn) {
        expect(eligible).toBe(true);
        const notice = pkg.documents.find((x) => x.kind === '听证通知书')!;
        // 7 days’ notice counted in working days, as P3 counts them (处罚法 Art. 64, Art. 85).
        expect(wdBetween(cal, notice.date, p.hearingHeldOn)).toBeGreaterThanOrEqual(7);
        expect(p.excludedPeriods.some((x) => x.reason.startsWith('听证'))).toBe(true);
      }
    }
  });

  it('puts the violation at the party’s premises, which the facts name, not at an unlicensed trader’s home', () => {
    for (const { pkg } of cases) {
      const place = pkg.case.violationPlace!;
      const party = pkg.parties[0]!;
      // The unlicensed trader is registered nowhere: the address on file is the person's home.
      if (pkg.case.cause.includes('未经设立登记')) {
        expect(place).not.toBe(party.address);
        expect(pkg.case.facts).toContain(place);
      }
    }
    expect(cases.some((c) => c.pkg.case.cause.includes('未经设立登记'))).toBe(true);
  });

  it('spreads the review queue: overdue, nearly due and fresh cases', () => {
    const remaining = cases.map((c) => reviewCountdown(demoCalendar(), c.pkg.case.procedure.submittedForReviewOn, TODAY).value.remaining);
    expect(remaining.some((r) => r < 0)).toBe(true);
    expect(remaining.some((r) => r >= 0 && r <= 2)).toBe(true);
    expect(remaining.some((r) => r >= 8)).toBe(true);
  });

  it('uses valid 统一社会信用代码 and 身份证号 check characters', () => {
    expect(isValidUscc('92500119MAEHAEA47K')).toBe(true); // from a published decision
    expect(isValidUscc('92500119MAEHAEA47J')).toBe(false);
    expect(isValidIdCard('11010519491231002X')).toBe(true); // GB 11643 example
    expect(isValidIdCard('110105194912310021')).toBe(false);
    for (const { pkg } of cases) {
      expect(isValidUscc(pkg.case.agency.code)).toBe(true);
      for (const party of pkg.parties) expect(party.kind === 'legal' ? isValidUscc(party.idNumber) : isValidIdCard(party.idNumber)).toBe(true);
    }
  });
});

describe('demo PDFs', () => {
  it('have an extractable text layer with the known phrases', async () => {
    for (const { gen, pkg } of cases) {
      const inquiry = pkg.documents.find((d) => d.kind === '询问笔录')!;
      const text = await pdfText(await readFile(join(gen.dir, inquiry.file.path)));
      expect(text).toContain('询问笔录');
      expect(text).toContain(pkg.case.agency.name);
      const notice = pkg.documents.find((d) => d.kind === '行政处罚告知书');
      if (notice) {
        const nt = await pdfText(await readFile(join(gen.dir, notice.file.path)));
        expect(nt).toContain('行政处罚告知书');
        expect(nt).toContain(notice.docNumber!);
      }
    }
  });

  it('embed a correctly subset font: tagged name, long loca, outlines identical to the source font', async () => {
    const fontkit = require('@pdf-lib/fontkit') as { create(b: Uint8Array): import('@pdf-lib/fontkit').Font };
    const source = fontkit.create(new Uint8Array(await readFile(join(__dirname, '../../resources/fonts/NotoSerifSC-Regular.ttf'))));
    const check = async (bytes: Uint8Array): Promise<number> => {
      const doc = await PDFDocument.load(bytes, { updateMetadata: false });
      let checked = 0;
      for (const [, obj] of doc.context.enumerateIndirectObjects()) {
        if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Subtype'))?.toString() !== '/Type0') continue;
        expect(obj.get(PDFName.of('BaseFont'))!.toString()).toMatch(/^\/[A-Z]{6}\+NotoSerifSC-Regular$/);
        const toUnicode = new TextDecoder().decode(decodePDFRawStream(rawStream(obj.lookup(PDFName.of('ToUnicode')))).decode());
        const cid = obj.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
        const file = rawStream(cid.lookup(PDFName.of('FontDescriptor'), PDFDict).lookup(PDFName.of('FontFile2')));
        const subset = fontkit.create(decodePDFRawStream(file).decode());
        // Long offsets: fontkit's short format silently corrupts glyphs of odd length.
        expect((subset as unknown as { head: { indexToLocFormat: number } }).head.indexToLocFormat).toBe(1);
        for (const m of toUnicode.matchAll(/<([0-9a-f]{4})> <([0-9a-f]{4})>/gi)) {
          const gid = parseInt(m[1]!, 16);
          const cp = parseInt(m[2]!, 16);
          expect(subset.getGlyph(gid).path.toSVG(), `glyph ${String.fromCodePoint(cp)}`).toBe(source.glyphForCodePoint(cp).path.toSVG());
          checked++;
        }
      }
      return checked;
    };
    // A small subset (< 64 KB of glyph data) is where fontkit would pick the short loca format.
    const tiny = await renderPdf({
      title: '测试',
      style: 'record',
      date: TODAY,
      author: '测试',
      blocks: [{ t: 'title', text: '询问笔录' }, { t: 'para', text: '马鞍山市市场监督管理局执法人员于2026年11月23日检查，保质期至2025-08-01。' }],
    });
    expect(await check(tiny)).toBeGreaterThan(30);
    const { gen, pkg } = cases[0]!;
    const real = await readFile(join(gen.dir, pkg.documents.find((d) => d.kind === '询问笔录')!.file.path));
    expect(await check(new Uint8Array(real))).toBeGreaterThan(200);
  });
});

describe('bench and zip modes', () => {
  it('shares pooled files via hard links but writes distinct case.json per case', async () => {
    const gen = await generateDemoPackages({ outDir: join(root, 'bench'), count: 30, shareFiles: true, today: TODAY });
    const loaded = await Promise.all(gen.map(load));
    expect(new Set(loaded.map((l) => l.pkg.case.id)).size).toBe(30);
    expect(new Set(loaded.map((l) => l.pkg.case.caseNumber)).size).toBe(30);
    for (const { gen: g, pkg } of loaded.slice(-5)) {
      for (const f of files(pkg)) {
        const bytes = await readFile(join(g.dir, f.path));
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
      }
    }
    const first = loaded[0]!;
    expect((await stat(join(first.gen.dir, first.pkg.documents[0]!.file.path))).nlink).toBeGreaterThan(1);
    expect((await readdir(join(root, 'bench'))).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('writes .zip packages with case.json first', async () => {
    const gen = await generateDemoPackages({ outDir: join(root, 'zip'), count: 2, zip: true, today: TODAY });
    for (const g of gen) {
      expect(g.dir.endsWith('.zip')).toBe(true);
      const bytes = await readFile(g.dir);
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
      const nameLen = bytes.readUInt16LE(26);
      expect(bytes.subarray(30, 30 + nameLen).toString('utf8')).toBe('case.json');
    }
  });
});
