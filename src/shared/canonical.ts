// RFC 8785 (JCS) canonical JSON, via the reference implementation by the RFC's author.
import canonicalizeImpl from 'canonicalize';

export function canonicalJson(value: unknown): string {
  const out = canonicalizeImpl(value);
  if (out === undefined) throw new TypeError('无法规范化的值');
  return out;
}
