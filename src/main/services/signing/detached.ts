// Detached signatures over the RFC 8785 (JCS) bytes of a JSON value — the signed submission's
// machine check for the central system. ECDSA P-256 (DER, SHA-256), Ed25519, or SM2 with SM3
// (DER, user id 1234567812345678; interoperable with OpenSSL's SM2 tools).
import { createPublicKey, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../../shared/canonical';
import { SigningError } from './errors';
import type { UnlockedKey } from './keystore';
import { keyIdFromSpki, pemToDer, sha256 } from './pem';
import { sm2PublicHexFromSpki, sm2Sign, sm2Verify } from './sm2';
import type { TimestampClient } from './timestamp';
import type { KeyAlgorithm } from './types';

export interface DetachedSignature {
  algorithm: KeyAlgorithm;
  keyId: string;
  /** base64 */
  signature: string;
  /** SHA-256 hex of the JCS bytes. */
  contentHash: string;
  /** Claimed by the signer's clock (ISO); not covered by the signature — see `timestamp`. */
  signedAt: string;
  /** SPKI PEM of the signing key. */
  publicKey: string;
  /** PEM certificates, leaf first (may be empty when no CA issued one). */
  chain: string[];
  /** RFC 3161 token (base64) over SHA-256 of the signature bytes, or pending (待加盖时间戳). */
  timestamp?: { status: 'granted'; token: string; genTime: string } | { status: 'pending'; reason: string };
}

export function jcsBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}

function rawSign(key: UnlockedKey, data: Uint8Array): Uint8Array {
  if (key.algorithm === 'sm2-sm3') return sm2Sign(data, key.sm2);
  return new Uint8Array(nodeSign(key.algorithm === 'ed25519' ? null : 'sha256', data, key.privateKey));
}

export async function signDetached(
  value: unknown,
  key: UnlockedKey,
  options: { now?: Date; timestamp?: TimestampClient } = {},
): Promise<DetachedSignature> {
  const data = jcsBytes(value);
  const signature = rawSign(key, data);
  const out: DetachedSignature = {
    algorithm: key.algorithm,
    keyId: key.keyId,
    signature: Buffer.from(signature).toString('base64'),
    contentHash: sha256(data).toString('hex'),
    signedAt: (options.now ?? new Date()).toISOString(),
    publicKey: key.publicKeyPem,
    chain: [...key.chain],
  };
  if (options.timestamp) {
    const ts = await options.timestamp.timestamp(new Uint8Array(sha256(signature)));
    out.timestamp =
      ts.status === 'granted'
        ? { status: 'granted', token: Buffer.from(ts.token).toString('base64'), genTime: ts.genTime.toISOString() }
        : ts;
  }
  return out;
}

export interface DetachedCheck {
  valid: boolean;
  reason: string;
}

/**
 * Checks the signature cryptographically. `publicKey`: SPKI PEM (any algorithm) or, for SM2,
 * the uncompressed point as hex ('04…').
 */
export function verifyDetached(value: unknown, sig: Pick<DetachedSignature, 'algorithm' | 'signature' | 'contentHash'>, publicKey: string): DetachedCheck {
  const data = jcsBytes(value);
  if (sha256(data).toString('hex') !== sig.contentHash) return { valid: false, reason: '内容与签名不符（摘要不一致）：签名后内容被修改' };
  const signature = new Uint8Array(Buffer.from(sig.signature, 'base64'));
  let ok = false;
  try {
    if (sig.algorithm === 'sm2-sm3') {
      const hex = /^04[0-9a-fA-F]{128}$/.test(publicKey.trim()) ? publicKey.trim() : sm2PublicHexFromSpki(pemToDer(publicKey));
      if (!hex) return { valid: false, reason: '公钥不是 SM2 公钥' };
      ok = sm2Verify(data, signature, hex.toLowerCase());
    } else if (sig.algorithm === 'ecdsa-p256' || sig.algorithm === 'ed25519') {
      const key: KeyObject = createPublicKey(publicKey);
      const expected = sig.algorithm === 'ed25519' ? 'ed25519' : 'ec';
      if (key.asymmetricKeyType !== expected) return { valid: false, reason: '公钥类型与签名算法不符' };
      ok = nodeVerify(sig.algorithm === 'ed25519' ? null : 'sha256', data, key, signature);
    } else {
      return { valid: false, reason: `不支持的签名算法：${String(sig.algorithm)}` };
    }
  } catch {
    ok = false;
  }
  return ok ? { valid: true, reason: '签名有效' } : { valid: false, reason: '签名值验证失败' };
}

/** keyId of an SPKI PEM — to check that a signature's keyId matches its public key. */
export function keyIdOfPublicKey(publicKeyPem: string): string {
  try {
    return keyIdFromSpki(pemToDer(publicKeyPem));
  } catch (e) {
    throw new SigningError('unsupported-algorithm', '公钥格式无效', { cause: e });
  }
}
