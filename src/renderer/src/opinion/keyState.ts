// Whether the reviewer's newest signing key was revoked with none created since: the status bar
// and the sign buttons then say 已吊销, not 未创建.
import type { KeysView } from '../../../shared/api/opinions';

export function latestKeyRevoked(keys: KeysView | null): boolean {
  if (!keys || keys.active) return false;
  const latest = keys.keys.filter((k) => k.algorithm === 'ecdsa-p256').reduce<KeysView['keys'][number] | null>((x, k) => (x === null || k.created > x.created ? k : x), null);
  return latest?.status === 'revoked';
}
