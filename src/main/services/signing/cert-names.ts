// What a certificate's subject says of its holder: the name (CN), the agency (O) and, in certificates
// the central system issues, the central account (UID). UID is the LDAP "userid" attribute (RFC 4519
// §2.39, OID 0.9.2342.19200300.100.1.1), the standard place in a distinguished name for a login name:
// OpenSSL, NSS and Windows show it as UID; the CN stays the person's real name, which the PDF readers
// show as the signer. Certificates issued before it (or by a workstation's local development CA,
// which knows no account) simply have none.
import type { x509 } from './x509';

export const OID_UID = '0.9.2342.19200300.100.1.1';

export interface CertSigner {
  commonName: string;
  organization: string;
  /** The central account (UID); absent when the certificate names none. */
  account?: string;
}

export function accountOf(cert: x509.X509Certificate): string | null {
  return cert.subjectName.getField(OID_UID)[0] ?? null;
}

export function signerOf(cert: x509.X509Certificate): CertSigner {
  const account = accountOf(cert);
  return { commonName: cert.subjectName.getField('CN')[0] ?? '', organization: cert.subjectName.getField('O')[0] ?? '', ...(account ? { account } : {}) };
}

/** One line for a signer: 王审核（某市市场监督管理局）· 中心账号 wang — the account left out when it is the name itself. */
export function signerLine(s: CertSigner): string {
  const who = `${s.commonName}${s.organization ? `（${s.organization}）` : ''}`;
  return s.account && s.account !== s.commonName ? `${who} · 中心账号 ${s.account}` : who;
}
