// The workstation's reviewer keys: created here, private key never leaves; protected by the OS
// (Electron safeStorage) on desktop or by a passphrase elsewhere.
// Certificates: a key is usable at once with a certificate from the local development CA (so
// signing works offline). When this workstation is logged in to a central system (<data>/central.json,
// `fashen login`) the key is registered there — its PKCS#10 request, made at creation, goes with the
// device token — and the central certificate replaces the local one for every signature from then
// on. Offline, that happens at the next login or sync. Revocation is recorded here at once and told
// to the central system now or at the next contact.
import { BundleSignerInfo } from '../../../shared/sync/case-bundle-manifest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiFailure } from '../../../shared/api/result';
import type { KeyRegistration, KeySummary, KeysView } from '../../../shared/api/opinions';
import type { CertificateAnswer } from '../../../shared/sync/protocol';
import { splitPemCertificates } from '../../../shared/pem';
import { writeFileDurable } from '../cache-crypto/durable';
import { createCsr, DevelopmentCa, isDevelopmentCa, KeyStore, PassphraseProtector, isSigningError, type KeyInfo, type KeyProtector, type UnlockedKey } from '../signing/index';
import { pemToDer } from '../signing/pem';
import { x509 } from '../signing/x509';
import { reportKeys, type KeyReport } from '../sync/keys-report';
import { readCentralLogin, savedLoginTransport } from '../sync/login';
import type { CacheKey } from '../cache-crypto/cache-key';
import { rememberedCacheKey } from '../cache-crypto/resolve';
import type { PkiTransport } from '../sync/pki';
import type { SyncKeys } from '../sync/prepare';
import { TransportError } from '../sync/transport';
import { accountOf } from '../signing/cert-names';

/** Where a reviewer creates a key: the app's dialog, or the command line. */
export const CREATE_KEY_HINT = '在“签名密钥”窗口中点“创建”，或用命令行 fashen keys create 创建';
export const REVOKED_KEY_NOTICE = `签名密钥已吊销，不能再用于签名：请创建新的签名密钥（${CREATE_KEY_HINT}）`;

/** How ReviewerKeys reaches the central system on its own (create, revoke, login); null: not logged in. */
export type CentralConnect = () => (PkiTransport & { close(): Promise<void> }) | null;

/** The saved login's token is sealed: it opens only with the workstation's unlocked cache key. */
function savedLoginConnect(dataDir: string, key: () => CacheKey | undefined): CentralConnect {
  return () => savedLoginTransport(dataDir, key(), { connectTimeout: 10_000, headersTimeout: 20_000, bodyTimeout: 20_000 });
}

/** Readable certificates only (an unreadable one trusts nothing). */
function certificates(pems: readonly string[]): string[] {
  return pems.filter((p) => {
    try {
      new x509.X509Certificate(p);
      return true;
    } catch {
      return false;
    }
  });
}

interface CentralTrust {
  server: string;
  anchors: string[];
  at: string;
  /** The key the central system signs its case bundles with (GET /v1/config), for checking one carried on a stick. */
  bundleSigner?: BundleSignerInfo | null;
}

export interface CentralContact {
  report: KeyReport | null;
  /** zh-CN: why the central system could not be told now (it will be at the next sync). */
  error: string | null;
}

export class ReviewerKeys implements SyncKeys {
  readonly store: KeyStore;
  private ca: Promise<DevelopmentCa> | null = null;
  private readonly connect: CentralConnect;

  constructor(
    private readonly dataDir: string,
    /** Electron's safeStorage protector on desktop; absent in the browser host and CLI. */
    private readonly osProtector?: KeyProtector,
    /** cacheKey: the Workstation's (default: the key this process unlocked for the folder). */
    opts: { connect?: CentralConnect; cacheKey?: () => CacheKey | undefined } = {},
  ) {
    this.store = new KeyStore(dataDir);
    this.connect = opts.connect ?? savedLoginConnect(dataDir, opts.cacheKey ?? (() => rememberedCacheKey(dataDir)));
  }

  devCa(): Promise<DevelopmentCa> {
    this.ca ??= DevelopmentCa.open(this.dataDir);
    return this.ca;
  }

  /** The local dev CA, the central system's trust anchors (told at sync), and the roots it issued under. */
  async trustAnchors(): Promise<string[]> {
    const central = this.centralTrust()?.anchors ?? [];
    const issued = this.store.listKeys().flatMap((k) => (k.central && k.chain.length ? [k.chain[k.chain.length - 1]!] : []));
    return [...new Set([(await this.devCa()).certificatePem, ...certificates([...central, ...issued])])];
  }

  private protector(passphrase: string | undefined): KeyProtector {
    if (this.osProtector) return this.osProtector;
    if (!passphrase) throw new ApiFailure({ code: 'invalid_input', message: '请输入签名密钥口令' });
    return new PassphraseProtector(passphrase);
  }

  view(notice: string | null = null): KeysView {
    const login = readCentralLogin(this.dataDir);
    const keys = this.store.listKeys().map((k) => summary(k, login !== null));
    return {
      keys,
      active: keys.find((k) => k.status === 'active' && k.algorithm === 'ecdsa-p256') ?? null,
      protection: this.osProtector ? 'os' : 'passphrase',
      central: login ? { server: login.server, user: login.user ?? null } : null,
      centralNotice: notice,
    };
  }

  /** The reviewer's newest key when it has been revoked (and none created since), else null. */
  revokedLatest(): KeyInfo | null {
    const mine = this.store.listKeys().filter((k) => k.algorithm === 'ecdsa-p256');
    const latest = mine.reduce<KeyInfo | null>((a, k) => (a === null || k.created > a.created ? k : a), null);
    return latest?.status === 'revoked' ? latest : null;
  }

  active(): KeyInfo {
    const k = this.store.activeKey('ecdsa-p256');
    if (!k) {
      const revoked = this.revokedLatest();
      if (revoked) throw new ApiFailure({ code: 'conflict', message: `${REVOKED_KEY_NOTICE}${revoked.revocationReason ? `（吊销原因：${revoked.revocationReason}）` : ''}` });
      throw new ApiFailure({ code: 'conflict', message: `尚未创建签名密钥：${CREATE_KEY_HINT}` });
    }
    if (!k.chain.length) throw new ApiFailure({ code: 'conflict', message: '签名密钥尚无证书，请重新创建密钥' });
    return k;
  }

  /** Creates the key (local dev CA certificate), then registers it at once when logged in. */
  async create(subject: { name: string; agency: string }, passphrase?: string): Promise<KeysView> {
    const info = await this.store.createKey({ algorithm: 'ecdsa-p256', protector: this.protector(passphrase), subject, ca: await this.devCa() });
    const contact = await this.contactCentral();
    return this.view(contactNotice(contact, info.keyId, 'create'));
  }

  /** Revokes here at once (no more signing with it); the central system is told now or at the next sync. */
  async revoke(keyId: string, reason: string): Promise<KeysView> {
    try {
      this.store.markRevoked(keyId, reason);
    } catch (err) {
      if (isSigningError(err, 'key-not-found')) throw new ApiFailure({ code: 'not_found', message: err.message });
      if (isSigningError(err)) throw new ApiFailure({ code: 'conflict', message: err.message });
      throw err;
    }
    const contact = await this.contactCentral();
    return this.view(contactNotice(contact, keyId, 'revoke'));
  }

  /**
   * Reports pending revocations and registers pending keys now (login, create, revoke). Never
   * throws for the central system's sake: what is not done now is done at the next sync.
   */
  async contactCentral(signal: AbortSignal = AbortSignal.timeout(60_000)): Promise<CentralContact> {
    const pki = this.connect();
    if (!pki) return { report: null, error: null };
    try {
      const config = await pki.centralConfig(signal);
      if (config) this.rememberCentralTrust(pki.server, config.trustAnchors, config.bundleSigner ?? null);
      return { report: await reportKeys(this, pki, signal, undefined, { enrol: config?.enrolment !== false }), error: null };
    } catch (err) {
      // The network's words (ECONNREFUSED…) are for logs; the reviewer is told what it means.
      const offline = err instanceof TransportError && (err.kind === 'network' || (err.status !== null && err.status >= 500));
      return { report: null, error: offline ? '中心系统暂时无法连接' : (err as Error).message };
    } finally {
      await pki.close().catch(() => undefined);
    }
  }

  async unlock(keyId: string, passphrase?: string): Promise<UnlockedKey> {
    let key: UnlockedKey;
    try {
      key = await this.store.unlock(keyId, this.protector(passphrase));
    } catch (err) {
      if (isSigningError(err)) throw new ApiFailure({ code: 'forbidden', message: err.message });
      throw err;
    }
    // A key made before requests were kept gets one now, while its private key is at hand.
    const info = this.store.getKey(keyId);
    if (!info.csrPem && key.algorithm !== 'sm2-sm3') this.store.setCsr(keyId, await createCsr(key.algorithm, key.privateKey, info.subject));
    return key;
  }

  // ---- CentralKeyHost / SyncKeys: what the sync engine reports ----

  pendingRevocations(): { keyId: string; reason: string }[] {
    return this.store
      .listKeys()
      .filter((k) => k.status === 'revoked' && k.central && !k.revocationReported)
      .map((k) => ({ keyId: k.keyId, reason: k.revocationReason || '审核人员在工作站吊销' }));
  }

  /** Every key not revoked and not yet registered — retired ones too: queued opinions may be signed with them. */
  pendingEnrolments(): { keyId: string; csrPem: string; agency: string }[] {
    return this.store
      .listKeys()
      .filter((k) => k.status !== 'revoked' && !k.central && !k.enrolmentRefused && k.csrPem)
      .reverse() // oldest first
      .map((k) => ({ keyId: k.keyId, csrPem: k.csrPem!, agency: k.subject.agency }));
  }

  enrolled(keyId: string, answer: CertificateAnswer, server: string): void {
    const key = this.store.getKey(keyId);
    const chain = splitPemCertificates(answer.chainPem);
    let leafKey: Uint8Array | null = null;
    try {
      leafKey = new Uint8Array(new x509.X509Certificate(chain[0]!).publicKey.rawData);
    } catch {
      leafKey = null;
    }
    // The certificate must be for this key: anything else would make every later signature unverifiable.
    if (answer.keyId !== keyId || !leafKey || !Buffer.from(leafKey).equals(Buffer.from(pemToDer(key.publicKeyPem)))) {
      throw new TransportError('protocol', '中心系统签发的证书与本机的签名密钥不符，未予采用');
    }
    this.store.recordEnrolment(keyId, chain, { server, user: answer.user });
    if (answer.status === 'revoked') {
      // Revoked centrally (e.g. by an admin): no more signing with it here either.
      this.store.markRevoked(keyId, answer.revokeReason ?? '中心系统已吊销', answer.revokedAt ? new Date(answer.revokedAt) : undefined);
      this.store.recordRevocationReported(keyId, server);
    }
  }

  enrolmentRefused(keyId: string, reason: string): void {
    this.store.recordEnrolmentRefused(keyId, reason);
  }

  revocationReported(keyId: string, server: string): void {
    this.store.recordRevocationReported(keyId, server);
  }

  rememberCentralTrust(server: string, anchors: readonly string[], bundleSigner: BundleSignerInfo | null = null): void {
    const p = join(this.dataDir, 'central-trust.json');
    const body: CentralTrust = { server, anchors: certificates(anchors), at: new Date().toISOString(), bundleSigner };
    writeFileDurable(p, `${JSON.stringify(body, null, 2)}\n`, 0o600);
  }

  centralAnchors(): readonly string[] | null {
    return this.centralTrust()?.anchors ?? null;
  }

  /** The central system's bundle key as last told (null: never synced, or a server without one). */
  centralBundleSigner(): BundleSignerInfo | null {
    const parsed = BundleSignerInfo.safeParse(this.centralTrust()?.bundleSigner);
    return parsed.success ? parsed.data : null;
  }

  private centralTrust(): CentralTrust | null {
    try {
      const v = JSON.parse(readFileSync(join(this.dataDir, 'central-trust.json'), 'utf8')) as Partial<CentralTrust>;
      return typeof v.server === 'string' && Array.isArray(v.anchors) ? { server: v.server, anchors: v.anchors.filter((a): a is string => typeof a === 'string'), at: String(v.at ?? ''), bundleSigner: v.bundleSigner ?? null } : null;
    } catch {
      return null;
    }
  }
}

function contactNotice(contact: CentralContact, keyId: string, what: 'create' | 'revoke'): string | null {
  if (contact.error) return what === 'create' ? `${contact.error}：签名密钥将在下次同步时登记到中心` : `${contact.error}：吊销将在下次同步时告知中心`;
  const refused = contact.report?.refused.find((r) => r.keyId === keyId);
  if (refused) return refused.reason;
  return null;
}

export function certificateFingerprint(chain: string[]): string {
  return createHash('sha256').update(pemToDer(chain[0]!)).digest('hex');
}

function rootName(chain: string[]): string | null {
  try {
    const root = new x509.X509Certificate(chain[chain.length - 1]!);
    return root.subjectName.getField('CN')[0] ?? root.subject;
  } catch {
    return null;
  }
}

function registration(k: KeyInfo, loggedIn: boolean): KeyRegistration {
  if (k.central) return { state: 'enrolled', server: k.central.server, at: k.central.enrolledAt, note: null };
  if (k.enrolmentRefused) return { state: 'refused', server: null, at: k.enrolmentRefused.at, note: k.enrolmentRefused.reason };
  const note = k.algorithm === 'sm2-sm3' ? 'SM2 密钥暂不能向中心系统登记' : !k.csrPem ? '缺少证书申请：用该密钥签署一次后即可登记' : null;
  if (k.status === 'revoked') return { state: 'local', server: null, at: null, note: null };
  return { state: loggedIn ? 'pending' : 'local', server: null, at: null, note };
}

/** The leaf certificate's CN, O and central account (UID) (null: no certificate yet). Read once per key shown. */
export function leafNames(k: KeyInfo): { cn: string | null; o: string | null; account: string | null } | null {
  try {
    const leaf = new x509.X509Certificate(k.chain[0]!);
    return { cn: leaf.subjectName.getField('CN')[0] ?? null, o: leaf.subjectName.getField('O')[0] ?? null, account: accountOf(leaf) };
  } catch {
    return null;
  }
}

/** As the certificate names the signer (the central CA names the account), else as the key was made. */
function subjectText(k: KeyInfo, names = leafNames(k)): string {
  if (names?.cn) return names.o ? `${names.cn}（${names.o}）` : names.cn;
  return `${k.subject.name}（${k.subject.agency}）`;
}

function summary(k: KeyInfo, loggedIn: boolean): KeySummary {
  const devCa = isDevelopmentCa(k.chain);
  const names = leafNames(k);
  return {
    keyId: k.keyId,
    algorithm: k.algorithm,
    status: k.status,
    created: k.created,
    subject: subjectText(k, names),
    // The certificate's CN (what a verification names as 签名人) and central account (UID), or null.
    signerName: names?.cn ?? null,
    account: names?.account ?? null,
    issuer: k.chain.length > 1 ? (devCa ? '本地开发 CA（非正式）' : (rootName(k.chain) ?? '机构 CA')) : null,
    devCa,
    protection: k.protection,
    revokedAt: k.revokedAt ?? null,
    revocationReason: k.revocationReason ?? null,
    registration: registration(k, loggedIn),
    revocationReported: k.status === 'revoked' && k.central ? (k.revocationReported ? true : false) : null,
  };
}
