// Test data for the evidence spec: a WAV tone made in plain JS, and a case package that carries it as
// 视听资料 (built with the package builder, so it imports like any other).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPackage, tempDir } from '../../helpers/package-builder';
import { wordFile } from '../../helpers/word-file';
import { DOCX_MIME } from '../../../src/shared/text/decode';

/** 8 kHz mono 16-bit PCM sine tone. */
export function sineWav(seconds = 4, hz = 440, rate = 8000): Buffer {
  const samples = Math.round(seconds * rate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / rate) * 0.3 * 32767), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16); // PCM chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

export const AUDIO_TITLE = '现场执法录音';

/** A case package with one audio evidence item (and the builder's 进货单据 PDF, e1). */
export async function audioCasePackage(): Promise<{ dir: string; caseNumber: string; shaOf: (evidenceId: string) => string }> {
  return mediaCasePackage(sineWav(), { name: 'recording.wav', mime: 'audio/wav', title: AUDIO_TITLE });
}

/** A case package with one 视听资料 item of these bytes (and the builder's 进货单据 PDF, e1). */
export async function mediaCasePackage(bytes: Buffer, file: { name: string; mime: string; title: string }): Promise<{ dir: string; caseNumber: string; shaOf: (evidenceId: string) => string }> {
  const pkg = await buildPackage(tempDir('fashen-e2e-pkg-'), { caseNumber: `测市监处罚〔2026〕${Math.floor(Math.random() * 9000) + 1000}号` });
  const path = `evidence/${file.name}`;
  writeFileSync(join(pkg.dir, path), bytes);
  pkg.manifest.evidence.push({
    id: 'e-audio',
    kind: '视听资料',
    title: file.title,
    source: '执法人员执法记录仪录制',
    collectedBy: ['o1', 'o2'],
    collectedOn: '2026-06-06',
    proves: '现场检查时当事人的陈述',
    file: { path, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mime: file.mime },
  });
  pkg.write();
  const shaOf = (id: string) => {
    const found = pkg.manifest.evidence.find((e) => e.id === id);
    if (!found) throw new Error(`no evidence ${id}`);
    return found.file.sha256;
  };
  return { dir: pkg.dir, caseNumber: pkg.manifest.case.caseNumber, shaOf };
}

type Built = Awaited<ReturnType<typeof buildPackage>>;

/** Files written into the package and listed as evidence items (collected by o1 and o2), then the manifest saved. */
export function addEvidence(pkg: Built, files: [id: string, title: string, name: string, bytes: Buffer][], as: { kind: '书证' | '电子数据'; proves: string; mime: string }): void {
  for (const [id, title, name, bytes] of files) {
    writeFileSync(join(pkg.dir, name), bytes);
    pkg.manifest.evidence.push({
      id,
      kind: as.kind,
      title,
      source: '当事人提供',
      collectedBy: ['o1', 'o2'],
      collectedOn: '2026-06-06',
      proves: as.proves,
      file: { path: name, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mime: as.mime },
    });
  }
  pkg.write();
}

export const BAD_FILES = { empty: '空白文件', corrupt: '损坏的笔录', mislabelled: '扩展名不符的照片' } as const;

/** A case package whose evidence files are bad in the ways reviewers meet: 0 bytes, a corrupt PDF, a PNG named .pdf. */
export async function badFilesPackage(): Promise<{ dir: string; caseNumber: string }> {
  const pkg = await buildPackage(tempDir('fashen-e2e-pkg-'), { caseNumber: `测市监处罚〔2026〕${Math.floor(Math.random() * 9000) + 1000}号` });
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const files: [id: string, title: string, name: string, bytes: Buffer][] = [
    ['e-empty', BAD_FILES.empty, 'evidence/empty.pdf', Buffer.alloc(0)],
    ['e-corrupt', BAD_FILES.corrupt, 'evidence/corrupt.pdf', Buffer.from('%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>>\nthis is not a pdf body\n%%EOF')],
    ['e-png', BAD_FILES.mislabelled, 'evidence/photo2.pdf', png],
  ];
  addEvidence(pkg, files, { kind: '书证', proves: '测试', mime: 'application/pdf' });
  return { dir: pkg.dir, caseNumber: pkg.manifest.case.caseNumber };
}

export const TEXT_TITLES = { utf8: '微信聊天记录导出', gbk: '收银系统导出记录', docx: '当事人提交的情况说明', binary: '收银机原始数据' } as const;
export const DOCX_LINES = ['情况说明', '我店于2026年6月从合肥某批发市场购进涉案食品，未索取进货票据。', '以上情况属实。'] as const;

/** A case package with two plain-text evidence items (电子数据): one UTF-8, one GB18030 as Chinese Windows tools write. */
export async function textCasePackage(): Promise<{ dir: string; caseNumber: string }> {
  const pkg = await buildPackage(tempDir('fashen-e2e-pkg-'), { caseNumber: `测市监处罚〔2026〕${Math.floor(Math.random() * 9000) + 1000}号` });
  const utf8 = Buffer.from('2026-06-05 10:12 张三：这批货是从哪里进的？\n2026-06-05 10:15 李四：合肥的批发市场，没有票据。\n', 'utf8');
  // “收银记录：售出涉案食品 12 件” in GB18030 (GBK range), written out byte by byte.
  const gbk = Buffer.from('cad5d2f8bcc7c2bca3bacadbb3f6c9e6b0b8cab3c6b720313220bcfe0a', 'hex');
  const files: [id: string, title: string, name: string, bytes: Buffer][] = [
    ['e-chat', TEXT_TITLES.utf8, 'evidence/chat.txt', utf8],
    ['e-pos', TEXT_TITLES.gbk, 'evidence/pos.txt', gbk],
    // Labelled text, but a till's own binary records.
    ['e-raw', TEXT_TITLES.binary, 'evidence/pos-raw.txt', Buffer.concat([Buffer.from('POSDATA1'), Buffer.from([0, 0, 1, 7, 200, 3, 0, 9, 17, 0, 0, 2])])],
  ];
  addEvidence(pkg, files, { kind: '电子数据', proves: '进货来源与销售数量', mime: 'text/plain' });
  // A Word file: its text is shown (and searchable); the original is exported to read it as laid out.
  addEvidence(pkg, [['e-docx', TEXT_TITLES.docx, 'evidence/statement.docx', await wordFile(DOCX_LINES)]], { kind: '书证', proves: '当事人的说明', mime: DOCX_MIME });
  return { dir: pkg.dir, caseNumber: pkg.manifest.case.caseNumber };
}
