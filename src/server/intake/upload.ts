// Streams an uploaded package body to a file in the work folder: never whole in memory, refused
// with 413 as soon as it passes the limit, checked against a claimed body digest.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertDigest, claimedDigest } from '../http/body-digest';
import { HttpError } from '../http/errors';

const tooLarge = (limit: number) => new HttpError(413, 'too_large', `上传内容超过上限（${limit} 字节）`);

export async function receiveUpload(body: Readable, headers: IncomingHttpHeaders, workDir: string, limit: number): Promise<string> {
  const claimed = claimedDigest(headers);
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const file = join(workDir, `upload-${randomUUID()}.zip`);
  const hash = createHash('sha256');
  let seen = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      seen += chunk.length;
      if (seen > limit) return cb(tooLarge(limit));
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(file));
    assertDigest(claimed, hash.digest());
    return file;
  } catch (err) {
    await rm(file, { force: true });
    if (err instanceof HttpError) throw err;
    throw new HttpError(400, 'bad_request', `上传中断：${(err as Error).message}`);
  }
}
