// Where a blob's sealed bytes lie in a data folder, without opening its (encrypted) database: its
// own file under blobs/, else the pack entry whose header names it (a sealed blob's header holds
// its sha256 at bytes 32–63: cache-crypto/blob-format.ts). For tests that damage stored bytes
// whichever way they were stored (a sync and a bundle import write packs, other imports files).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function sealedLocation(home: string, sha256: string): { path: string; offset: number } {
  const file = join(home, 'blobs', sha256.slice(0, 2), sha256.slice(2));
  if (existsSync(file)) return { path: file, offset: 0 };
  const packs = join(home, 'blobs', 'packs');
  const id = Buffer.from(sha256, 'hex');
  for (const name of existsSync(packs) ? readdirSync(packs) : []) {
    if (!name.endsWith('.pack')) continue;
    const at = readFileSync(join(packs, name)).indexOf(id);
    if (at >= 32) return { path: join(packs, name), offset: at - 32 };
  }
  throw new Error(`blob ${sha256} is neither a file nor in a pack under ${home}`);
}
