// Writes small, valid case packages for tests that need precise control (bad-package cases).
// The demo generator (src/main/demo) makes the realistic ones.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { CasePackage } from '../../src/shared/casefile/schema';

export function tempDir(prefix = 'fashen-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

async function tinyPdf(label: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const page = doc.addPage([595, 842]);
  page.drawText(label, { x: 72, y: 770, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export interface BuiltPackage {
  dir: string;
  manifest: CasePackage;
  write(): void;
}

/** A minimal valid package: one document, one evidence item. Mutate `manifest` then write(). */
// Distinct within a test file's process: a random start, then counting. Random numbers alone met
// (birthday odds over 90,000) in a server suite that imports many packages into one store: 409 案号已被使用.
let caseSerial = Math.floor(Math.random() * 90_000);
const nextCaseNumber = () => `测市监处罚〔2026〕${10_000 + (caseSerial++ % 90_000)}号`;

export async function buildPackage(root: string, opts: { id?: string; caseNumber?: string; revision?: number } = {}): Promise<BuiltPackage> {
  const dir = join(root, `pkg-${randomUUID().slice(0, 8)}`);
  mkdirSync(join(dir, 'documents'), { recursive: true });
  mkdirSync(join(dir, 'evidence'), { recursive: true });
  const docBytes = await tinyPdf(`Notice ${dir}`);
  const evBytes = await tinyPdf(`Evidence ${dir}`);
  writeFileSync(join(dir, 'documents/notice.pdf'), docBytes);
  writeFileSync(join(dir, 'evidence/photo.pdf'), evBytes);
  const manifest: CasePackage = {
    format: 'fashen.case-package',
    formatVersion: 1,
    case: {
      id: opts.id ?? randomUUID(),
      revision: opts.revision ?? 1,
      caseNumber: opts.caseNumber ?? nextCaseNumber(),
      cause: '销售过期食品',
      agency: { code: '340500', name: '测试市市场监督管理局', shortName: '测市监', region: '测试市', level: 'city' },
      handlingUnit: '执法稽查支队',
      procedureType: 'general',
      violationPeriod: { start: '2026-05-01', end: '2026-05-10', continuing: false },
      facts: '当事人在其经营场所销售超过保质期的预包装食品，货值金额较小。',
      procedure: {
        leadReceivedOn: '2026-06-01',
        filedOn: '2026-06-05',
        investigationConcludedOn: '2026-07-20',
        noticeServedOn: '2026-07-25',
        statementHeardOn: '2026-07-29',
        submittedForReviewOn: '2026-11-16',
        excludedPeriods: [],
        extensions: [],
      },
      proposedDecision: {
        penalties: [
          { type: 'confiscate_goods', description: '没收超过保质期的食品' },
          { type: 'fine', amountFen: 5_000_000, description: '罚款人民币伍万元' },
        ],
        violatedProvisions: [{ law: '中华人民共和国食品安全法', article: '第三十四条', clause: '第（十）项' }],
        legalBasis: [{ law: '中华人民共和国食品安全法', article: '第一百二十四条', clause: '第一款第（五）项' }],
        discretion: { level: '一般', factors: [] },
        goodsValueFen: 120_000,
      },
      caseOfficerIds: ['o1', 'o2'],
      partyIds: ['p1'],
    },
    parties: [{ id: 'p1', kind: 'legal', name: '测试食品有限公司', idNumber: '91340500MA2N0XXXX1', address: '测试市花山区湖东路1号', legalRepresentative: '王某' }],
    officers: [
      { id: 'o1', name: '李明', credentialNo: '34050120190001', credentialValidFrom: '2024-01-01', credentialValidTo: '2029-12-31', legalQualification: false, unit: '执法稽查支队' },
      { id: 'o2', name: '张强', credentialNo: '34050120190002', credentialValidFrom: '2024-01-01', credentialValidTo: '2029-12-31', legalQualification: false, unit: '执法稽查支队' },
    ],
    documents: [{ id: 'd1', kind: '行政处罚告知书', title: '行政处罚告知书', date: '2026-07-25', file: { path: 'documents/notice.pdf', sha256: sha(docBytes), size: docBytes.length, mime: 'application/pdf' } }],
    evidence: [
      { id: 'e1', kind: '书证', title: '进货单据', source: '当事人提供', collectedBy: ['o1', 'o2'], collectedOn: '2026-06-06', proves: '进货来源', file: { path: 'evidence/photo.pdf', sha256: sha(evBytes), size: evBytes.length, mime: 'application/pdf' } },
    ],
  };
  const built: BuiltPackage = {
    dir,
    manifest,
    write: () => writeFileSync(join(dir, 'case.json'), JSON.stringify(built.manifest, null, 2)),
  };
  built.write();
  return built;
}

/** Replace the notice PDF (documents[0]) with these lines, each drawn at x=72 and its own y, in Helvetica; updates case.json. */
/** Replace the notice with a PDF of these lines (page 1 unless a line names another; pages up to the last named). */
export async function setNoticeText(pkg: BuiltPackage, lines: [text: string, y: number, page?: number][], size = 14): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = Array.from({ length: Math.max(1, ...lines.map(([, , p]) => p ?? 1)) }, () => doc.addPage([595, 842]));
  for (const [text, y, p] of lines) pages[(p ?? 1) - 1]!.drawText(text, { x: 72, y, size, font });
  setNoticeBytes(pkg, await doc.save());
}

/** Replaces the package's 行政处罚告知书 (documents/notice.pdf) with these bytes, its hash and size with them. */
export function setNoticeBytes(pkg: BuiltPackage, bytes: Uint8Array): void {
  writeFileSync(join(pkg.dir, 'documents/notice.pdf'), bytes);
  pkg.manifest.documents[0]!.file = { ...pkg.manifest.documents[0]!.file, sha256: sha(bytes), size: bytes.length };
  pkg.write();
}
