// The release public keys this build trusts: every `*.pem` in resources/update-keys/ (several during
// a key rotation). A packaged build must not trust the development key (scripts/dist.mjs refuses).
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourcePath } from '../../paths';
import { trustedKeyFromPem, type TrustedKey } from './signature';

export function releaseKeysDir(): string {
  return resourcePath('update-keys');
}

/** Reads every *.pem in the folder; a folder without keys yields [] (every update is then refused). */
export function loadTrustedKeys(dir: string = releaseKeysDir()): TrustedKey[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.pem'))
    .sort()
    .map((n) => trustedKeyFromPem(readFileSync(join(dir, n), 'utf8'), n));
}

/** A new release key pair (PEM); the private key optionally encrypted with a passphrase. */
export function generateReleaseKeyPair(passphrase?: string): { publicPem: string; privatePem: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey
      .export(passphrase ? { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase } : { type: 'pkcs8', format: 'pem' })
      .toString(),
    privateKey,
  };
}
