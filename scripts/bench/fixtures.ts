// Large realistic files for the package and viewer benchmarks: a long Chinese 询问笔录 made with
// the demo PDF writer, a PDF of scanned pages (JPEG), an MP4-shaped video record, and a case
// package built around a generated demo case.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { font, newCanvas } from '../../src/main/demo/image/canvas';
import { makeName } from '../../src/main/demo/names';
import type { Block, DocModel } from '../../src/main/demo/pdf/model';
import { renderPdf } from '../../src/main/demo/pdf/render';
import { Rng } from '../../src/main/demo/rng';
import { generateDemoPackages } from '../../src/main/demo/generate';
import type { CasePackage, DocumentItem, EvidenceItem, FileRef } from '../../src/shared/casefile/schema';
import { TODAY, tmp } from './common';
import { PageTextGenerator } from './page-text';

/** A 询问笔录 of exactly `pages` pages: each page a run of questions and answers, signed page by page. */
export async function longRecordPdf(corpus: readonly string[], pages: number, seed: string): Promise<Uint8Array> {
  const gen = new PageTextGenerator(corpus, seed);
  const rng = new Rng(seed);
  const person = makeName(rng, true);
  const officers = `${makeName(rng, true)}、${makeName(rng, false)}`;
  const blocks: Block[] = [
    { t: 'center', text: '马鞍山市市场监督管理局', size: 15 },
    { t: 'title', text: '询问笔录' },
  ];
  const text = gen.document(pages);
  for (let p = 0; p < pages; p++) {
    // 6 question/answer pairs of at most 2 lines each per page: always fits one record page
    // (~28 lines), so the page count is exact.
    const lines = text[p]!.split('\n').filter((l) => l && !l.startsWith('第 ')).map((l) => l.slice(0, 60));
    for (let i = 0; i + 1 < Math.min(lines.length, p === 0 ? 8 : 12); i += 2) blocks.push({ t: 'qa', q: lines[i]!, a: lines[i + 1]! });
    if (p < pages - 1) blocks.push({ t: 'pagebreak' });
  }
  const model: DocModel = {
    title: '询问笔录',
    style: 'record',
    date: TODAY,
    author: '马鞍山市市场监督管理局',
    subject: `询问笔录（${pages} 页）`,
    pageSignatures: [
      { label: '被询问人签名：', name: person, print: true },
      { label: '询问人签名：', name: officers },
    ],
    blocks,
  };
  return renderPdf(model);
}

/** A PDF of scanned A4 sheets (150 dpi JPEG with paper grain and typed lines), ~0.5 MB a page. */
export async function scannedPdf(corpus: readonly string[], pages: number, seed: string): Promise<Uint8Array> {
  const gen = new PageTextGenerator(corpus, seed);
  const text = gen.document(pages);
  const doc = await PDFDocument.create();
  const rng = new Rng(seed);
  for (let p = 0; p < pages; p++) {
    const { canvas, g } = newCanvas(1240, 1754);
    const img = g.createImageData(1240, 1754);
    for (let i = 0; i < img.data.length; i += 4) {
      const v = 236 + ((rng.nextU32() >>> 24) % 16);
      img.data[i] = v;
      img.data[i + 1] = v - 2;
      img.data[i + 2] = v - 8;
      img.data[i + 3] = 255;
    }
    g.putImageData(img, 0, 0);
    g.fillStyle = '#2a2a2a';
    g.font = font(26);
    text[p]!.split('\n').slice(0, 40).forEach((l, i) => g.fillText(l.slice(0, 42), 110, 160 + i * 38));
    const jpeg = await canvas.encode('jpeg', 82);
    const image = await doc.embedJpg(jpeg);
    doc.addPage([595.28, 841.89]).drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  return doc.save();
}

/** An MP4-shaped 视听资料 file: ftyp + mdat of incompressible bytes (what a camera file costs to hash). */
export function fakeMp4(size: number): Uint8Array {
  const ftyp = Buffer.alloc(32);
  ftyp.writeUInt32BE(32, 0);
  ftyp.write('ftypisom', 4, 'latin1');
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write('isomiso2avc1mp41', 16, 'latin1');
  const mdat = Buffer.alloc(8);
  mdat.writeUInt32BE(size - ftyp.length, 0);
  mdat.write('mdat', 4, 'latin1');
  return Buffer.concat([ftyp, mdat, randomBytes(size - ftyp.length - mdat.length)]);
}

export interface ExtraFile {
  path: string;
  bytes: Uint8Array;
  mime: string;
  title: string;
  /** Evidence kind, or a document kind when `document`. */
  kind: EvidenceItem['kind'] | string;
  document?: boolean;
}

const fileRef = (path: string, bytes: Uint8Array, mime: string): FileRef => ({ path, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength, mime });

/**
 * A generated demo package with extra files added (and, with `keep`, only the first `keep`
 * documents/evidence of the demo case kept). Returns its folder and manifest.
 */
export async function packageWith(seed: number, extras: (keptBytes: number) => Promise<ExtraFile[]>, keep?: number): Promise<{ dir: string; manifest: CasePackage }> {
  const [g] = await generateDemoPackages({ outDir: tmp('bench-pkg-'), today: TODAY, seed, count: 1 });
  const dir = g!.dir;
  const manifest = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as CasePackage;
  if (keep !== undefined) {
    const docs = Math.min(manifest.documents.length, keep);
    manifest.documents = manifest.documents.slice(0, docs);
    manifest.evidence = manifest.evidence.slice(0, keep - docs);
  }
  const officers = manifest.case.caseOfficerIds.slice(0, 2);
  const kept = [...manifest.documents, ...manifest.evidence].reduce((n, x) => n + x.file.size, 0);
  const extra = await extras(kept);
  for (const [i, f] of extra.entries()) {
    mkdirSync(join(dir, f.path, '..'), { recursive: true });
    writeFileSync(join(dir, f.path), f.bytes);
    const file = fileRef(f.path, f.bytes, f.mime);
    if (f.document) manifest.documents.push({ id: `bench-doc-${i}`, kind: f.kind, title: f.title, date: manifest.case.procedure.investigationConcludedOn ?? manifest.case.procedure.filedOn, file } satisfies DocumentItem);
    else
      manifest.evidence.push({
        id: `bench-ev-${i}`,
        kind: f.kind as EvidenceItem['kind'],
        title: f.title,
        source: '执法人员现场调取',
        collectedBy: officers,
        collectedOn: manifest.case.procedure.filedOn,
        proves: '当事人的违法事实',
        file,
      } satisfies EvidenceItem);
  }
  writeFileSync(join(dir, 'case.json'), JSON.stringify(manifest, null, 2));
  return { dir, manifest };
}
