// app://fashen — serves the built renderer (GET only, no traversal) and blobs (with Range).
import { net, protocol } from 'electron';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseRange, RENDERER_CSP } from '../http-range';
import { mimeOf, resolveStatic } from '../static-files';
import type { LiveWorkstation } from '../host';
import type { Workstation } from '../workstation';

export function registerSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);
}

export function handleAppProtocol(rendererDir: string, live: LiveWorkstation): void {
  protocol.handle('app', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const url = new URL(request.url);
    if (url.host !== 'fashen') return new Response(null, { status: 404 });
    const blob = /^\/blobs\/([0-9a-f]{64})$/.exec(url.pathname);
    if (blob) {
      const ws = live.current();
      return ws ? serveBlob(ws, blob[1]!, request.headers.get('range')) : new Response('已锁定', { status: 423 });
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

function serveBlob(ws: Workstation, sha: string, rangeHeader: string | null): Response {
  const row = ws.cases.blobKnown(sha);
  if (!row || !ws.blobs.has(sha)) return new Response(null, { status: 404 });
  const size = ws.blobs.size(sha);
  const range = parseRange(rangeHeader, size);
  const headers: Record<string, string> = { 'Content-Type': row.mime, 'Accept-Ranges': 'bytes', ETag: `"${sha}"` };
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
