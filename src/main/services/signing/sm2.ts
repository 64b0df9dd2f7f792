// SM2 (GB/T 32918) with SM3 via sm-crypto. Signatures are DER (r, s), the message is hashed with
// the Z value for user id 1234567812345678 — exactly what `openssl pkeyutl -rawin -digest sm3
// -pkeyopt distid:1234567812345678` produces and checks. Randomness (private keys and per-signature
// nonces) comes from node:crypto, not from sm-crypto's own RC4-based generator.
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import { pkijs } from './x509';
import { toArrayBuffer } from './pem';

type SmCrypto = typeof import('sm-crypto');
type JsbnBigInteger = new (value: string, radix: number) => import('sm-crypto').KeyPairPoint['k'];

// Not named `require`: electron-vite's ESM shim declares its own top-level `require` in the
// bundle, and a second one is a SyntaxError that stops the desktop app from starting.
const cjsRequire = createRequire(import.meta.url);
const smCrypto = cjsRequire('sm-crypto') as SmCrypto;
// sm-crypto's own BigInteger class (its jsbn dependency), needed to hand it nonce points.
const BigInteger = createRequire(cjsRequire.resolve('sm-crypto'))('jsbn').BigInteger as JsbnBigInteger;
const sm2 = smCrypto.sm2;

export const SM2_USER_ID = '1234567812345678';
export const SM2_CURVE_OID = '1.2.156.10197.1.301';
const EC_PUBLIC_KEY_OID = '1.2.840.10045.2.1';

export interface Sm2KeyPair {
  privateKeyHex: string;
  /** Uncompressed point, '04' + X + Y (130 hex digits). */
  publicKeyHex: string;
}

/** 384 random bits reduced mod n−1, plus one: a uniform scalar in [1, n−1] for all practical purposes. */
function randomScalarPair(): Sm2KeyPair {
  const kp = (sm2.generateKeyPairHex as (a?: string, b?: number) => { privateKey: string; publicKey: string })(
    randomBytes(48).toString('hex'),
    16,
  );
  return { privateKeyHex: kp.privateKey, publicKeyHex: kp.publicKey };
}

export function sm2GenerateKeyPair(): Sm2KeyPair {
  return randomScalarPair();
}

export function sm2PublicFromPrivate(privateKeyHex: string): string {
  return (sm2 as unknown as { getPublicKeyFromPrivateKey(d: string): string }).getPublicKeyFromPrivateKey(privateKeyHex);
}

export function sm2Sign(data: Uint8Array, key: Sm2KeyPair): Uint8Array {
  const nonce = randomScalarPair();
  const point = {
    privateKey: nonce.privateKeyHex,
    publicKey: nonce.publicKeyHex,
    k: new BigInteger(nonce.privateKeyHex, 16),
    x1: new BigInteger(nonce.publicKeyHex.slice(2, 66), 16),
  };
  const sigHex = sm2.doSignature(Array.from(data), key.privateKeyHex, {
    hash: true,
    der: true,
    publicKey: key.publicKeyHex,
    userId: SM2_USER_ID,
    pointPool: [point],
  });
  return new Uint8Array(Buffer.from(sigHex, 'hex'));
}

export function sm2Verify(data: Uint8Array, signatureDer: Uint8Array, publicKeyHex: string): boolean {
  try {
    return sm2.doVerifySignature(Array.from(data), Buffer.from(signatureDer).toString('hex'), publicKeyHex, {
      hash: true,
      der: true,
      userId: SM2_USER_ID,
    });
  } catch {
    return false;
  }
}

/** SubjectPublicKeyInfo (id-ecPublicKey, curve SM2) — the form OpenSSL 3 reads and writes. */
export function sm2SpkiDer(publicKeyHex: string): Uint8Array {
  const spki = new pkijs.PublicKeyInfo({
    algorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: EC_PUBLIC_KEY_OID,
      algorithmParams: new asn1js.ObjectIdentifier({ value: SM2_CURVE_OID }),
    }),
    subjectPublicKey: new asn1js.BitString({ valueHex: toArrayBuffer(Buffer.from(publicKeyHex, 'hex')) }),
  });
  return new Uint8Array(spki.toSchema().toBER(false));
}

/** The uncompressed SM2 point from an SPKI, or null when the SPKI is not an SM2 key. */
export function sm2PublicHexFromSpki(spkiDer: Uint8Array): string | null {
  try {
    const spki = pkijs.PublicKeyInfo.fromBER(toArrayBuffer(spkiDer));
    const params = spki.algorithm.algorithmParams as asn1js.ObjectIdentifier | undefined;
    if (spki.algorithm.algorithmId !== EC_PUBLIC_KEY_OID || params?.valueBlock?.toString() !== SM2_CURVE_OID) return null;
    const hex = Buffer.from(spki.subjectPublicKey.valueBlock.valueHexView).toString('hex');
    return hex.length === 130 && hex.startsWith('04') ? hex : null;
  } catch {
    return null;
  }
}
