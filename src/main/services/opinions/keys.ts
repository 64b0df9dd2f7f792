// The workstation's reviewer keys: created here, private key never leaves; protected by the OS
// (Electron safeStorage) on desktop or by a passphrase elsewhere; certificate from the dev CA
// until a central system is configured.
import { createHash } from 'node:crypto';
import { ApiFailure } from '../../../shared/api/result';
import type { KeySummary, KeysView } from '../../../shared/api/opinions';
import { DevelopmentCa, isDevelopmentCa, KeyStore, PassphraseProtector, isSigningError, type KeyInfo, type KeyProtector, type UnlockedKey } from '../signing/index';
import { pemToDer } from '../signing/pem';

export class ReviewerKeys {
  readonly store: KeyStore;
  private ca: Promise<DevelopmentCa> | null = null;

  constructor(
    private readonly dataDir: string,
    /** Electron's safeStorage protector on desktop; absent in the browser host and CLI. */
    private readonly osProtector?: KeyProtector,
  ) {
    this.store = new KeyStore(dataDir);
  }

  devCa(): Promise<DevelopmentCa> {
    this.ca ??= DevelopmentCa.open(this.dataDir);
    return this.ca;
  }

  async trustAnchors(): Promise<string[]> {
    return [(await this.devCa()).certificatePem];
  }

  private protector(passphrase: string | undefined): KeyProtector {
    if (this.osProtector) return this.osProtector;
    if (!passphrase) throw new ApiFailure({ code: 'invalid_input', message: '请输入签名密钥口令' });
    return new PassphraseProtector(passphrase);
  }

  view(): KeysView {
    const keys = this.store.listKeys().map(summary);
    return { keys, active: keys.find((k) => k.status === 'active' && k.algorithm === 'ecdsa-p256') ?? null, protection: this.osProtector ? 'os' : 'passphrase' };
  }

  active(): KeyInfo {
    const k = this.store.activeKey('ecdsa-p256');
    if (!k) throw new ApiFailure({ code: 'conflict', message: '尚未创建签名密钥：请先在“签名密钥”中创建' });
    if (!k.chain.length) throw new ApiFailure({ code: 'conflict', message: '签名密钥尚无证书，请重新创建密钥' });
    return k;
  }

  async create(subject: { name: string; agency: string }, passphrase?: string): Promise<KeysView> {
    await this.store.createKey({ algorithm: 'ecdsa-p256', protector: this.protector(passphrase), subject, ca: await this.devCa() });
    return this.view();
  }

  async unlock(keyId: string, passphrase?: string): Promise<UnlockedKey> {
    try {
      return await this.store.unlock(keyId, this.protector(passphrase));
    } catch (err) {
      if (isSigningError(err)) throw new ApiFailure({ code: 'forbidden', message: err.message });
      throw err;
    }
  }
}

export function certificateFingerprint(chain: string[]): string {
  return createHash('sha256').update(pemToDer(chain[0]!)).digest('hex');
}

function summary(k: KeyInfo): KeySummary {
  return {
    keyId: k.keyId,
    algorithm: k.algorithm,
    status: k.status,
    created: k.created,
    subject: `${k.subject.name}（${k.subject.agency}）`,
    issuer: k.chain.length > 1 ? (isDevelopmentCa(k.chain) ? '本地开发 CA（非正式）' : '机构 CA') : null,
    devCa: isDevelopmentCa(k.chain),
    protection: k.protection,
    revokedAt: k.revokedAt ?? null,
    revocationReason: k.revocationReason ?? null,
  };
}
