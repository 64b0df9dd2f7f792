// Embedded PDF signatures (CMS in /Contents; adbe.pkcs7.detached or ETSI.CAdES.detached) with @signpdf.
//  - signPdf: first signature, placeholder added to the unsaved pdf-lib document.
//  - addSignature: a further signature as an incremental update (@signpdf/placeholder-plain),
//    e.g. meeting minutes signed by two people. The first revision must come from signPdf (or
//    be saved without object streams, with an /AcroForm that has /Type first and a /Fields array).
// The signature dictionary's text fields (reason, name, location) are written as single-byte
// strings: they must be ASCII. Chinese belongs on the visible page.
import type { KeyObject } from 'node:crypto';
import { PDFArray, PDFDict, PDFName, PDFRef, rgb, type PDFDocument, type PDFFont } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf, Signer } from '@signpdf/signpdf';
import { createCmsSignature } from './cms';
import { SigningError } from './errors';
import type { TimestampClient, TimestampResult } from './timestamp';

export interface PdfSigner {
  privateKey: KeyObject | CryptoKey;
  /** PEM certificates, leaf first. */
  chain: string[];
}

export interface PdfSignatureRect {
  /** 0-based page index. */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfSignOptions {
  /** ASCII only. */
  reason?: string;
  /** ASCII only. */
  location?: string;
  /** ASCII only (e.g. pinyin); the certificate carries the Chinese name. */
  name?: string;
  /** Widget position. Without it the signature is invisible (still listed by viewers). */
  rect?: PdfSignatureRect;
  /** Drawn inside `rect` on the page before signing, so it is covered by the signature. */
  appearance?: { lines: string[]; font?: PDFFont; size?: number };
  signingTime: Date;
  /** RFC 3161 TSA; offline → timestamp { status: 'pending' }. */
  timestamp?: TimestampClient;
  /** Bytes reserved for the CMS (default 12 KiB). */
  signatureLength?: number;
  /**
   * 'cades' (default): /SubFilter adbe.pkcs7.detached, CAdES-BES attributes including signingTime.
   * 'pades-b-b': /SubFilter ETSI.CAdES.detached and no signingTime attribute (ETSI EN 319 142-1
   * baseline B-B: the time is the dictionary's /M). pdfsig validates both.
   */
  profile?: 'cades' | 'pades-b-b';
}

export interface PdfSignResult {
  bytes: Uint8Array;
  timestamp: TimestampResult | null;
}

const DEFAULT_SIGNATURE_LENGTH = 12 * 1024;
const APP_NAME = 'Fashen';

class CmsSigner extends Signer {
  timestamp: TimestampResult | null = null;
  constructor(
    private readonly signer: PdfSigner,
    private readonly signingTime: Date,
    private readonly tsa: TimestampClient | undefined,
    private readonly includeSigningTime: boolean,
  ) {
    super();
  }
  override async sign(content: Buffer): Promise<Buffer> {
    const cms = await createCmsSignature(new Uint8Array(content), this.signer, this.signingTime, this.tsa, this.includeSigningTime);
    this.timestamp = cms.timestamp;
    return Buffer.from(cms.der);
  }
}

function asciiField(label: string, value: string | undefined): string {
  const v = value ?? '';
  if (!/^[\x20-\x7e]*$/.test(v)) throw new SigningError('pdf-sign-failed', `签名字典的“${label}”只能使用 ASCII 字符（中文请放在页面上）`);
  return v;
}

/** Make sure the catalog has an indirect /AcroForm whose first key is /Type and that has /Fields. */
export function ensureAcroForm(doc: PDFDocument): void {
  const key = PDFName.of('AcroForm');
  const raw = doc.catalog.get(key);
  const existing = doc.catalog.lookupMaybe(key, PDFDict);
  const form = doc.context.obj({ Type: 'AcroForm', Fields: [] });
  if (existing) {
    for (const [k, v] of existing.entries()) if (k.asString() !== '/Type') form.set(k, v);
    if (!(form.lookup(PDFName.of('Fields')) instanceof PDFArray)) form.set(PDFName.of('Fields'), doc.context.obj([]));
  }
  if (raw instanceof PDFRef) doc.context.assign(raw, form);
  else doc.catalog.set(key, doc.context.register(form));
}

function drawAppearance(doc: PDFDocument, rect: PdfSignatureRect, ap: NonNullable<PdfSignOptions['appearance']>): void {
  const page = doc.getPage(rect.page);
  const size = ap.size ?? 10;
  page.drawRectangle({ x: rect.x, y: rect.y, width: rect.width, height: rect.height, borderColor: rgb(0.6, 0, 0), borderWidth: 0.8 });
  let y = rect.y + rect.height - size - 4;
  for (const line of ap.lines) {
    if (y < rect.y + 2) break;
    page.drawText(line, { x: rect.x + 4, y, size, color: rgb(0.6, 0, 0), ...(ap.font ? { font: ap.font } : {}) });
    y -= size * 1.4;
  }
}

function widgetRect(rect: PdfSignatureRect | undefined): number[] {
  return rect ? [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height] : [0, 0, 0, 0];
}

export async function signPdfDetailed(doc: PDFDocument, signer: PdfSigner, opts: PdfSignOptions): Promise<PdfSignResult> {
  const fields = {
    reason: asciiField('reason', opts.reason),
    location: asciiField('location', opts.location),
    name: asciiField('name', opts.name),
  };
  if (opts.rect && opts.appearance) drawAppearance(doc, opts.rect, opts.appearance);
  ensureAcroForm(doc);
  pdflibAddPlaceholder({
    pdfDoc: doc,
    ...(opts.rect ? { pdfPage: doc.getPage(opts.rect.page) } : {}),
    ...fields,
    contactInfo: '',
    signingTime: opts.signingTime,
    signatureLength: opts.signatureLength ?? DEFAULT_SIGNATURE_LENGTH,
    widgetRect: widgetRect(opts.rect),
    appName: APP_NAME,
    subFilter: subFilter(opts),
  });
  // No object streams: keeps the file readable by placeholder-plain for later signatures.
  const unsigned = await doc.save({ useObjectStreams: false });
  return sign(Buffer.from(unsigned), signer, opts);
}

export async function signPdf(doc: PDFDocument, signer: PdfSigner, opts: PdfSignOptions): Promise<Uint8Array> {
  return (await signPdfDetailed(doc, signer, opts)).bytes;
}

/** A further signature as an incremental update (widget on the first page; rect.page is ignored). */
export async function addSignatureDetailed(existingPdf: Uint8Array, signer: PdfSigner, opts: Omit<PdfSignOptions, 'appearance'>): Promise<PdfSignResult> {
  let withPlaceholder: Buffer;
  try {
    withPlaceholder = plainAddPlaceholder({
      pdfBuffer: Buffer.from(existingPdf),
      reason: asciiField('reason', opts.reason),
      location: asciiField('location', opts.location),
      name: asciiField('name', opts.name),
      contactInfo: '',
      signingTime: opts.signingTime,
      signatureLength: opts.signatureLength ?? DEFAULT_SIGNATURE_LENGTH,
      widgetRect: widgetRect(opts.rect),
      appName: APP_NAME,
      subFilter: subFilter(opts),
    });
  } catch (e) {
    if (e instanceof SigningError) throw e;
    throw new SigningError('pdf-sign-failed', '无法在此 PDF 上追加签名（需要未使用对象流保存的文件）', { cause: e });
  }
  return sign(withPlaceholder, signer, opts);
}

export async function addSignature(existingPdf: Uint8Array, signer: PdfSigner, opts: Omit<PdfSignOptions, 'appearance'>): Promise<Uint8Array> {
  return (await addSignatureDetailed(existingPdf, signer, opts)).bytes;
}

function subFilter(opts: Pick<PdfSignOptions, 'profile'>): string {
  return opts.profile === 'pades-b-b' ? 'ETSI.CAdES.detached' : 'adbe.pkcs7.detached';
}

async function sign(pdf: Buffer, signer: PdfSigner, opts: Pick<PdfSignOptions, 'signingTime' | 'timestamp' | 'profile'>): Promise<PdfSignResult> {
  const cms = new CmsSigner(signer, opts.signingTime, opts.timestamp, opts.profile !== 'pades-b-b');
  try {
    const signed = await new SignPdf().sign(pdf, cms, opts.signingTime);
    return { bytes: new Uint8Array(signed), timestamp: cms.timestamp };
  } catch (e) {
    if (e instanceof SigningError) throw e;
    throw new SigningError('pdf-sign-failed', `PDF 签名失败：${(e as Error).message}`, { cause: e });
  }
}
