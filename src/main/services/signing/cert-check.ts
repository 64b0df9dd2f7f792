// Certificate path checks shared by PDF and detached-signature verification: build the path
// from the leaf to a self-signed root using the certificates that came with the signature (plus
// the trust anchors), verify each link, then trust, validity at signing time and revocation.
import { DEV_CA_NOTICE, isDevelopmentCa } from './dev-ca';
import { keyIdFromSpki, sha256 } from './pem';
import type { RevocationEntry } from './types';
import { x509 } from './x509';
import { signerOf } from './cert-names';

export interface ChainCheckInput {
  leaf: x509.X509Certificate;
  /** Certificates carried by the signature. */
  certificates: x509.X509Certificate[];
  /** When the signature was made: a trusted timestamp if there is one, else the claimed time. */
  at: Date;
  /** `at` comes from a verified RFC 3161 timestamp. */
  trustedTime: boolean;
  /** PEM root (or intermediate) certificates trusted for signing: the dev CA, the agency CA. */
  trustAnchors?: readonly string[];
  revocations?: readonly RevocationEntry[];
}

export interface ChainCheckResult {
  /** Every link verified up to a self-signed root. */
  chainOk: boolean;
  /** leaf → root, PEM. */
  chain: string[];
  subjects: string[];
  trusted: boolean;
  devCa: boolean;
  validAtSigningTime: boolean;
  revoked: { at: string; reason: string } | null;
  /** zh-CN, most important first. Empty means the certificate side is fine. */
  problems: string[];
  notes: string[];
  /** The chain is whole and its one problem is a root not trusted here (the caller may vouch for it). */
  onlyUntrusted: boolean;
}

export function formatTime(d: Date): string {
  const s = new Date(d.getTime() + 8 * 3_600_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 19)}（北京时间）`;
}

export function describeSubject(cert: x509.X509Certificate): string {
  const { commonName: cn, organization: o, account: uid } = signerOf(cert);
  return cn || o ? [cn && `CN=${cn}`, o && `O=${o}`, uid && `UID=${uid}`].filter(Boolean).join(', ') : cert.subject;
}

function thumbprint(cert: x509.X509Certificate): string {
  return sha256(new Uint8Array(cert.rawData)).toString('hex');
}

async function signedBy(cert: x509.X509Certificate, issuer: x509.X509Certificate): Promise<boolean> {
  if (cert.issuer !== issuer.subject) return false;
  try {
    return await cert.verify({ publicKey: issuer, signatureOnly: true });
  } catch {
    return false; // e.g. an algorithm WebCrypto does not implement
  }
}

function isCa(cert: x509.X509Certificate): boolean {
  return cert.getExtension(x509.BasicConstraintsExtension)?.ca === true;
}

function serialHex(cert: x509.X509Certificate): string {
  return cert.serialNumber.toLowerCase().replace(/^0+(?=.)/, '');
}

function parseAnchors(pems: readonly string[] | undefined): x509.X509Certificate[] {
  const out: x509.X509Certificate[] = [];
  for (const pem of pems ?? []) {
    try {
      out.push(new x509.X509Certificate(pem));
    } catch {
      /* an unreadable anchor trusts nothing */
    }
  }
  return out;
}

export async function checkCertificateChain(input: ChainCheckInput): Promise<ChainCheckResult> {
  const problems: string[] = [];
  const notes: string[] = [];
  const anchors = parseAnchors(input.trustAnchors);
  const pool = [...input.certificates, ...anchors];
  const path = [input.leaf];
  let chainOk = false;
  for (let cur = input.leaf; path.length <= 8; ) {
    if (cur.subject === cur.issuer && (await signedBy(cur, cur))) {
      chainOk = true;
      break;
    }
    const candidates = pool.filter((c) => c.subject === cur.issuer && !path.includes(c));
    let issuer: x509.X509Certificate | undefined;
    for (const c of candidates) if (await signedBy(cur, c)) issuer = c;
    if (!issuer) {
      problems.push(candidates.length ? `证书“${describeSubject(cur)}”的签发者签名无效` : `证书链不完整：找不到“${describeSubject(cur)}”的签发者`);
      break;
    }
    if (!isCa(issuer)) {
      problems.push(`证书“${describeSubject(issuer)}”不是 CA 证书，不能签发证书`);
      break;
    }
    path.push(issuer);
    cur = issuer;
  }

  const anchorPrints = new Set(anchors.map(thumbprint));
  const trusted = chainOk && path.some((c) => anchorPrints.has(thumbprint(c)));
  if (chainOk && !trusted) {
    // The signer's certificate, named as such: a CA this workstation does not trust is most often the
    // agency CA of a central system it has never logged in to.
    const root = describeSubject(path[path.length - 1]!);
    problems.push(
      anchors.length
        ? `签名人的证书链不受本机信任：根证书“${root}”不在本机信任列表中，无法确认签名人身份；如为机构 CA 签发，请先登录中心系统，本机即信任其 CA`
        : '未配置受信任的根证书，无法确认签名人身份',
    );
  }
  const chain = path.map((c) => c.toString('pem'));
  const devCa = isDevelopmentCa(chain);
  if (devCa) notes.push(DEV_CA_NOTICE);

  const ku = input.leaf.getExtension(x509.KeyUsagesExtension);
  if (ku && !(ku.usages & (x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation))) {
    problems.push('签名证书的密钥用途不允许数字签名');
  }

  let validAtSigningTime = true;
  const when = input.trustedTime ? '加盖时间戳时' : '签名时';
  for (const c of path) {
    if (input.at.getTime() > c.notAfter.getTime()) {
      validAtSigningTime = false;
      problems.push(`证书“${describeSubject(c)}”在${when}已过期（有效期至 ${formatTime(c.notAfter)}）`);
    } else if (input.at.getTime() < c.notBefore.getTime()) {
      validAtSigningTime = false;
      problems.push(`证书“${describeSubject(c)}”在${when}尚未生效（自 ${formatTime(c.notBefore)} 起有效）`);
    }
  }

  const keyId = keyIdFromSpki(new Uint8Array(input.leaf.publicKey.rawData));
  const serial = serialHex(input.leaf);
  const entry = (input.revocations ?? []).find(
    (r) => (r.keyId && r.keyId.toLowerCase() === keyId) || (r.serialNumber && r.serialNumber.toLowerCase().replace(/^0+(?=.)/, '') === serial),
  );
  let revoked: ChainCheckResult['revoked'] = null;
  if (entry) {
    revoked = { at: entry.at, reason: entry.reason };
    const revokedAt = new Date(entry.at);
    const detail = `吊销时间 ${Number.isNaN(revokedAt.getTime()) ? entry.at : formatTime(revokedAt)}${entry.reason ? `，原因：${entry.reason}` : ''}`;
    if (input.trustedTime && input.at.getTime() < revokedAt.getTime()) {
      notes.push(`签名证书后来已被吊销（${detail}），时间戳证明签名早于吊销`);
    } else {
      problems.unshift(`签名证书已被吊销（${detail}）`);
    }
  }
  const onlyUntrusted = chainOk && !trusted && problems.length === 1;
  return { chainOk, chain, subjects: path.map(describeSubject), trusted, devCa, validAtSigningTime, revoked, problems, notes, onlyUntrusted };
}
