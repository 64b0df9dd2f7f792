// The batch download's framing as the workstation reads it: strict about what the server says
// (another blob, wrong order, bad header, a byte too many: 'protocol'), a stream that ends early or
// fails is a cut ('network'), whatever the chunk boundaries.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readBlobBatch } from '../../src/main/services/sync/blob-batch-reader';
import { TransportError } from '../../src/main/services/sync/transport';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const blobs = [randomBytes(5_000), randomBytes(1), Buffer.alloc(0), randomBytes(20_000)];
const ids = blobs.map(sha);
const frame = (b: Buffer, id = sha(b), size = b.length) => Buffer.concat([Buffer.from(`${id} ${size}\n`), b]);
const whole = Buffer.concat(blobs.map((b) => frame(b)));

/** The bytes in chunks of `step` (1: every byte its own chunk), then optionally a failure. */
async function* stream(bytes: Buffer, step: number, fail?: Error): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += step) yield bytes.subarray(i, i + step);
  if (fail) throw fail;
}

const failed = (err: unknown): never => {
  throw new TransportError('network', `cut: ${(err as Error).message}`);
};

async function read(asked: string[], bytes: Buffer, step = 4096, fail?: Error) {
  const got: string[] = [];
  try {
    for await (const b of readBlobBatch(asked, stream(bytes, step, fail), failed)) {
      const chunks: Uint8Array[] = [];
      for await (const c of b.body) chunks.push(c);
      const body = Buffer.concat(chunks);
      expect(body.length).toBe(b.size);
      expect(sha(body)).toBe(b.sha256);
      got.push(b.sha256);
    }
    return { got, error: null };
  } catch (err) {
    expect(err).toBeInstanceOf(TransportError);
    return { got, error: err as TransportError };
  }
}

describe('readBlobBatch', () => {
  it('reads every blob, empty ones too, whatever the chunk size', async () => {
    for (const step of [1, 7, 64, 4096, whole.length]) expect(await read(ids, whole, step)).toEqual({ got: ids, error: null });
  });

  it('refuses another blob, the order changed and a malformed header as protocol errors', async () => {
    const other = randomBytes(10);
    const cases: [string[], Buffer][] = [
      [ids.slice(0, 1), frame(other)],
      [ids.slice(0, 2), Buffer.concat([frame(blobs[1]!), frame(blobs[0]!)])],
      [ids.slice(0, 1), Buffer.concat([Buffer.from(`${ids[0]!.toUpperCase()} 5000\n`), blobs[0]!])],
      [ids.slice(0, 1), Buffer.concat([Buffer.from(`${ids[0]}  5000\n`), blobs[0]!])],
      [ids.slice(0, 1), Buffer.concat([Buffer.from(`${ids[0]} 05000\n`), blobs[0]!])],
      [ids.slice(0, 1), Buffer.concat([Buffer.from(`${ids[0]} -1\n`), blobs[0]!])],
      [ids.slice(0, 1), Buffer.from(`${ids[0]} ${'9'.repeat(40)}`)],
      [ids.slice(0, 1), Buffer.from('x'.repeat(500))],
    ];
    for (const [asked, bytes] of cases) {
      const r = await read(asked, bytes, 13);
      expect(r.error?.kind, bytes.subarray(0, 90).toString()).toBe('protocol');
      expect(r.got).toEqual([]);
    }
  });

  it('refuses a byte after the last blob, and a wrong size that shifts the frames', async () => {
    expect(await read(ids, Buffer.concat([whole, Buffer.from('\n')]))).toMatchObject({ got: ids, error: { kind: 'protocol' } });
    // A size 1,000 too small: the blob's bytes are short (the fetcher's hash check catches that) and
    // its last 1,000 bytes are not the next header.
    const short = Buffer.concat([frame(blobs[0]!, ids[0], 4_000), frame(blobs[1]!)]);
    const sizes: number[] = [];
    const run = async () => {
      for await (const b of readBlobBatch(ids.slice(0, 2), stream(short, 512), failed)) {
        let n = 0;
        for await (const c of b.body) n += c.length;
        sizes.push(n);
      }
    };
    await expect(run()).rejects.toMatchObject({ kind: 'protocol' });
    expect(sizes).toEqual([4_000]);
  });

  it('calls an early end or a failing stream a cut; the blobs before it stay good', async () => {
    const firstTwo = frame(blobs[0]!).length + frame(blobs[1]!).length;
    for (const at of [10, frame(blobs[0]!).length - 1, frame(blobs[0]!).length + 30, firstTwo, whole.length - 5]) {
      const r = await read(ids, whole.subarray(0, at), 333);
      expect(r.error?.kind, String(at)).toBe('network');
      expect(ids.slice(0, r.got.length)).toEqual(r.got);
    }
    const r = await read(ids, whole.subarray(0, firstTwo + 20), 100, new Error('ECONNRESET'));
    expect(r).toMatchObject({ got: ids.slice(0, 2), error: { kind: 'network', message: 'cut: ECONNRESET' } });
  });

  it('skips the unread rest of a blob the consumer left', async () => {
    const got: string[] = [];
    for await (const b of readBlobBatch(ids, stream(whole, 100), failed)) {
      got.push(b.sha256);
      for await (const c of b.body) {
        expect(c.length).toBeGreaterThan(0);
        break;
      }
    }
    expect(got).toEqual(ids);
  });
});
