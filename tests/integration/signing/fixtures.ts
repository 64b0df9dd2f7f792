// Shared setup for the signing tests: a data dir with the dev CA, a key store, a reviewer key,
// a small opinion PDF with Chinese text, and wrappers for pdfsig / certutil / openssl.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { loadDemoFont, FONT_POSTSCRIPT_NAME } from '../../../src/main/demo/pdf/font';
import { DevelopmentCa, KeyStore, PassphraseProtector, type KeyAlgorithm, type UnlockedKey } from '../../../src/main/services/signing';
import { tempDir } from '../../helpers/package-builder';

export const PASSPHRASE = '审核员的口令 correct horse';
export const REVIEWER = { name: '王法审', agency: '某市市场监督管理局' };

export interface SigningFixture {
  dataDir: string;
  ca: DevelopmentCa;
  store: KeyStore;
  protector: PassphraseProtector;
}

export async function signingFixture(prefix = 'fashen-sign-'): Promise<SigningFixture> {
  const dataDir = tempDir(prefix);
  return { dataDir, ca: await DevelopmentCa.open(dataDir), store: new KeyStore(dataDir), protector: new PassphraseProtector(PASSPHRASE) };
}

export async function reviewerKey<A extends KeyAlgorithm = 'ecdsa-p256'>(
  f: SigningFixture,
  algorithm: A = 'ecdsa-p256' as A,
  subject = REVIEWER,
): Promise<UnlockedKey & { algorithm: A }> {
  const info = await f.store.createKey({ algorithm, protector: f.protector, subject, ca: f.ca });
  return (await f.store.unlock(info.keyId, f.protector)) as UnlockedKey & { algorithm: A };
}

/** An unsaved pdf-lib document: 法制审核意见书 in the project's CJK font, `pages` pages. */
export async function opinionDoc(pages = 1): Promise<PDFDocument> {
  const demo = loadDemoFont();
  const doc = await PDFDocument.create();
  doc.registerFontkit(demo.fontkit as Parameters<PDFDocument['registerFontkit']>[0]);
  const font = await doc.embedFont(demo.bytes, { subset: true, customName: `FSHSGN+${FONT_POSTSCRIPT_NAME}` });
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText('法制审核意见书', { x: 200, y: 760, size: 22, font });
    page.drawText(`某市场监督管理局关于当事人违法行为拟作出行政处罚决定的审核意见（第${'一二三'[p] ?? ''}页）`, { x: 60, y: 700, size: 12, font });
    page.drawText('审核意见：同意', { x: 60, y: 670, size: 12, font });
  }
  return doc;
}

export function writeTemp(dir: string, name: string, bytes: Uint8Array | string): string {
  mkdirSync(dir, { recursive: true });
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

/** pdfsig's text. It exits 0 even for bad signatures, so callers read the text. */
export function pdfsig(path: string, nssDir?: string): string {
  const r = spawnSync('pdfsig', [...(nssDir ? ['-nssdir', `sql:${nssDir}`] : []), path], { encoding: 'utf8' });
  if (r.error) throw new Error(`pdfsig missing (apt-get install poppler-utils): ${r.error.message}`);
  return `${r.stdout}${r.stderr}`;
}

/** An NSS database trusting `caPem` for signing (certutil from libnss3-tools). */
export function nssDbTrusting(dir: string, caPem: string): string {
  const db = join(dir, 'nssdb');
  mkdirSync(db, { recursive: true });
  const ca = writeTemp(dir, 'trusted-ca.pem', caPem);
  try {
    execFileSync('certutil', ['-N', '-d', `sql:${db}`, '--empty-password']);
    execFileSync('certutil', ['-A', '-d', `sql:${db}`, '-n', 'fashen-dev-ca', '-t', 'C,C,C', '-i', ca]);
  } catch (e) {
    throw new Error(`certutil failed (apt-get install libnss3-tools): ${(e as Error).message}`);
  }
  return db;
}

export function openssl(args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  if (r.error) throw new Error(`openssl missing: ${r.error.message}`);
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

/** Flip one bit of `bytes[at]` in a copy. */
export function flipped(bytes: Uint8Array, at: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
