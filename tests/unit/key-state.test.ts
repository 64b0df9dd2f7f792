// The status bar and the sign buttons say 签名密钥已吊销 when the newest key was revoked and none made since.
import { describe, expect, it } from 'vitest';
import type { KeySummary, KeysView } from '../../src/shared/api/opinions';
import { latestKeyRevoked } from '../../src/renderer/src/opinion/keyState';

const key = (status: KeySummary['status'], created: string, algorithm: KeySummary['algorithm'] = 'ecdsa-p256'): KeySummary => ({
  keyId: `${status}-${created}`,
  algorithm,
  status,
  created,
  subject: 'CN=王审核',
  issuer: null,
  devCa: true,
  protection: 'passphrase',
  revokedAt: status === 'revoked' ? created : null,
  revocationReason: null,
} as KeySummary);
const view = (keys: KeySummary[]): KeysView => ({ keys, active: keys.find((k) => k.status === 'active' && k.algorithm === 'ecdsa-p256') ?? null, protection: 'passphrase', central: null, centralNotice: null }) as KeysView;

describe('latestKeyRevoked', () => {
  it('is true only when the newest signing key is revoked and there is no active one', () => {
    expect(latestKeyRevoked(view([key('retired', '2026-01-01'), key('revoked', '2026-06-01')]))).toBe(true);
    expect(latestKeyRevoked(view([key('revoked', '2026-01-01'), key('retired', '2026-06-01')]))).toBe(false);
    expect(latestKeyRevoked(view([key('revoked', '2026-01-01'), key('active', '2026-06-01')]))).toBe(false);
    expect(latestKeyRevoked(view([key('revoked', '2026-06-01', 'ed25519')]))).toBe(false);
    expect(latestKeyRevoked(view([]))).toBe(false);
    expect(latestKeyRevoked(null)).toBe(false);
  });
});
