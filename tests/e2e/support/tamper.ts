// Flip one byte in the middle of a blob of a host's store (the file on disk changed behind the app).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function tamperBlob(home: string, sha256: string): void {
  const path = join(home, 'blobs', sha256.slice(0, 2), sha256.slice(2));
  const bytes = readFileSync(path);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  writeFileSync(path, bytes);
}
