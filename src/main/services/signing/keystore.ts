// Reviewer signing keys (签名密钥), generated on this workstation. Private keys are stored only
// wrapped by a KeyProtector, one JSON file per key: <dataDir>/keys/<keyId>.json.
// Rotation: one active key per algorithm; creating a key retires the previous active key of the
// same algorithm. Retired and revoked keys stay on disk (history) but can no longer be unlocked.
// Registration with the central system (证书登记) is recorded in the same file: the PKCS#10 request
// made at creation, the central certificate once issued, a refusal, a revocation reported.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { writeFileDurable } from '../cache-crypto/durable';
import { join } from 'node:path';
import { KEY_FILE_CORRUPT_MESSAGE, SigningError } from './errors';
import { createCsr } from './csr';
import { derToPem, keyIdFromSpki, pemToDer } from './pem';
import type { KeyProtector } from './protector';
import { sm2GenerateKeyPair, sm2PublicFromPrivate, sm2SpkiDer, type Sm2KeyPair } from './sm2';
import { KEY_ALGORITHMS, type CertificateAuthority, type KeyAlgorithm, type ReviewerSubject, type RevocationEntry } from './types';

export type KeyStatus = 'active' | 'retired' | 'revoked';

/** Everything in a key file except the wrapped private key. */
export interface KeyInfo {
  keyId: string;
  algorithm: KeyAlgorithm;
  publicKeyPem: string;
  subject: ReviewerSubject;
  created: string;
  status: KeyStatus;
  retiredAt?: string;
  revokedAt?: string;
  revocationReason?: string;
  protection: KeyProtector['kind'];
  /** PEM certificates, leaf first; empty when no CA issued one. */
  chain: string[];
  history: { at: string; event: KeyEvent; detail?: string }[];
  /** PKCS#10 request signed at creation (proof of possession for the central CA); absent for SM2. */
  csrPem?: string;
  /** Registered with the central system; `chain` is then the certificate it issued. */
  central?: CentralRegistration;
  /** The central system refused to register the key (e.g. another user's key): not retried. */
  enrolmentRefused?: { at: string; reason: string };
  /** The central system has been told of this key's revocation. */
  revocationReported?: { server: string; at: string };
}

export type KeyEvent = 'created' | 'retired' | 'revoked' | 'certificate' | 'enrolment-refused' | 'revocation-reported';

export interface CentralRegistration {
  server: string;
  user?: string;
  enrolledAt: string;
}

interface KeyFile extends KeyInfo {
  format: 'fashen-signing-key';
  version: 1;
  /** base64 of the protector's output. */
  wrappedPrivateKey: string;
}

interface UnlockedBase {
  keyId: string;
  publicKeyPem: string;
  subject: ReviewerSubject;
  chain: string[];
}
/** A private key ready to sign. Keep it in memory only as long as needed. */
export type UnlockedKey =
  | (UnlockedBase & { algorithm: 'ecdsa-p256' | 'ed25519'; privateKey: KeyObject })
  | (UnlockedBase & { algorithm: 'sm2-sm3'; sm2: Sm2KeyPair });

export interface CreateKeyOptions {
  algorithm?: KeyAlgorithm;
  protector: KeyProtector;
  subject: ReviewerSubject;
  /** Issues the certificate now (dev CA or agency CA). Without it the chain starts empty. */
  ca?: CertificateAuthority;
}

const KEY_ID_RE = /^[0-9a-f]{32}$/;

function corrupt(cause?: unknown): SigningError {
  return new SigningError('key-file-corrupt', KEY_FILE_CORRUPT_MESSAGE, { cause });
}

function generate(algorithm: KeyAlgorithm): { spki: Uint8Array; privateBytes: Uint8Array } {
  if (algorithm === 'sm2-sm3') {
    const kp = sm2GenerateKeyPair();
    return { spki: sm2SpkiDer(kp.publicKeyHex), privateBytes: new Uint8Array(Buffer.from(kp.privateKeyHex, 'hex')) };
  }
  const { publicKey, privateKey } =
    algorithm === 'ecdsa-p256' ? generateKeyPairSync('ec', { namedCurve: 'prime256v1' }) : generateKeyPairSync('ed25519');
  return {
    spki: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })),
    privateBytes: new Uint8Array(privateKey.export({ type: 'pkcs8', format: 'der' })),
  };
}

export class KeyStore {
  readonly dir: string;
  readonly #now: () => Date;

  constructor(dataDir: string, options: { now?: () => Date } = {}) {
    this.dir = join(dataDir, 'keys');
    this.#now = options.now ?? (() => new Date());
  }

  async createKey(opts: CreateKeyOptions): Promise<KeyInfo> {
    const algorithm = opts.algorithm ?? 'ecdsa-p256';
    if (!KEY_ALGORITHMS.includes(algorithm)) throw new SigningError('unsupported-algorithm', `不支持的签名算法：${String(algorithm)}`);
    const { spki, privateBytes } = generate(algorithm);
    const csrPem = algorithm === 'sm2-sm3' ? undefined : await createCsr(algorithm, createPrivateKey({ key: Buffer.from(privateBytes), format: 'der', type: 'pkcs8' }), opts.subject);
    const wrapped = await opts.protector.wrap(privateBytes);
    privateBytes.fill(0);
    const publicKeyPem = derToPem(spki, 'PUBLIC KEY');
    const chain = opts.ca ? (await opts.ca.issue(publicKeyPem, opts.subject)).chain : [];
    const at = this.#now().toISOString();
    const file: KeyFile = {
      format: 'fashen-signing-key',
      version: 1,
      keyId: keyIdFromSpki(spki),
      algorithm,
      publicKeyPem,
      subject: { name: opts.subject.name, agency: opts.subject.agency },
      created: at,
      status: 'active',
      protection: opts.protector.kind,
      chain,
      history: [{ at, event: 'created' }, ...(chain.length ? [{ at, event: 'certificate' as const }] : [])],
      ...(csrPem ? { csrPem } : {}),
      wrappedPrivateKey: Buffer.from(wrapped).toString('base64'),
    };
    for (const old of this.listKeys()) {
      if (old.algorithm === algorithm && old.status === 'active') this.retire(old.keyId, `轮换为 ${file.keyId}`);
    }
    this.#write(file);
    return info(file);
  }

  /** All keys, newest first. Unreadable files are skipped (unlock reports them). */
  listKeys(): KeyInfo[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    const out: KeyInfo[] = [];
    for (const n of names) {
      if (!n.endsWith('.json') || !KEY_ID_RE.test(n.slice(0, -5))) continue;
      try {
        out.push(info(this.#read(n.slice(0, -5))));
      } catch {
        /* corrupted file: not listed as usable */
      }
    }
    return out.sort((a, b) => b.created.localeCompare(a.created));
  }

  activeKey(algorithm: KeyAlgorithm = 'ecdsa-p256'): KeyInfo | undefined {
    return this.listKeys().find((k) => k.algorithm === algorithm && k.status === 'active');
  }

  getKey(keyId: string): KeyInfo {
    return info(this.#read(keyId));
  }

  retire(keyId: string, detail?: string): KeyInfo {
    const file = this.#read(keyId);
    if (file.status !== 'active') return info(file);
    const at = this.#now().toISOString();
    file.status = 'retired';
    file.retiredAt = at;
    file.history.push({ at, event: 'retired', ...(detail ? { detail } : {}) });
    this.#write(file);
    return info(file);
  }

  /** Idempotent: a key already revoked keeps its first revocation time and reason. */
  markRevoked(keyId: string, reason: string, at: Date = this.#now()): KeyInfo {
    const file = this.#read(keyId);
    if (file.status === 'revoked') return info(file);
    file.status = 'revoked';
    file.revokedAt = at.toISOString();
    file.revocationReason = reason;
    file.history.push({ at: this.#now().toISOString(), event: 'revoked', detail: reason });
    this.#write(file);
    return info(file);
  }

  /** Store a (new) certificate chain, e.g. issued later by the agency CA. */
  setCertificateChain(keyId: string, chain: string[]): KeyInfo {
    const file = this.#read(keyId);
    file.chain = [...chain];
    file.history.push({ at: this.#now().toISOString(), event: 'certificate' });
    this.#write(file);
    return info(file);
  }

  /** A CSR made later (keys created before CSRs were kept: made when the key is next unlocked). */
  setCsr(keyId: string, csrPem: string): KeyInfo {
    const file = this.#read(keyId);
    file.csrPem = csrPem;
    this.#write(file);
    return info(file);
  }

  /** The central system registered the key and issued `chain`: signatures carry it from now on. */
  recordEnrolment(keyId: string, chain: string[], central: Omit<CentralRegistration, 'enrolledAt'>): KeyInfo {
    const file = this.#read(keyId);
    const at = this.#now().toISOString();
    file.chain = [...chain];
    file.central = { ...central, enrolledAt: at };
    delete file.enrolmentRefused;
    file.history.push({ at, event: 'certificate', detail: `中心系统签发（${central.server}）` });
    this.#write(file);
    return info(file);
  }

  recordEnrolmentRefused(keyId: string, reason: string): KeyInfo {
    const file = this.#read(keyId);
    const at = this.#now().toISOString();
    file.enrolmentRefused = { at, reason };
    file.history.push({ at, event: 'enrolment-refused', detail: reason });
    this.#write(file);
    return info(file);
  }

  recordRevocationReported(keyId: string, server: string): KeyInfo {
    const file = this.#read(keyId);
    const at = this.#now().toISOString();
    file.revocationReported = { server, at };
    file.history.push({ at, event: 'revocation-reported', detail: server });
    this.#write(file);
    return info(file);
  }

  /** Revoked keys as a revocation list for verification. */
  revocationList(): RevocationEntry[] {
    return this.listKeys()
      .filter((k) => k.status === 'revoked')
      .map((k) => ({ keyId: k.keyId, at: k.revokedAt ?? k.created, reason: k.revocationReason ?? '' }));
  }

  async unlock(keyId: string, protector: KeyProtector): Promise<UnlockedKey> {
    const file = this.#read(keyId);
    if (file.status === 'revoked') {
      throw new SigningError('key-revoked', `签名密钥已吊销（${file.revocationReason ?? ''}），不能再用于签名`);
    }
    if (file.status === 'retired') throw new SigningError('key-retired', '签名密钥已停用（已轮换），请使用当前有效的密钥');
    if (protector.kind !== file.protection) {
      throw new SigningError('wrong-passphrase', file.protection === 'passphrase' ? '该密钥由口令保护，请输入口令' : '该密钥由系统密钥库保护');
    }
    let wrapped: Uint8Array;
    try {
      wrapped = new Uint8Array(Buffer.from(file.wrappedPrivateKey, 'base64'));
    } catch (e) {
      throw corrupt(e);
    }
    let plain: Uint8Array;
    try {
      plain = await protector.unwrap(wrapped);
    } catch (e) {
      throw e instanceof SigningError ? e : corrupt(e);
    }
    const base = { keyId, publicKeyPem: file.publicKeyPem, subject: file.subject, chain: [...file.chain] };
    try {
      if (file.algorithm === 'sm2-sm3') {
        if (plain.length !== 32) throw corrupt();
        const privateKeyHex = Buffer.from(plain).toString('hex');
        const publicKeyHex = sm2PublicFromPrivate(privateKeyHex);
        if (keyIdFromSpki(sm2SpkiDer(publicKeyHex)) !== keyId) throw corrupt();
        return { ...base, algorithm: 'sm2-sm3', sm2: { privateKeyHex, publicKeyHex } };
      }
      let privateKey: KeyObject;
      try {
        privateKey = createPrivateKey({ key: Buffer.from(plain), format: 'der', type: 'pkcs8' });
      } catch (e) {
        throw corrupt(e);
      }
      const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
      if (keyIdFromSpki(spki) !== keyId) throw corrupt();
      return { ...base, algorithm: file.algorithm, privateKey };
    } finally {
      plain.fill(0);
    }
  }

  #path(keyId: string): string {
    if (!KEY_ID_RE.test(keyId)) throw new SigningError('key-not-found', `无效的密钥标识：${keyId}`);
    return join(this.dir, `${keyId}.json`);
  }

  #read(keyId: string): KeyFile {
    const path = this.#path(keyId);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new SigningError('key-not-found', `找不到签名密钥 ${keyId}`, { cause: e });
    }
    let file: KeyFile;
    try {
      file = JSON.parse(text) as KeyFile;
    } catch (e) {
      throw corrupt(e);
    }
    if (
      !file ||
      file.format !== 'fashen-signing-key' ||
      file.version !== 1 ||
      file.keyId !== keyId ||
      !KEY_ALGORITHMS.includes(file.algorithm) ||
      typeof file.wrappedPrivateKey !== 'string' ||
      !Array.isArray(file.chain) ||
      !Array.isArray(file.history) ||
      (file.csrPem !== undefined && typeof file.csrPem !== 'string') ||
      (file.central !== undefined && typeof file.central?.server !== 'string')
    ) {
      throw corrupt();
    }
    try {
      if (keyIdFromSpki(pemToDer(file.publicKeyPem)) !== keyId) throw corrupt();
    } catch (e) {
      throw e instanceof SigningError ? e : corrupt(e);
    }
    return file;
  }

  #write(file: KeyFile): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const path = this.#path(file.keyId);
    writeFileDurable(path, `${JSON.stringify(file, null, 2)}\n`);
  }
}

function info(file: KeyFile): KeyInfo {
  const { format: _f, version: _v, wrappedPrivateKey: _w, ...rest } = file;
  return structuredClone(rest);
}
