// Headless host: the same Api over a loopback WebSocket, plus the built renderer and blobs over
// HTTP, for the browser and E2E tests. Loopback only, random port, per-run token — or a meeting's
// read-only audience token (audience-gate.ts) for the shared screen's page.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { dispatch, dispatchLogTo, type Handlers } from './dispatch';
import { parseRange, RENDERER_CSP } from './http-range';
import { mimeOf, resolveStatic } from './static-files';
import type { Workstation } from './workstation';
import { audienceGate } from './audience-gate';
import { audienceHears } from './services/meetings/audience-grants';
import { BLOB_VARY, blobAccess } from './services/audit/blob-access';

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** A workstation that can be locked (services/lock/session.ts): null while locked. */
export interface LiveWorkstation {
  current(): Workstation | null;
  on: Workstation['on'];
}

export interface HostOptions {
  workstation: Workstation | LiveWorkstation;
  handlers: Handlers;
  /** Built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
  log?: (line: string) => void;
}

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

// Large enough for opinions.verifyUpload (20 MB base64-encoded); everything else is small.
const MAX_MESSAGE_BYTES = 32 << 20;

function sameToken(a: string | null, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** DNS-rebinding guard: only our own loopback host names are served. */
function hostAllowed(req: IncomingMessage, port: number): boolean {
  return req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const w = opts.workstation;
  const live: LiveWorkstation = 'current' in w ? w : { current: () => w, on: (l) => w.on(l) };
  const log = opts.log ?? (() => undefined);
  // One logger for every call, the audience gate's and the dispatcher's.
  const errors = dispatchLogTo(log);
  const gate = audienceGate(live, opts.handlers, errors);
  let port = 0;

  const server: Server = createServer((req, res) => {
    void handleHttp(req, res).catch((err: unknown) => {
      log(`http error: ${(err as Error).message}`);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port)) return void res.writeHead(421).end('Misdirected Request');
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const blob = /^\/blobs\/([0-9a-f]{64})$/.exec(url.pathname);
    if (blob) return serveBlob(req, res, blob[1]!, url.searchParams.get('token'), url.searchParams.get('audience'));
    const file = resolveStatic(opts.rendererDir, url.pathname);
    if (!file) return void res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('未找到');
    res.writeHead(200, {
      'Content-Type': mimeOf(file),
      'Content-Security-Policy': RENDERER_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  function serveBlob(req: IncomingMessage, res: ServerResponse, sha: string, given: string | null, audience: string | null): void {
    // The session token reads any blob; an audience token only the pictures its view showed.
    if (!sameToken(given, token) && !(audience !== null && gate.mayRead(audience, sha))) return void res.writeHead(401).end();
    const ws = live.current();
    if (!ws) return void res.writeHead(423, { 'Content-Type': 'text/plain; charset=utf-8' }).end('已锁定');
    // Records made here are shown in the app but copied out only through the audited export calls.
    const access = blobAccess(ws.cases, sha, { 'sec-fetch-mode': header(req, 'sec-fetch-mode'), 'sec-fetch-dest': header(req, 'sec-fetch-dest') });
    if (!access.ok) return void res.writeHead(access.status, { 'Content-Type': 'text/plain; charset=utf-8', Vary: BLOB_VARY }).end(access.message);
    const row = access.row;
    if (!ws.blobs.has(sha)) return void res.writeHead(404).end();
    const size = ws.blobs.size(sha);
    const range = parseRange(req.headers.range, size);
    // Vary: a copy cached for the viewer must not answer a page load or download (blob-access.ts).
    const common = { 'Content-Type': row.mime, 'Accept-Ranges': 'bytes', ETag: `"${sha}"`, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, max-age=86400, immutable', Vary: BLOB_VARY };
    if (range.kind === 'unsatisfiable') return void res.writeHead(416, { ...common, 'Content-Range': `bytes */${size}` }).end();
    if (range.kind === 'partial') {
      res.writeHead(206, { ...common, 'Content-Range': `bytes ${range.start}-${range.end}/${size}`, 'Content-Length': range.end - range.start + 1 });
      if (req.method === 'HEAD') return void res.end();
      send(ws.blobs.open(sha, { start: range.start, end: range.end }), res);
      return;
    }
    res.writeHead(200, { ...common, 'Content-Length': size });
    if (req.method === 'HEAD') return void res.end();
    send(ws.blobs.open(sha), res);
  }

  // A chunk that fails authentication (已篡改) ends the decrypting stream: the response is cut off.
  function send(body: NodeJS.ReadableStream, res: ServerResponse): void {
    pipeline(body, res).catch((err: unknown) => {
      log(`blob stream ended: ${(err as Error).message}`);
      res.destroy();
    });
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const origin = req.headers.origin;
    const originOk = !origin || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
    // The session token, or a meeting's audience token (read-only, that meeting's screen only).
    const audience = url.searchParams.get('audience');
    const scope = audience !== null ? gate.meetingOf(audience) : null;
    const authorised = scope ? scope.ok : sameToken(url.searchParams.get('token'), token);
    if (url.pathname !== '/api' || !hostAllowed(req, port) || !originOk || !authorised) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    const grant = scope?.ok ? { token: audience!, meetingId: scope.value } : null;
    wss.handleUpgrade(req, socket, head, (client) => wss.emit('connection', client, grant));
  });

  wss.on('connection', (client: WebSocket, grant: { token: string; meetingId: string } | null) => {
    // An audience page hears only that its meeting changed and that the lock switched (no case data).
    const hears = (event: string, payload: unknown) => !grant || audienceHears(grant, event, payload);
    const off = live.on((event, payload) => hears(event, payload) && client.readyState === client.OPEN && client.send(JSON.stringify({ event, payload })));
    client.on('close', off);
    client.on('message', (data) => {
      let msg: { id?: unknown; name?: unknown; input?: unknown };
      try {
        msg = JSON.parse(String(data)) as typeof msg;
      } catch {
        return client.send(JSON.stringify({ id: null, result: { ok: false, error: { code: 'invalid_input', message: '请求不是有效的 JSON' } } }));
      }
      const id = typeof msg.id === 'number' ? msg.id : null;
      void (grant ? gate.call(grant.token, msg.name, msg.input) : dispatch(opts.handlers, msg.name, msg.input, errors)).then((result) => {
        if (client.readyState === client.OPEN) client.send(JSON.stringify({ id, result }));
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        wss.clients.forEach((c) => c.terminate());
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
