// Reads the framed answer of POST /v1/blobs/batch (src/shared/sync/protocol.ts): for each blob asked,
// in order, `<sha256> <size>\n` and exactly `size` bytes; nothing after the last. Strict: another
// sha256, the blobs out of order, a malformed header or a byte too many is the server not speaking
// the protocol ('protocol'); the stream ending early or failing is a cut ('network') — the blobs
// already yielded in full stay good.
import { BLOB_FRAME_HEADER_MAX, BLOB_FRAME_HEADER_RE } from '../../../shared/sync/protocol';
import { TransportError, type BatchedBlob } from './transport';

const protocol = (why: string) => new TransportError('protocol', `中心系统的批量下载答复格式不正确：${why}`);
const cut = (why: string) => new TransportError('network', `文件批量下载中断：${why}`);

/** Bytes from a stream on demand, with what was read but not yet taken kept aside. */
class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  private done = false;

  constructor(
    private readonly source: AsyncIterator<Uint8Array>,
    private readonly failed: (err: unknown) => never,
  ) {}

  /** False at the end of the stream. */
  private async fill(): Promise<boolean> {
    if (this.done) return false;
    let next: IteratorResult<Uint8Array>;
    try {
      next = await this.source.next();
    } catch (err) {
      return this.failed(err);
    }
    if (next.done) {
      this.done = true;
      return false;
    }
    const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    return true;
  }

  /** A header line (through its '\n'); null at a clean end before any byte of it. */
  async line(max: number): Promise<string | null> {
    for (;;) {
      const nl = this.buf.indexOf(0x0a);
      if (nl >= 0 && nl < max) {
        const line = this.buf.subarray(0, nl + 1).toString('latin1');
        this.buf = this.buf.subarray(nl + 1);
        return line;
      }
      if (this.buf.length >= max) throw protocol('文件头过长');
      if (!(await this.fill())) {
        if (this.buf.length === 0) return null;
        throw cut('文件头不完整');
      }
    }
  }

  /** Up to `max` bytes (at least one); null at the end of the stream. */
  async take(max: number): Promise<Buffer | null> {
    if (this.buf.length === 0 && !(await this.fill())) return null;
    const out = this.buf.subarray(0, Math.min(max, this.buf.length));
    this.buf = this.buf.subarray(out.length);
    return out;
  }

  /** True when nothing at all is left. */
  async atEnd(): Promise<boolean> {
    return this.buf.length === 0 && !(await this.fill());
  }
}

/**
 * The blobs of one batch answer, for the ids asked (already checked: distinct lowercase sha256s).
 * Each blob's body must be read to its end before the next is asked for; what a consumer leaves
 * unread is skipped. `failed` turns an error of the underlying stream into a TransportError.
 */
export async function* readBlobBatch(asked: readonly string[], source: AsyncIterable<Uint8Array>, failed: (err: unknown) => never): AsyncGenerator<BatchedBlob> {
  const reader = new ByteReader(source[Symbol.asyncIterator](), failed);
  for (let i = 0; i < asked.length; i++) {
    const line = await reader.line(BLOB_FRAME_HEADER_MAX);
    if (line === null) throw cut(`收到 ${i} 个文件后连接结束（共请求 ${asked.length} 个）`);
    const m = BLOB_FRAME_HEADER_RE.exec(line);
    if (!m) throw protocol(`第 ${i + 1} 个文件头无法识别`);
    const [, sha256, sizeText] = m as unknown as [string, string, string];
    if (sha256 !== asked[i]) throw protocol(asked.includes(sha256) ? `第 ${i + 1} 个文件顺序不对` : `第 ${i + 1} 个文件不是所请求的文件`);
    const size = Number(sizeText);
    if (!Number.isSafeInteger(size)) throw protocol(`第 ${i + 1} 个文件大小无效`);
    let left = size;
    async function* body(): AsyncGenerator<Uint8Array> {
      while (left > 0) {
        const chunk = await reader.take(left);
        if (chunk === null) throw cut(`文件 ${sha256.slice(0, 12)}… 只收到 ${size - left} / ${size} 字节`);
        left -= chunk.length;
        yield chunk;
      }
    }
    yield { sha256, size, body: body() };
    // The consumer may have stopped reading early: skip the rest of this blob's bytes.
    while (left > 0) {
      const chunk = await reader.take(left);
      if (chunk === null) throw cut(`文件 ${sha256.slice(0, 12)}… 只收到 ${size - left} / ${size} 字节`);
      left -= chunk.length;
    }
  }
  if (!(await reader.atEnd())) throw protocol('最后一个文件之后还有多余的内容');
}
