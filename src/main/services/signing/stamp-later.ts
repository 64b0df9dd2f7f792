// Stamping later (补加时间戳): a signature made offline carries no timestamp (待加盖时间戳). On the
// next sync the timestamp is requested and added as an unsigned attribute — the signed content and
// the signature value do not change, so the signature stays valid.
//  - PDF: the CMS in the /Contents hole is replaced by the same CMS plus the token (same length,
//    zero padded); the ByteRange and every signed byte stay as they were.
//  - Submission JSON: `timestamp` is filled in.
import { addTimestampAttribute, encodeSignedData, OID, parseSignedData } from './cms';
import type { DetachedSignature } from './detached';
import { SigningError } from './errors';
import { sha256 } from './pem';
import { findPdfSignatures } from './pdf-signatures';
import { signatureTimestampDigest, type TimestampClient, type TimestampResult } from './timestamp';

export interface PdfStampResult {
  bytes: Uint8Array;
  /** Per signature without a timestamp, in file order; already stamped ones are skipped. */
  results: TimestampResult[];
}

export async function stampPendingPdf(pdf: Uint8Array, client: TimestampClient): Promise<PdfStampResult> {
  const out = new Uint8Array(pdf);
  const results: TimestampResult[] = [];
  for (const slot of findPdfSignatures(pdf)) {
    if (slot.problem) continue;
    const sd = parseSignedData(slot.cms);
    const si = sd.signerInfos[0];
    if (!si || si.unsignedAttrs?.attributes.some((a) => a.type === OID.signatureTimeStampToken)) continue;
    const ts = await client.timestamp(signatureTimestampDigest(new Uint8Array(si.signature.valueBlock.valueHexView)));
    results.push(ts);
    if (ts.status !== 'granted') continue;
    addTimestampAttribute(si, ts.token);
    const der = encodeSignedData(sd);
    const [, b, c] = slot.byteRange;
    const room = (c - b - 2) / 2;
    if (der.length > room) throw new SignedRoomError(der.length, room);
    const hex = Buffer.from(der).toString('hex').padEnd(room * 2, '0');
    out.set(Buffer.from(hex, 'latin1'), b + 1);
  }
  return { bytes: out, results };
}

class SignedRoomError extends SigningError {
  constructor(need: number, room: number) {
    super('timestamp-failed', `签名预留空间不足，无法补加时间戳（需要 ${need} 字节，预留 ${room} 字节）`);
  }
}

/** Adds a timestamp to a detached signature that has none (or a pending one). */
export async function stampDetached(sig: DetachedSignature, client: TimestampClient): Promise<DetachedSignature> {
  if (sig.timestamp?.status === 'granted') return sig;
  const ts = await client.timestamp(new Uint8Array(sha256(Buffer.from(sig.signature, 'base64'))));
  return {
    ...sig,
    timestamp:
      ts.status === 'granted' ? { status: 'granted', token: Buffer.from(ts.token).toString('base64'), genTime: ts.genTime.toISOString() } : ts,
  };
}
