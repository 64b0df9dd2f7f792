// Small encoding helpers shared by the signing modules.
import { createHash } from 'node:crypto';

export function pemToDer(pem: string): Uint8Array {
  const m = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  if (!m || m[2] === undefined) throw new TypeError('不是 PEM 格式');
  return new Uint8Array(Buffer.from(m[2].replace(/\s+/g, ''), 'base64'));
}

export function derToPem(der: Uint8Array | ArrayBuffer, label: string): string {
  const b64 = Buffer.from(der instanceof ArrayBuffer ? new Uint8Array(der) : der).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}

/** keyId = first 16 bytes of SHA-256 over the DER SubjectPublicKeyInfo, hex. */
export function keyIdFromSpki(spkiDer: Uint8Array): string {
  return createHash('sha256').update(spkiDer).digest().subarray(0, 16).toString('hex');
}

export function sha256(data: Uint8Array | string): Buffer {
  return createHash('sha256').update(data).digest();
}

/** A fresh ArrayBuffer holding exactly these bytes (pkijs/asn1js want ArrayBuffers). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const out = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(out).set(bytes);
  return out;
}
