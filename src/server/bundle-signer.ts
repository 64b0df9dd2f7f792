// The central system's key for the case bundles it makes (bundle.json, signed): an Ed25519 key kept
// as <data>/bundle-signing-key.pem (0600), made on first start. Workstations learn its public half
// from GET /v1/config over their authenticated connection and keep it, so a bundle carried on a
// stick can be checked later without a connection. Several servers on one database share the
// data folder and so its one key (made once: main.ts opens it under the start-up lock). Without
// a data folder the key lives only as long as the process.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurable } from '../main/services/cache-crypto/durable';
import { keyIdOfPublicKey, signDetached, type DetachedSignature } from '../main/services/signing/detached';
import type { BundleSignerInfo } from '../shared/sync/case-bundle-manifest';

const FILE = 'bundle-signing-key.pem';

export class BundleSigner {
  private constructor(
    private readonly privateKey: KeyObject,
    readonly info: BundleSignerInfo,
  ) {}

  static open(dataDir: string | null): BundleSigner {
    let privateKey: KeyObject;
    const path = dataDir ? join(dataDir, FILE) : null;
    try {
      if (!path) throw Object.assign(new Error('no data folder'), { code: 'ENOENT' });
      privateKey = createPrivateKey(readFileSync(path, 'utf8'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`交换包签名密钥文件已损坏：${path}`, { cause: err });
      privateKey = generateKeyPairSync('ed25519').privateKey;
      if (path) writeFileDurable(path, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 0o600);
    }
    const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
    return new BundleSigner(privateKey, { keyId: keyIdOfPublicKey(publicKeyPem), publicKeyPem });
  }

  sign(body: unknown, now: Date): Promise<DetachedSignature> {
    const key = { algorithm: 'ed25519' as const, keyId: this.info.keyId, publicKeyPem: this.info.publicKeyPem, subject: { name: '中心系统', agency: '' }, chain: [], privateKey: this.privateKey };
    return signDetached(body, key, { now });
  }
}
