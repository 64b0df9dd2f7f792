// PEM text shared by the workstation (certificate answers of the central system) and the server
// (a key's stored chain, extra trust anchors): pure string work, so it lives here for both sides.

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/g;

/**
 * The CERTIFICATE blocks of a PEM text, in order, each with its trailing newline when it has one.
 * Anything else (other block types, text between blocks, an unterminated block) is left out; the
 * blocks are not decoded, so callers still parse each certificate and refuse unreadable ones.
 */
export function splitPemCertificates(pem: string): string[] {
  return pem.match(CERTIFICATE_BLOCK) ?? [];
}
