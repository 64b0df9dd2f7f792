// A device's authentication is reused for a few seconds (src/server/auth/cache.ts): a logout or a
// revocation through this server takes effect at once; one the server does not hear of (another
// server process, the database changed by hand) at the latest when the TTL has passed. Activity is
// written at most once a minute, not per request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthCache } from '../../../src/server/auth/cache';
import { DevicesRepo, type DeviceWithUser } from '../../../src/server/db/repos/devices';
import { startCentral, type CentralUnderTest } from '../../helpers/server';

const TTL = 5_000;
/** The server's clock: it moves only when a test moves it. */
let clock = Date.now();
let c: CentralUnderTest;

beforeAll(async () => {
  c = await startCentral({ now: () => new Date(clock), authCacheTtlMs: TTL });
});
afterAll(() => c?.close());

const deviceOf = async (client: { get(p: string): Promise<{ json: any }> }) => ((await client.get('/v1/me')).json as { deviceId: string }).deviceId;

describe('device authentication cache on the server', () => {
  it('ends a session at once on logout and on an admin’s revocation', async () => {
    const a = await c.user('cache-a');
    expect((await a.get('/v1/me')).status).toBe(200);
    expect((await a.get('/v1/me')).status).toBe(200); // from the cache now
    expect((await a.post('/v1/logout')).status).toBe(200);
    expect((await a.get('/v1/me')).status).toBe(401);

    const b = await c.login('cache-a', 'cache-a-password');
    const id = await deviceOf(b);
    expect((await b.get('/v1/me')).status).toBe(200);
    expect((await c.admin.post(`/v1/admin/devices/${id}/revoke`)).status).toBe(200);
    expect((await b.get('/v1/me')).status).toBe(401);
  });

  it('sees a revocation it was not told of within the TTL, never later', async () => {
    const a = await c.user('cache-b');
    const id = await deviceOf(a);
    // As another server process (or an operator) would: straight into the database.
    expect(await new DevicesRepo(c.database.db).revoke(id, new Date())).toBe(true);
    expect((await a.get('/v1/me')).status).toBe(200); // still within the TTL of the row read above
    clock += TTL - 1;
    expect((await a.get('/v1/me')).status).toBe(200);
    clock += 1;
    expect((await a.get('/v1/me')).status).toBe(401);
    expect((await a.get('/v1/me')).status).toBe(401);
  });

  it('still checks the secret of every request against the remembered row', async () => {
    const a = await c.user('cache-c');
    expect((await a.get('/v1/me')).status).toBe(200);
    const [id] = a.token!.split('.');
    const forged = `${id}.${'A'.repeat(43)}`;
    expect((await a.get('/v1/me', { token: forged })).status).toBe(401);
    expect((await a.get('/v1/me')).status).toBe(200);
  });

  it('writes the last-seen time at most once a minute', async () => {
    const a = await c.user('cache-d');
    const id = await deviceOf(a);
    const seen = async () => ((await c.admin.get('/v1/admin/devices')).json as { id: string; lastSeenAt: string }[]).find((d) => d.id === id)!.lastSeenAt;
    const first = await seen();
    // The login wrote the time by the real clock: count from there.
    clock = Date.parse(first);
    clock += 30_000;
    await a.get('/v1/me');
    expect(await seen()).toBe(first);
    clock += 31_000;
    await a.get('/v1/me');
    const later = await seen();
    expect(Date.parse(later)).toBeGreaterThan(Date.parse(first));
    await a.get('/v1/me');
    expect(await seen()).toBe(later);
  });
});

describe('AuthCache', () => {
  const row = (id: string, over: Partial<DeviceWithUser> = {}): DeviceWithUser => ({
    id,
    tokenHash: '0'.repeat(64),
    revokedAt: null,
    lastSeenAt: null,
    user: { id: 1, name: 'u', role: 'reviewer', disabled: false },
    ...over,
  });

  it('keeps a row for the TTL only, and never a revoked device or a disabled user', () => {
    const cache = new AuthCache({ ttlMs: 1_000 });
    cache.put(row('a'), 0, cache.ticket());
    expect(cache.get('a', 999)?.id).toBe('a');
    expect(cache.get('a', 1_000)).toBeNull();
    cache.put(row('r', { revokedAt: new Date() }), 0, cache.ticket());
    cache.put(row('d', { user: { id: 2, name: 'd', role: 'reviewer', disabled: true } }), 0, cache.ticket());
    expect([cache.get('r', 1), cache.get('d', 1)]).toEqual([null, null]);
  });

  it('does not keep a row read before a forget() that came while it was being read', () => {
    const cache = new AuthCache();
    const ticket = cache.ticket(); // the read starts
    cache.forget('a'); // a logout lands meanwhile
    cache.put(row('a'), 0, ticket); // the read's (now stale) row
    expect(cache.get('a', 1)).toBeNull();
    cache.put(row('a'), 0, cache.ticket()); // a read after the logout is fine to keep
    expect(cache.get('a', 1)?.id).toBe('a');
  });

  it('holds at most maxEntries devices, dropping the oldest; TTL 0 keeps nothing', () => {
    const cache = new AuthCache({ maxEntries: 2 });
    for (const id of ['a', 'b', 'c']) cache.put(row(id), 0, cache.ticket());
    expect([cache.get('a', 1), cache.get('b', 1)?.id, cache.get('c', 1)?.id]).toEqual([null, 'b', 'c']);
    const off = new AuthCache({ ttlMs: 0 });
    off.put(row('a'), 0, off.ticket());
    expect(off.size).toBe(0);
  });
});
