// The same Api through both transports, with the renderer's own client code: the WebSocket host
// (real server on loopback) and the Electron IPC path (preload bridge → main handler; Electron's
// channel itself is replaced by an in-process pipe because the Electron binary is not available
// here — the Playwright Electron launcher covers it where it is).
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildApi } from '../../src/main/api';
import { startHost, type RunningHost } from '../../src/main/host';
import { makeIpcHandler } from '../../src/main/ipc-handler';
import { Workstation } from '../../src/main/workstation';
import { createBridge, type IpcRendererLike } from '../../src/preload/bridge';
import { createClient, type ApiClient } from '../../src/shared/api/client';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../src/shared/api/bridge';
import { ipcTransport } from '../../src/renderer/src/transport/ipc';
import { wsTransport } from '../../src/renderer/src/transport/ws';
import { buildPackage, tempDir } from '../helpers/package-builder';

let ws: Workstation;
let host: RunningHost;
let pkgDir: string;
let sha: string;

function ipcPipe(frameUrl: string, isTopFrame = true): IpcRendererLike {
  const handle = makeIpcHandler(buildApi(ws, 'electron'), () => undefined);
  const events = new EventEmitter();
  ws.on((event, payload) => events.emit(IPC_EVENT_CHANNEL, {}, event, payload));
  return {
    invoke: async (channel, ...args) => {
      expect(channel).toBe(IPC_CALL_CHANNEL);
      // Electron's structured clone: what crosses the boundary is data only.
      const [name, input] = structuredClone(args);
      return structuredClone(await handle({ senderFrame: { url: frameUrl }, isTopFrame }, name, input));
    },
    on: (c, l) => events.on(c, l),
    off: (c, l) => events.off(c, l),
  };
}

beforeAll(async () => {
  ws = new Workstation({ dataDir: tempDir('transport-'), today: () => '2026-11-23' });
  const p = await buildPackage(tempDir());
  pkgDir = p.dir;
  sha = p.manifest.documents[0]!.file.sha256;
  host = await startHost({ workstation: ws, handlers: buildApi(ws, 'host'), rendererDir: tempDir('renderer-') });
});
afterAll(async () => {
  await host.close();
  ws.close();
});

const transports: [string, () => ApiClient][] = [
  ['WebSocket host', () => createClient(wsTransport(host.origin, host.token))],
  ['Electron IPC', () => createClient(ipcTransport(createBridge(ipcPipe('app://fashen/index.html'))))],
];

describe.each(transports)('Api over %s', (_name, makeClient) => {
  it('answers typed calls', async () => {
    const api = makeClient();
    const info = await api.call('app.info', {});
    expect(info.today).toBe('2026-11-23');
    expect(info.calendarYears).toContain(2026);
    const out = await api.call('cases.import', { paths: [pkgDir] });
    expect(out[0]).toMatchObject({ ok: true });
    const rows = await api.call('cases.list', {});
    expect(rows.map((r) => r.caseNumber)).toContain(out[0]!.caseNumber);
    const view = await api.call('cases.get', { id: rows[0]!.id });
    expect(view.documents[0]!.file.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('returns typed errors for invalid input, unknown calls and missing cases — never a crash', async () => {
    const api = makeClient();
    const bad = await api.result('cases.get', { id: 42 } as unknown as { id: string });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '请求参数无效' } });
    expect(!bad.ok && bad.error.details?.[0]).toMatch(/^id：/);
    const extra = await api.result('cases.list', { status: 'pending', sql: 'drop table' } as never);
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await api.result('cases.nuke' as never, {} as never);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    const missing = await api.result('cases.get', { id: 'no-such-case' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', message: '找不到案件：no-such-case' } });
    await expect(api.call('cases.get', { id: 'no-such-case' })).rejects.toThrow('找不到案件');
  });

  it('delivers progress events', async () => {
    const api = makeClient();
    const seen: number[] = [];
    const off = api.on('import.progress', (p) => seen.push(p.done));
    await api.call('app.info', {}); // make sure the connection is up
    await api.call('cases.import', { paths: [pkgDir] });
    off();
    expect(seen).toContain(1);
  });
});

describe('an unexpected failure in a handler', () => {
  // A call whose handler breaks (not an ApiFailure): the caller gets the generic error, the log the stack.
  const failing = () => ({ ...buildApi(ws, 'host'), 'app.info': () => { throw new Error('磁盘已满'); } }) as ReturnType<typeof buildApi>;
  const expectLogged = (lines: string[]) => {
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).toMatch(/^call app\.info failed: Error: 磁盘已满\n\s+at /);
  };

  it('is logged by the WebSocket host for every message, the caller told only “internal”', async () => {
    const lines: string[] = [];
    const h = await startHost({ workstation: ws, handlers: failing(), rendererDir: tempDir('renderer-'), log: (l) => lines.push(l) });
    try {
      const api = createClient(wsTransport(h.origin, h.token));
      for (let i = 0; i < 2; i++) expect(await api.result('app.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
      expectLogged(lines);
    } finally {
      await h.close();
    }
  });

  it('is logged by the IPC handler for every call', async () => {
    const lines: string[] = [];
    const handle = makeIpcHandler(failing(), (l) => lines.push(l));
    for (let i = 0; i < 2; i++) expect(await handle({ senderFrame: { url: 'app://fashen/index.html' }, isTopFrame: true }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expectLogged(lines);
  });
});

describe('IPC transport guards', () => {
  it('refuses calls from another origin or from a sub-frame', async () => {
    for (const [url, top] of [
      ['https://evil.example/', true],
      ['app://fashen/index.html', false],
    ] as const) {
      const api = createClient(ipcTransport(createBridge(ipcPipe(url, top))));
      expect(await api.result('app.info', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});

describe('WebSocket host guards', () => {
  const connect = (url: string, headers: Record<string, string> = {}) =>
    new Promise<'open' | 'refused'>((resolve) => {
      const s = new WebSocket(url, { headers });
      s.on('open', () => (s.close(), resolve('open')));
      s.on('error', () => resolve('refused'));
    });

  it('listens on loopback only and requires the per-run token and our origin', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    const base = `ws://127.0.0.1:${host.port}/api`;
    expect(await connect(`${base}?token=${host.token}`)).toBe('open');
    expect(await connect(`${base}?token=wrong`)).toBe('refused');
    expect(await connect(base)).toBe('refused');
    expect(await connect(`${base}?token=${host.token}`, { Origin: 'http://evil.example' })).toBe('refused');
    expect(await connect(`${base}?token=${host.token}`, { Host: 'evil.example' })).toBe('refused');
  });

  it('answers malformed messages with a typed error', async () => {
    const s = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
    await new Promise((r) => s.on('open', r));
    const reply = new Promise<unknown>((r) => s.once('message', (d) => r(JSON.parse(String(d)))));
    s.send('not json {');
    expect(await reply).toMatchObject({ result: { ok: false, error: { code: 'invalid_input' } } });
    s.close();
  });

  it('serves blobs with the token, HTTP Range and no traversal', async () => {
    const url = `${host.origin}/blobs/${sha}?token=${host.token}`;
    const full = await fetch(url);
    expect(full.status).toBe(200);
    const bytes = Buffer.from(await full.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const part = await fetch(url, { headers: { Range: 'bytes=0-3' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-3/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).toString()).toBe('%PDF');
    expect((await fetch(`${host.origin}/blobs/${sha}?token=nope`)).status).toBe(401);
    expect((await fetch(`${host.origin}/blobs/${'0'.repeat(64)}?token=${host.token}`)).status).toBe(404);
    expect((await fetch(`${host.origin}/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${host.origin}/`, { method: 'POST' })).status).toBe(405);
  });
});
