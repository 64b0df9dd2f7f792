// Signing keys of the minutes' signers (主持人, 记录人). The workstation's reviewer signs with the
// reviewer's own key when they hold the role. Anyone else gets a key of their own on this
// workstation, in <data>/signers/<id>/keys, certified by the same CA as the reviewer's, protected by
// the OS keychain when there is one, else by their own passphrase. Whoever records, the submission
// to the central system is signed by the reviewer (the submitter): only the reviewer's key is
// registered there; the signers' certificates are vouched for by that signature.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ApiFailure } from '../../../shared/api/result';
import type { KeySummary } from '../../../shared/api/opinions';
import { isDevelopmentCa, isSigningError, KeyStore, PassphraseProtector, type KeyInfo, type KeyProtector, type UnlockedKey } from '../signing/index';
import { leafNames, type ReviewerKeys } from '../opinions/keys';

export interface SignerIdentity {
  name: string;
  post: string;
  agency: string;
}

function summary(k: KeyInfo): KeySummary {
  const names = leafNames(k);
  return {
    keyId: k.keyId,
    algorithm: k.algorithm,
    status: k.status,
    created: k.created,
    subject: `${k.subject.name}（${k.subject.agency}）`,
    signerName: names?.cn ?? null,
    account: names?.account ?? null,
    issuer: k.chain.length > 1 ? (isDevelopmentCa(k.chain) ? '本地开发 CA（非正式）' : '机构 CA') : null,
    devCa: isDevelopmentCa(k.chain),
    protection: k.protection,
    revokedAt: k.revokedAt ?? null,
    revocationReason: k.revocationReason ?? null,
  };
}

export class SignerKeys {
  constructor(
    private readonly dataDir: string,
    private readonly reviewer: ReviewerKeys,
    /** The reviewer profile's name (null when not set). */
    private readonly reviewerName: () => string | null,
    private readonly osProtector?: KeyProtector,
  ) {}

  get protection(): 'passphrase' | 'os' {
    return this.osProtector ? 'os' : 'passphrase';
  }

  usesReviewerKey(name: string): boolean {
    return this.reviewerName() === name;
  }

  private store(name: string): KeyStore {
    const id = createHash('sha256').update(`fashen-signer:${name}`).digest('hex').slice(0, 24);
    return new KeyStore(join(this.dataDir, 'signers', id));
  }

  /** The person's active key, if any. */
  active(name: string): KeyInfo | null {
    if (this.usesReviewerKey(name)) return this.reviewer.view().active ? this.reviewer.active() : null;
    const k = this.store(name).activeKey('ecdsa-p256');
    return k && k.chain.length ? k : null;
  }

  summary(name: string): KeySummary | null {
    const k = this.active(name);
    return k ? summary(k) : null;
  }

  private protector(passphrase: string | undefined): KeyProtector {
    if (this.osProtector) return this.osProtector;
    if (!passphrase) throw new ApiFailure({ code: 'invalid_input', message: '请输入签名密钥口令（至少 8 个字符）' });
    return new PassphraseProtector(passphrase);
  }

  async create(who: SignerIdentity, passphrase?: string): Promise<KeyInfo> {
    if (this.usesReviewerKey(who.name)) {
      await this.reviewer.create({ name: who.name, agency: who.agency }, passphrase);
      return this.reviewer.active();
    }
    return this.store(who.name).createKey({ algorithm: 'ecdsa-p256', protector: this.protector(passphrase), subject: { name: who.name, agency: who.agency }, ca: await this.reviewer.devCa() });
  }

  async unlock(name: string, passphrase?: string): Promise<UnlockedKey> {
    const key = this.active(name);
    if (!key) throw new ApiFailure({ code: 'conflict', message: `${name} 在本工作台尚无签名密钥，请先创建` });
    if (this.usesReviewerKey(name)) return this.reviewer.unlock(key.keyId, passphrase);
    try {
      return await this.store(name).unlock(key.keyId, this.protector(passphrase));
    } catch (err) {
      if (isSigningError(err)) throw new ApiFailure({ code: 'forbidden', message: err.message });
      throw err;
    }
  }

  /** The submitter of the minutes: the reviewer, with their active key (null when none). */
  submitter(): { name: string | null; key: KeyInfo | null } {
    const name = this.reviewerName();
    return { name, key: this.reviewer.view().active ? this.reviewer.active() : null };
  }

  submitterSummary(): { name: string | null; key: KeySummary | null } {
    const s = this.submitter();
    return { name: s.name, key: s.key ? summary(s.key) : null };
  }

  /** Refuses, before anything is signed, when the reviewer could not sign the submission. */
  assertSubmitter(): void {
    const { name, key } = this.submitter();
    if (!name) throw new ApiFailure({ code: 'conflict', message: '提交中心系统须由审核人员签名：请先在“审核人员信息”中填写本机审核人员' });
    if (!key) throw new ApiFailure({ code: 'conflict', message: `提交中心系统须由审核人员 ${name} 签名，本机尚无其有效的签名密钥：请先在“签名密钥”中创建，再签署集体讨论记录` });
  }

  async unlockSubmitter(passphrase?: string): Promise<UnlockedKey> {
    this.assertSubmitter();
    const key = this.submitter().key!;
    return this.reviewer.unlock(key.keyId, passphrase);
  }

  trustAnchors(): Promise<string[]> {
    return this.reviewer.trustAnchors();
  }
}
