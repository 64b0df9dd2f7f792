// app://fashen — serves the built renderer (GET only, no traversal) and blobs (with Range).
import { net, protocol, type Protocol } from 'electron';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseRange, RENDERER_CSP } from '../http-range';
import { mimeOf, resolveStatic } from '../static-files';
import type { LiveWorkstation } from '../host';
import type { Workstation } from '../workstation';
import { BLOB_VARY, blobAccess } from '../services/audit/blob-access';

export function registerSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);
}

/**
 * `on`: another session's protocol (an audience window's own session); `blobAllowed`: which blobs
 * that window may read (its audience token's pictures), every other blob answers 403.
 */
export function handleAppProtocol(rendererDir: string, live: LiveWorkstation, opts: { on?: Protocol; blobAllowed?: (sha: string) => boolean } = {}): void {
  (opts.on ?? protocol).handle('app', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const url = new URL(request.url);
    if (url.host !== 'fashen') return new Response(null, { status: 404 });
    const blob = /^\/blobs\/([0-9a-f]{64})$/.exec(url.pathname);
    if (blob) {
      if (opts.blobAllowed && !opts.blobAllowed(blob[1]!)) return new Response(null, { status: 403 });
      const ws = live.current();
      return ws ? serveBlob(ws, blob[1]!, request) : new Response('已锁定', { status: 423 });
    }
    const file = resolveStatic(rendererDir, url.pathname);
    if (!file) return new Response('未找到', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    return new Response(res.body, {
      status: 200,
      headers: { 'Content-Type': mimeOf(file), 'Content-Security-Policy': RENDERER_CSP, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}

function serveBlob(ws: Workstation, sha: string, request: Request): Response {
  // Records made here are shown in the app but copied out only through the audited export calls
  // (downloads of them are also cancelled in main.ts, whatever headers this scheme gets).
  const access = blobAccess(ws.cases, sha, { 'sec-fetch-mode': request.headers.get('sec-fetch-mode'), 'sec-fetch-dest': request.headers.get('sec-fetch-dest') });
  if (!access.ok) return new Response(access.message, { status: access.status, headers: { 'Content-Type': 'text/plain; charset=utf-8', Vary: BLOB_VARY } });
  const row = access.row;
  const rangeHeader = request.headers.get('range');
  if (!ws.blobs.has(sha)) return new Response(null, { status: 404 });
  const size = ws.blobs.size(sha);
  const range = parseRange(rangeHeader, size);
  const headers: Record<string, string> = { 'Content-Type': row.mime, 'Accept-Ranges': 'bytes', ETag: `"${sha}"`, Vary: BLOB_VARY };
  if (range.kind === 'unsatisfiable') return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } });
  const stream = (s: ReturnType<typeof createReadStream>) => Readable.toWeb(s) as ReadableStream<Uint8Array>;
  if (range.kind === 'partial') {
    return new Response(stream(ws.blobs.open(sha, { start: range.start, end: range.end }) as ReturnType<typeof createReadStream>), {
      status: 206,
      headers: { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${size}`, 'Content-Length': String(range.end - range.start + 1) },
    });
  }
  return new Response(stream(ws.blobs.open(sha) as ReturnType<typeof createReadStream>), { status: 200, headers: { ...headers, 'Content-Length': String(size) } });
}
