// S3-compatible object store backend (AWS S3, MinIO, Ceph RGW, OSS/COS in S3 mode). The object's
// SHA-256 checksum is sent with the upload, so the store itself refuses bytes that do not match.
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { assertSha256, type BlobBackend, type ByteRange } from './backend';

export interface S3BackendOptions {
  bucket: string;
  /** Key prefix, e.g. "blobs/". */
  prefix?: string;
  /** e.g. http://127.0.0.1:9000 for MinIO; omit for AWS. */
  endpoint?: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  forcePathStyle?: boolean;
  client?: S3Client;
}

function isNotFound(err: unknown): boolean {
  if (err instanceof S3ServiceException) return err.$metadata.httpStatusCode === 404 || err.name === 'NotFound' || err.name === 'NoSuchKey';
  return false;
}

export class S3Backend implements BlobBackend {
  readonly name = 's3';
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(opts: S3BackendOptions) {
    this.bucket = opts.bucket;
    this.prefix = opts.prefix ?? '';
    const config: S3ClientConfig = {
      region: opts.region ?? 'us-east-1',
      forcePathStyle: opts.forcePathStyle ?? Boolean(opts.endpoint),
      // Only the checksum we give (SHA-256 of the content); no extra trailers S3 look-alikes may not know.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    };
    if (opts.endpoint) config.endpoint = opts.endpoint;
    if (opts.credentials) config.credentials = opts.credentials;
    this.client = opts.client ?? new S3Client(config);
  }

  /** From the environment: FASHEN_S3_BUCKET (+ FASHEN_S3_ENDPOINT, FASHEN_S3_REGION, FASHEN_S3_PREFIX; credentials the AWS way). */
  static fromEnv(env: NodeJS.ProcessEnv): S3Backend | null {
    if (!env.FASHEN_S3_BUCKET) return null;
    return new S3Backend({
      bucket: env.FASHEN_S3_BUCKET,
      ...(env.FASHEN_S3_ENDPOINT ? { endpoint: env.FASHEN_S3_ENDPOINT } : {}),
      ...(env.FASHEN_S3_REGION ? { region: env.FASHEN_S3_REGION } : {}),
      prefix: env.FASHEN_S3_PREFIX ?? 'blobs/',
    });
  }

  keyOf(sha256: string): string {
    assertSha256(sha256);
    return `${this.prefix}${sha256.slice(0, 2)}/${sha256}`;
  }

  async put(sha256: string, size: number, open: () => Readable): Promise<'stored' | 'exists'> {
    if (await this.exists(sha256)) return 'exists';
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.keyOf(sha256),
        Body: open(),
        ContentLength: size,
        ContentType: 'application/octet-stream',
        ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
      }),
    );
    return 'stored';
  }

  async head(sha256: string): Promise<{ size: number } | null> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
      return { size: Number(out.ContentLength ?? 0) };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    return (await this.head(sha256)) !== null;
  }

  async get(sha256: string, range?: ByteRange): Promise<Readable> {
    const out = await this.client.send(
      new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256), ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }),
    );
    if (!(out.Body instanceof Readable)) throw new Error('S3 answered without a body stream');
    return out.Body;
  }
}
