// Serves a verified, extracted offline update as an electron-updater "generic" feed on loopback, so
// the offline path installs through exactly the same updater (and the same signature and sha512
// checks) as an online update. Only the verified files, only to 127.0.0.1, under a random path.
import { randomBytes } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { channelFileName, type UpdatePlatform } from './update-info';
import type { VerifiedUpdate } from './offline-package';

export interface LocalFeed {
  /** Feed base URL, ending in '/'. */
  url: string;
  close(): Promise<void>;
}

export async function serveLocalFeed(verified: VerifiedUpdate, platform: UpdatePlatform, arch: string): Promise<LocalFeed> {
  if (!verified.dir) throw new Error('离线更新尚未解压');
  const dir = verified.dir;
  const prefix = `/${randomBytes(16).toString('hex')}/`;
  // The updater asks for its default channel file (latest…yml); the stick's may be named for another channel.
  const asked = channelFileName(platform, arch);
  const served = new Map<string, string>([
    [asked, verified.channelFile],
    [`${asked}.sig`, `${verified.channelFile}.sig`],
    ...verified.files.map((f) => [f.name, f.name] as [string, string]),
  ]);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const name = url.pathname.startsWith(prefix) ? served.get(decodeURIComponent(url.pathname.slice(prefix.length))) : undefined;
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !name) return void res.writeHead(404).end();
    const file = join(dir, name);
    res.writeHead(200, { 'Content-Type': name.endsWith('.yml') ? 'text/yaml; charset=utf-8' : 'application/octet-stream', 'Content-Length': statSync(file).size, 'Cache-Control': 'no-store' });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
