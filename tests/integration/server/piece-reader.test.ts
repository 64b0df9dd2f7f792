// readFilePieces (the local blob folder's reads for a batch answer, on worker threads) over real files:
// pieces land where asked and nowhere else, never more than asked is read, a short, missing or
// unreadable file stops the call there, bad arguments are refused, more calls than threads queue, and
// a thread that dies mid-call fails only that call.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PieceReaders, readFilePieces, WORKER_SOURCE, type FilePiece } from '../../../src/server/blobs/piece-reader';
import { tempDir } from '../../helpers/package-builder';

const shared = (n: number) => Buffer.from(new SharedArrayBuffer(n)).fill(0xee);

function files(sizes: number[]): { dir: string; paths: string[]; bytes: Buffer[] } {
  const dir = tempDir('pieces-');
  const bytes = sizes.map((n) => randomBytes(n));
  const paths = bytes.map((b, i) => join(dir, `f${i}`));
  bytes.forEach((b, i) => writeFileSync(paths[i]!, b));
  return { dir, paths, bytes };
}

describe('readFilePieces', () => {
  it('reads each piece from its position to its offset, and touches nothing else', async () => {
    const { paths, bytes } = files([5_000, 300, 70_000]);
    const into = shared(80_000).subarray(100, 79_000); // at an offset into its memory
    const pieces: FilePiece[] = [
      { path: paths[0]!, position: 1_000, length: 2_000, offset: 10 },
      { path: paths[1]!, position: 0, length: 300, offset: 2_010 },
      { path: paths[2]!, position: 5, length: 69_995, offset: 2_400 },
    ];
    expect(await readFilePieces(into, pieces)).toEqual({ pieces: 3, bytes: 0 });
    expect(into.subarray(10, 2_010).equals(bytes[0]!.subarray(1_000, 3_000))).toBe(true);
    expect(into.subarray(2_010, 2_310).equals(bytes[1]!)).toBe(true);
    expect(into.subarray(2_400, 72_395).equals(bytes[2]!.subarray(5))).toBe(true);
    for (const [from, to] of [[0, 10], [2_310, 2_400], [72_395, into.length]] as const) expect(into.subarray(from, to).every((b) => b === 0xee)).toBe(true);
    expect(Buffer.from(into.buffer).subarray(0, 100).every((b) => b === 0xee)).toBe(true);
  });

  it('reads no more than asked of a longer file', async () => {
    const { paths, bytes } = files([1_000]);
    const into = shared(1_000);
    expect(await readFilePieces(into, [{ path: paths[0]!, position: 0, length: 600, offset: 0 }])).toEqual({ pieces: 1, bytes: 0 });
    expect(into.subarray(0, 600).equals(bytes[0]!.subarray(0, 600))).toBe(true);
    expect(into.subarray(600).every((b) => b === 0xee)).toBe(true);
  });

  it('stops at a file shorter than its piece: the bytes it had, and nothing of the pieces after it', async () => {
    const { paths, bytes } = files([400, 250, 400]);
    const into = shared(2_000);
    const got = await readFilePieces(into, [
      { path: paths[0]!, position: 0, length: 400, offset: 0 },
      { path: paths[1]!, position: 100, length: 400, offset: 400 },
      { path: paths[2]!, position: 0, length: 400, offset: 800 },
    ]);
    expect(got).toEqual({ pieces: 1, bytes: 150 });
    expect(into.subarray(400, 550).equals(bytes[1]!.subarray(100))).toBe(true);
    expect(into.subarray(550).every((b) => b === 0xee)).toBe(true);
  });

  it('stops at a missing or unreadable file with its error', async () => {
    const { dir, paths } = files([100]);
    const into = shared(1_000);
    const missing = await readFilePieces(into, [
      { path: paths[0]!, position: 0, length: 100, offset: 0 },
      { path: join(dir, 'gone'), position: 0, length: 100, offset: 100 },
    ]);
    expect(missing).toMatchObject({ pieces: 1, bytes: 0, error: { code: 'ENOENT' } });
    expect(missing.error!.message).toContain(join(dir, 'gone'));
    mkdirSync(join(dir, 'folder'));
    const folder = await readFilePieces(into, [{ path: join(dir, 'folder'), position: 0, length: 100, offset: 0 }]);
    expect(folder).toMatchObject({ pieces: 0, bytes: 0, error: { code: 'EISDIR' } });
  });

  it('refuses memory other threads cannot see and a piece outside the buffer, reading nothing', async () => {
    const { paths } = files([100]);
    const piece = { path: paths[0]!, position: 0, length: 100, offset: 0 };
    await expect(readFilePieces(Buffer.alloc(1_000), [piece])).rejects.toThrow('SharedArrayBuffer');
    const into = shared(150);
    await expect(readFilePieces(into, [{ ...piece, offset: 51 }])).rejects.toThrow('outside the buffer');
    expect(into.every((b) => b === 0xee)).toBe(true);
    expect(await readFilePieces(into, [])).toEqual({ pieces: 0, bytes: 0 });
  });

  it('answers every call right when more come at once than there are reader threads', async () => {
    const { paths, bytes } = files(Array.from({ length: 12 }, (_, i) => 1_000 + i * 500));
    const intos = paths.map(() => shared(8_000));
    const got = await Promise.all(paths.map((path, i) => readFilePieces(intos[i]!, [{ path, position: 0, length: bytes[i]!.length, offset: 7 }])));
    expect(got).toEqual(paths.map(() => ({ pieces: 1, bytes: 0 })));
    intos.forEach((into, i) => expect(into.subarray(7, 7 + bytes[i]!.length).equals(bytes[i]!)).toBe(true));
  });

  it('a thread that dies mid-call fails that call only: the calls queued behind it and later ones are read by new threads', async () => {
    // Listens before the real reader: a path ending in "exit" ends the thread; for one ending in
    // "throw", the reader's answer throws (an uncaught error in the thread, before any reply).
    const dying = `const { parentPort } = require('node:worker_threads');
    parentPort.on('message', ({ pieces }) => {
      const path = pieces[0] ? pieces[0][0] : '';
      if (path.endsWith('exit')) process.exit(7);
      if (path.endsWith('throw')) parentPort.postMessage = () => { throw new Error('读线程出错'); };
    });\n${WORKER_SOURCE.replace("const { parentPort } = require('node:worker_threads');", '')}`;
    const readers = new PieceReaders(dying);
    const { dir, paths, bytes } = files(Array.from({ length: 10 }, (_, i) => 2_000 + i * 100));
    const doomed = [join(dir, 'exit'), join(dir, 'throw')].map((path) => ({ path, position: 0, length: 10, offset: 0 }));
    const intos = paths.map(() => shared(4_000));
    // More calls than threads (4), the dying ones among the first: the rest wait in the queue.
    const calls = [
      readers.read(shared(100), [doomed[0]!]),
      readers.read(shared(100), [doomed[1]!]),
      ...paths.map((path, i) => readers.read(intos[i]!, [{ path, position: 0, length: bytes[i]!.length, offset: 0 }])),
    ];
    const got = await Promise.allSettled(calls);
    expect(got[0]).toMatchObject({ status: 'rejected', reason: { message: 'blob reader thread exited (7)' } });
    expect(got[1]).toMatchObject({ status: 'rejected', reason: { message: '读线程出错' } });
    expect(got.slice(2)).toEqual(paths.map(() => ({ status: 'fulfilled', value: { pieces: 1, bytes: 0 } })));
    intos.forEach((into, i) => expect(into.subarray(0, bytes[i]!.length).equals(bytes[i]!)).toBe(true));
    // And afterwards, with every thread of the first round possibly gone.
    const after = shared(4_000);
    expect(await readers.read(after, [{ path: paths[0]!, position: 0, length: bytes[0]!.length, offset: 0 }])).toEqual({ pieces: 1, bytes: 0 });
    expect(after.subarray(0, bytes[0]!.length).equals(bytes[0]!)).toBe(true);
  });
});
