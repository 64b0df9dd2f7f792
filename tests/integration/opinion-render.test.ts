// The 法制审核意见书 rendered from one content model as .docx and PDF (GB/T 9704 layout):
// the .docx XML carries the page geometry, grid and font names; LibreOffice opens and converts it;
// the PDF has A4 pages, embedded subset fonts that draw without system fonts, the 28-character
// grid, searchable text, a clear signature rectangle; both render fast.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { docxParts } from '../helpers/docx-parts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE } from '../../src/main/services/opinion/layout';
import { renderOpinionDocx } from '../../src/main/services/opinion/render-docx';
import { renderOpinionPdf, renderOpinionPdfBytes, signatureRect } from '../../src/main/services/opinion/render-pdf';
import { citationText } from '../../src/main/services/opinion/sections';
import { documentOptions, pdfjs } from '../../src/main/services/pdfjs-node';
import { opinionFixture } from '../helpers/opinion-fixture';

const HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const content = opinionFixture();
/** Text compared without any whitespace (line breaks, justification spaces, footers). */
const flat = (s: string): string => s.replace(/\s+/g, '');

let dir: string;
let docx: Uint8Array;
let pdf: Uint8Array;

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): string => execFileSync(cmd, args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });

function hasCommand(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Strings every rendering must carry. */
const expectedStrings = (): string[] => [
  '法制审核意见书',
  content.agency.name,
  content.documentNumber,
  content.case.caseNumber,
  content.case.name,
  ...content.points.map((p) => p.title),
  `审核意见：${content.conclusion.type}`,
  ...content.conclusion.text.split('\n'),
  '审核人员：李文静',
  '二〇二六年十一月二十三日',
  '（审核人员未采纳：经核对送达回证原件及当事人陈述申辩书落款日期，可确认签收日期为2026年9月2日）',
  ...content.attachments,
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fashen-opinion-'));
  docx = await renderOpinionDocx(content, { contentHash: HASH });
  pdf = await renderOpinionPdfBytes(content, { contentHash: HASH });
  writeFileSync(join(dir, 'opinion.docx'), docx);
  writeFileSync(join(dir, 'opinion.pdf'), pdf);
});

afterAll(() => {
  if (process.env.FASHEN_KEEP_TEST_OUTPUT) console.log(`opinion test output kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
});

describe('opinion .docx', () => {
  it('has A4 pages with the GB/T 9704 margins, a 22 × 28 grid and page numbers on the outside edge', async () => {
    const files = await docxParts(docx);
    const doc = files.get('word/document.xml')!;
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(doc)![1]!;
    expect(mar).toContain('w:top="2098"'); // 37 mm
    expect(mar).toContain('w:left="1588"'); // 28 mm (binding side)
    expect(mar).toContain('w:right="1474"'); // 26 mm → type area 156 mm wide
    expect(mar).toContain('w:bottom="1984"'); // 35 mm → type area 225 mm high
    expect(doc).toMatch(/<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"\/>/);
    expect(files.get('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footers = [...files.entries()].filter(([n]) => /^word\/footer\d+\.xml$/.test(n)).map(([, x]) => x);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(f).toContain('— </w:t>');
      expect(f).toContain('马市监法审〔2026〕12号 · 第1版 · 校验码 e3b0 c442 98fc 1c14');
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)![1]).sort()).toEqual(['left', 'right']);
  });

  it('names the official fonts with w:eastAsia, 16 pt body with exact 28.95 pt lines, 22 pt title', async () => {
    const files = await docxParts(docx);
    const styles = files.get('word/styles.xml')!;
    expect(styles).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/);
    expect(styles).toMatch(/<w:rFonts [^>]*w:eastAsia="方正小标宋简体"/);
    expect(styles).toMatch(/<w:rFonts [^>]*w:eastAsia="黑体"/);
    const normal = /<w:style [^>]*w:styleId="Normal".*?<\/w:style>/s.exec(styles)![0];
    expect(normal).toContain('<w:sz w:val="32"/>');
    expect(normal).toContain('w:line="579" w:lineRule="exact"');
    expect(normal).toContain('<w:spacing w:val="-5"/>'); // 28 characters in 156 mm
    const title = /<w:style [^>]*w:styleId="GwTitle".*?<\/w:style>/s.exec(styles)![0];
    expect(title).toContain('<w:sz w:val="44"/>');
    const fontTable = files.get('word/fontTable.xml')!;
    expect(fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong"/>');
    expect(fontTable).toContain('<w:font w:name="方正小标宋简体">');
  });

  it('carries the whole opinion in order', async () => {
    const doc = (await docxParts(docx)).get('word/document.xml')!;
    const text = [...doc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join('');
    const strings = expectedStrings();
    for (const s of strings) expect(text).toContain(s);
    // The case file in a reader's terms: submission date, revision number, a short check code.
    expect(text).toContain('审核所据案卷：2026年11月10日送审的案卷（修订号3，案卷校验码a3f1c2d4）');
    expect(text).not.toContain('次修订');
    // Nothing is attached: the cited documents are named under their points, not as 附件.
    expect(text).not.toContain('附件');
    for (const p of content.points) for (const c of p.citations) expect(text).toContain(citationText(c));
    const order = ['法制审核意见书', '一、案件基本情况', '二、拟处罚决定', '三、审核认定的事实', '四、审核要点', '（十）是否超过追责时效', '五、审核意见', '审核人员：'];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((v, i) => v >= 0 && (i === 0 || v > at[i - 1]!))).toBe(true);
  });

  it('opens and converts in LibreOffice (headless): same text, about the same pages', () => {
    if (!hasCommand('soffice')) {
      throw new Error('LibreOffice (soffice) is not installed: apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-noto-cjk');
    }
    // The official font names map to Noto CJK, as a reviewer's machine maps them to its own 仿宋/宋体.
    const conf = join(dir, 'fonts.conf');
    const alias = (from: string, to: string) => `<alias binding="same"><family>${from}</family><prefer><family>${to}</family></prefer></alias>`;
    writeFileSync(
      conf,
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>` +
        ['仿宋_GB2312', '方正小标宋简体', '楷体_GB2312', '宋体'].map((f) => alias(f, 'Noto Serif CJK SC')).join('') +
        alias('黑体', 'Noto Sans CJK SC') +
        `</fontconfig>`,
    );
    const out = join(dir, 'lo');
    const profile = `file://${join(dir, `lo-profile-${process.pid}`)}`;
    run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, join(dir, 'opinion.docx')], { ...process.env, FONTCONFIG_FILE: conf });
    expect(readdirSync(out)).toContain('opinion.pdf');
    const loPdf = join(out, 'opinion.pdf');
    const text = flat(run('pdftotext', [loPdf, '-']));
    for (const s of expectedStrings()) expect(text).toContain(flat(s));
    const pages = (f: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [f]))![1]);
    expect(Math.abs(pages(loPdf) - pages(join(dir, 'opinion.pdf')))).toBeLessThanOrEqual(1);
    run('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-png', loPdf, join(dir, 'lo-page')]);
  });
});

describe('opinion PDF', () => {
  it('is A4 with both Noto Serif SC faces embedded as standard-named subsets', () => {
    const info = run('pdfinfo', [join(dir, 'opinion.pdf')]);
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect(Number(w)).toBeCloseTo(595.28, 1);
    expect(Number(h)).toBeCloseTo(841.89, 1);
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThanOrEqual(2);
    const rows = run('pdffonts', [join(dir, 'opinion.pdf')]).split('\n').slice(2).filter(Boolean);
    expect(rows).toHaveLength(2);
    const names = rows.map((r) => r.split(/\s+/)[0]!).sort((a, b) => a.slice(7).localeCompare(b.slice(7)));
    expect(names[0]).toMatch(/^[A-Z]{6}\+NotoSerifSC-Bold$/);
    expect(names[1]).toMatch(/^[A-Z]{6}\+NotoSerifSC-Regular$/);
    for (const r of rows) expect(r).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/); // emb sub uni
    expect(pdf.length).toBeLessThan(400_000);
  });

  it('has searchable text: title, case number, every point, the quoted citations, the opinion', () => {
    const text = flat(run('pdftotext', [join(dir, 'opinion.pdf'), '-']));
    for (const s of expectedStrings()) expect(text).toContain(flat(s));
    for (const p of content.points) for (const c of p.citations) expect(text).toContain(flat(citationText(c)));
    expect(text).toContain(flat('马市监法审〔2026〕12号 · 第1版 · 校验码 e3b0 c442 98fc 1c14'));
    expect(text).not.toContain(content.opinionId);
    expect(text).toContain('—1—');
  });

  it('draws its glyphs without any system font (page 1 rendered under an empty fontconfig)', async () => {
    const fcDir = join(dir, 'fc-empty');
    run('mkdir', ['-p', fcDir]);
    writeFileSync(join(fcDir, 'fonts.conf'), `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><cachedir>${fcDir}/cache</cachedir></fontconfig>`);
    const dpi = 50;
    for (const p of ['1', '2']) run('pdftoppm', ['-r', String(dpi), '-f', p, '-l', p, '-png', join(dir, 'opinion.pdf'), join(dir, 'page')], { ...process.env, FONTCONFIG_FILE: join(fcDir, 'fonts.conf') });
    const png = readdirSync(dir).find((f) => /^page-0*1\.png$/.test(f))!;
    const img = await loadImage(readFileSync(join(dir, png)));
    const canvas = createCanvas(img.width, img.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const s = dpi / 72;
    /** Share of dark pixels in a band of the page (PDF coordinates, from the top). */
    const ink = (x0: number, top: number, x1: number, bottom: number): number => {
      const d = ctx.getImageData(Math.round(x0 * s), Math.round(top * s), Math.round((x1 - x0) * s), Math.round((bottom - top) * s)).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! < 128) dark++;
      return dark / (d.length / 4);
    };
    const pitch = PAGE.typeHeight / 22;
    const topOfType = PAGE.height - PAGE.top;
    // The masthead and title (bold face), then body lines (regular face): every line has ink.
    expect(ink(PAGE.left, topOfType, PAGE.right, topOfType + 1.5 * pitch)).toBeGreaterThan(0.02);
    expect(ink(PAGE.left, topOfType + 1.5 * pitch, PAGE.right, topOfType + 3 * pitch)).toBeGreaterThan(0.02);
    for (let line = 6; line < 20; line++) {
      const top = topOfType + (line - 0.5) * pitch;
      expect(ink(PAGE.left, top, PAGE.right, top + pitch), `line ${line}`).toBeGreaterThan(0.01);
    }
    // Margins stay white.
    expect(ink(0, 0, PAGE.width, topOfType - 4)).toBe(0);
  });

  it('sets full body lines on the grid: 28 characters over 156 mm, first lines indented two characters', async () => {
    const lib = await pdfjs();
    const task = lib.getDocument(documentOptions(pdf.slice()));
    const doc = await task.promise;
    try {
      let full = 0;
      let indented = 0;
      for (let n = 2; n <= doc.numPages; n++) {
        const items = (await (await doc.getPage(n)).getTextContent()).items.filter((i): i is TextItem => 'str' in i && i.str.trim() !== '');
        for (const it of items) {
          const chars = Array.from(it.str.replace(/\s/g, ''));
          if (chars.length !== 28 || !chars.every((c) => c.codePointAt(0)! >= 0x2e80)) continue;
          full++;
          expect(it.transform[4]).toBeCloseTo(PAGE.left, 1);
          expect(Math.abs(it.width - PAGE.typeWidth)).toBeLessThan(0.5); // 442.2 pt = 156 mm
        }
        // Paragraphs' first lines start exactly two grid characters in.
        indented += items.filter((i) => Math.abs(i.transform[4] - (PAGE.left + (2 * PAGE.typeWidth) / 28)) < 0.05).length;
      }
      expect(indented).toBeGreaterThan(10);
      expect(full).toBeGreaterThan(10);
    } finally {
      await task.destroy();
    }
  });

  it('leaves the signature rectangle clear, above the reviewer on the last page', async () => {
    const doc = await renderOpinionPdf(content, { contentHash: HASH });
    const r = signatureRect(doc);
    expect(r.page).toBe(doc.getPageCount() - 1);
    expect(r.x).toBeGreaterThanOrEqual(PAGE.left);
    expect(r.x + r.width).toBeLessThanOrEqual(PAGE.right + 0.01);
    expect(r.y).toBeGreaterThanOrEqual(PAGE.bottom - 0.01);
    expect(r.width).toBeGreaterThan(150);
    expect(r.height).toBeGreaterThan(80);
    const lib = await pdfjs();
    const task = lib.getDocument(documentOptions(await doc.save()));
    const js = await task.promise;
    try {
      const items = (await (await js.getPage(r.page + 1)).getTextContent()).items.filter((i): i is TextItem => 'str' in i && i.str.trim() !== '');
      for (const it of items) {
        const [x, y] = [it.transform[4], it.transform[5]];
        const overlaps = x < r.x + r.width && x + it.width > r.x && y < r.y + r.height && y + it.height > r.y;
        expect(overlaps, it.str).toBe(false);
      }
      const reviewer = items.find((i) => i.str.includes('审核人员'))!;
      expect(reviewer.transform[5]).toBeLessThan(r.y);
      expect(r.y - reviewer.transform[5]).toBeLessThan(30);
    } finally {
      await task.destroy();
    }
  });
});

describe('opinion rendering speed', () => {
  it('renders .docx and PDF well under 300 ms each (median after warm-up), the PDF reproducibly', async () => {
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const time = async (f: () => Promise<unknown>, n: number) => {
      for (let i = 0; i < 2; i++) await f();
      const ts: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await f();
        ts.push(performance.now() - t);
      }
      return median(ts);
    };
    const docxMs = await time(() => renderOpinionDocx(content, { contentHash: HASH }), 9);
    const pdfMs = await time(() => renderOpinionPdfBytes(content, { contentHash: HASH }), 9);
    console.log(`opinion render median: docx ${docxMs.toFixed(1)} ms, pdf ${pdfMs.toFixed(1)} ms`);
    expect(docxMs).toBeLessThan(300);
    expect(pdfMs).toBeLessThan(300);
    // Same content, same bytes: a printed or archived copy can be regenerated and compared.
    expect(Buffer.compare(await renderOpinionPdfBytes(content, { contentHash: HASH }), pdf)).toBe(0);
  });
});
