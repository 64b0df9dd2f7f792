// The agency's release signature over update metadata: Ed25519, detached, in `<channel file>.sig`
// next to latest.yml. It covers the whole parsed channel file (version, every file's sha512 and
// size, release notes …) except `stagingPercentage`, which the central server may change during a
// staged rollout without re-signing. electron-updater then checks each download against the signed
// sha512, so a verified channel file pins the installer's exact bytes.
import { createPublicKey, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../../shared/canonical';
import { keyIdFromSpki } from '../signing/pem';
import { UpdateError, type UpdateInfo } from './update-info';

export const SIGNATURE_FORMAT = 'fashen.update-signature';

export const UpdateSignatureFile = z
  .object({
    format: z.literal(SIGNATURE_FORMAT),
    version: z.literal(1),
    algorithm: z.literal('Ed25519'),
    keyId: z.string().regex(/^[0-9a-f]{32}$/),
    /** base64, 64 bytes */
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
    /** The signer's clock; informational, not covered by the signature. */
    signedAt: z.string().max(40).optional(),
  })
  .strict();
export type UpdateSignatureFile = z.infer<typeof UpdateSignatureFile>;

export interface TrustedKey {
  keyId: string;
  key: KeyObject;
  /** Where it came from (file name), for messages. */
  label: string;
}

export function keyIdOf(publicKey: KeyObject): string {
  return keyIdFromSpki(new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })));
}

/** A PEM public key as a trusted release key; only Ed25519 is accepted. */
export function trustedKeyFromPem(pem: string, label: string): TrustedKey {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (err) {
    throw new UpdateError(`发布公钥 ${label} 无法读取`, [(err as Error).message]);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new UpdateError(`发布公钥 ${label} 不是 Ed25519 密钥`);
  return { keyId: keyIdOf(key), key, label };
}

/** The bytes the release key signs: a domain tag and the channel file without stagingPercentage. */
export function signedBytes(info: UpdateInfo): Uint8Array {
  const { stagingPercentage: _excluded, ...signed } = info;
  return new TextEncoder().encode(canonicalJson({ domain: SIGNATURE_FORMAT, version: 1, info: signed }));
}

export function signUpdateInfo(info: UpdateInfo, privateKey: KeyObject, now: Date = new Date()): UpdateSignatureFile {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new UpdateError('发布私钥不是 Ed25519 密钥');
  const publicKey = createPublicKey(privateKey);
  return {
    format: SIGNATURE_FORMAT,
    version: 1,
    algorithm: 'Ed25519',
    keyId: keyIdOf(publicKey),
    signature: nodeSign(null, signedBytes(info), privateKey).toString('base64'),
    signedAt: now.toISOString(),
  };
}

export function parseSignatureFile(text: string): UpdateSignatureFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UpdateError('签名文件不是有效的 JSON', [], 'bad_signature_file');
  }
  const parsed = UpdateSignatureFile.safeParse(raw);
  if (!parsed.success) throw new UpdateError('签名文件格式不正确', parsed.error.issues.map((i) => `${i.path.join('.') || '(根)'}：${i.message}`), 'bad_signature_file');
  return parsed.data;
}

/**
 * Checks the release signature over the channel file. Returns the key that signed it; throws an
 * UpdateError naming the reason (unknown key, bad signature) otherwise.
 */
export function verifyUpdateInfo(info: UpdateInfo, signature: UpdateSignatureFile, trusted: readonly TrustedKey[]): TrustedKey {
  if (trusted.length === 0) throw new UpdateError('本机没有配置发布公钥，无法验证更新，已拒绝', [], 'no_release_key');
  const key = trusted.find((k) => k.keyId === signature.keyId);
  if (!key) throw new UpdateError(`更新由未受信任的密钥签名（密钥 ${signature.keyId.slice(0, 16)}…），已拒绝`, [`受信任的发布密钥：${trusted.map((k) => k.keyId.slice(0, 16)).join('、')}`], 'untrusted_key');
  const ok = nodeVerify(null, signedBytes(info), key.key, Buffer.from(signature.signature, 'base64'));
  if (!ok) throw new UpdateError('更新信息的签名无效（内容被改动或签名不符），已拒绝', [], 'bad_signature');
  return key;
}
