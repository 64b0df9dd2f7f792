// The sync transport over HTTP(S) to the central server (src/server, README "API"): undici with a
// connection pool of its own, a Bearer device token, X-Body-SHA256 on every body we send, and
// timeouts on connect, on the answer's headers and between body chunks (a server that accepts and
// then says nothing must not hang a sync).
import { createHash } from 'node:crypto';
import { Agent, request, type Dispatcher } from 'undici';
import { z } from 'zod';
import { AUDIT_ANCHOR_REQUIRED_CODE, type AuditHeadAnswer, type AuditHeadReport } from '../../../shared/audit/head';
import { ApiErrorAnswer, FeedPageAnswer, SubmissionAnswerSchema } from '../../../shared/sync/answers';
import { CentralConfigAnswer, CertificateAnswerSchema, type CentralConfig } from '../../../shared/sync/pki';
import { BLOB_BATCH_CONTENT_TYPE, BLOB_BATCH_MAX_IDS, SHA256_RE, type CertificateAnswer, type FeedPage, type SubmissionRequest } from '../../../shared/sync/protocol';
import { networkCode, networkReason } from '../../../shared/sync/network-reason';
import { readBlobBatch } from './blob-batch-reader';
import type { PkiTransport } from './pki';
import { ReserveNumbersAnswer, type ReserveNumbersRequest } from '../../../shared/api/sync';
import { AuditAnchorRequired, TransportError, type BatchedBlob, type CalendarAnswer, type BlobRange, type BlobResponse, type SubmitResponse, type SyncTransport } from './transport';

const AuditHeadAnswerSchema = z.object({
  status: z.enum(['accepted', 'repeated']),
  device: z.string(),
  seq: z.number().int().nonnegative(),
  known: z.object({ seq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) }),
});

export interface HttpTransportOptions {
  /** e.g. http://127.0.0.1:8080 (no trailing path). */
  server: string;
  token: string;
  /** Connect, headers and between-chunks timeouts in ms (default 15 s / 30 s / 30 s). */
  connectTimeout?: number;
  headersTimeout?: number;
  bodyTimeout?: number;
  /** Largest JSON answer accepted (default 64 MB: a feed page of 1,000 case packages). */
  maxJsonBytes?: number;
}

/** Only http(s) URLs without credentials, query or fragment; returns the normalised origin + path. */
export function normaliseServerUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new TransportError('protocol', `中心系统地址无效：${raw}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new TransportError('protocol', `中心系统地址须为 http(s)：${raw}`);
  if (u.username || u.password || u.search || u.hash) throw new TransportError('protocol', '中心系统地址不得包含用户名、查询参数或片段');
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

/** `peer`: who could not be reached, as the reviewer knows it (中心系统 host:port, 时间戳服务 …). */
function networkError(err: unknown, signal: AbortSignal, peer: string): never {
  if (signal.aborted) throw signal.reason;
  // The socket's code is kept: a refused connection is not retried within the run (retry.ts).
  throw new TransportError('network', `无法连接${peer}：${networkReason(err)}`, null, networkCode(err));
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

async function readLimited(body: Dispatcher.ResponseData['body'], limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of body) {
    n += (c as Buffer).length;
    if (n > limit) {
      body.destroy();
      throw new TransportError('protocol', `中心系统的答复过大（超过 ${limit} 字节）`);
    }
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseJson(buf: Buffer): unknown {
  try {
    return JSON.parse(buf.toString('utf8'));
  } catch {
    throw new TransportError('protocol', '中心系统的答复不是有效的 JSON');
  }
}

export class HttpTransport implements SyncTransport, PkiTransport {
  readonly server: string;
  private readonly agent: Agent;
  private readonly maxJson: number;
  private readonly headersTimeoutMs: number;

  /** 中心系统 host:port, as a network error names it. */
  private get peer(): string {
    return `中心系统 ${hostOf(this.server)}`;
  }

  constructor(private readonly opts: HttpTransportOptions) {
    this.server = normaliseServerUrl(opts.server);
    this.maxJson = opts.maxJsonBytes ?? 64 * 1024 * 1024;
    this.headersTimeoutMs = opts.headersTimeout ?? 30_000;
    this.agent = new Agent({
      connect: { timeout: opts.connectTimeout ?? 15_000 },
      headersTimeout: this.headersTimeoutMs + 1_000,
      bodyTimeout: opts.bodyTimeout ?? 30_000,
      keepAliveTimeout: 4_000,
    });
  }

  /** `url`: another address than the central system's (an external TSA): sent without the device token. */
  private async send(method: 'GET' | 'POST', path: string, signal: AbortSignal, extra: { headers?: Record<string, string>; body?: Buffer; url?: string; contentType?: string } = {}): Promise<Dispatcher.ResponseData> {
    const headers: Record<string, string> = { ...(extra.url ? {} : { authorization: `Bearer ${this.opts.token}` }), 'user-agent': 'fashen-workstation-sync', ...extra.headers };
    if (extra.body) {
      headers['content-type'] = extra.contentType ?? 'application/json';
      headers['x-body-sha256'] = createHash('sha256').update(extra.body).digest('hex');
    }
    // undici's own timers tick coarsely (about a second); a native timer bounds the wait for the
    // answer's headers precisely, and a cancel still reaches the body through the combined signal.
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new TransportError('network', '中心系统无响应（等待答复超时）')), this.headersTimeoutMs);
    try {
      return await request(extra.url ?? this.server + path, { method, headers, dispatcher: this.agent, signal: AbortSignal.any([signal, timeout.signal]), ...(extra.body ? { body: extra.body } : {}) });
    } catch (err) {
      if (!signal.aborted && timeout.signal.aborted) throw timeout.signal.reason;
      return networkError(err, signal, extra.url ? `时间戳服务 ${hostOf(extra.url)}` : this.peer);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Reads a JSON answer; HTTP errors become TransportError('http') with the server's code. */
  private async json(res: Dispatcher.ResponseData, signal: AbortSignal, ok: (status: number) => boolean): Promise<unknown> {
    let buf: Buffer;
    try {
      buf = await readLimited(res.body, this.maxJson);
    } catch (err) {
      if (err instanceof TransportError) throw err;
      return networkError(err, signal, this.peer);
    }
    if (!ok(res.statusCode)) {
      const parsed = ApiErrorAnswer.safeParse(buf.length ? safeJson(buf) : null);
      const e = parsed.success ? parsed.data.error : null;
      throw new TransportError('http', e ? e.message : `中心系统答复 HTTP ${res.statusCode}`, res.statusCode, e?.code ?? null);
    }
    return parseJson(buf);
  }

  async feed(after: number, limit: number, signal: AbortSignal): Promise<FeedPage> {
    const res = await this.send('GET', `/v1/feed?after=${Math.trunc(after)}&limit=${Math.trunc(limit)}`, signal);
    const parsed = FeedPageAnswer.safeParse(await this.json(res, signal, (s) => s === 200));
    if (!parsed.success) throw new TransportError('protocol', '中心系统的变更列表格式不正确');
    return parsed.data;
  }

  async blob(sha256: string, range: BlobRange | null, signal: AbortSignal): Promise<BlobResponse> {
    // Never put anything but a plain sha256 into a URL path.
    if (!SHA256_RE.test(sha256)) throw new TransportError('protocol', `文件编号无效：${sha256.slice(0, 80)}`);
    const headers: Record<string, string> = range ? { range: `bytes=${range.start}-`, 'if-range': range.ifRange } : {};
    const res = await this.send('GET', `/v1/blobs/${sha256}`, signal, { headers });
    if (res.statusCode !== 200 && res.statusCode !== 206) {
      await this.json(res, signal, () => false);
    }
    const etag = typeof res.headers.etag === 'string' ? res.headers.etag : null;
    if (res.statusCode === 206) {
      const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(res.headers['content-range'] ?? ''));
      if (!m) {
        res.body.destroy();
        throw new TransportError('protocol', '中心系统的分段答复缺少 Content-Range');
      }
      return { status: 206, start: Number(m[1]), size: Number(m[3]), etag, body: res.body };
    }
    const length = Number(res.headers['content-length']);
    if (!Number.isSafeInteger(length) || length < 0) {
      res.body.destroy();
      throw new TransportError('protocol', '中心系统的文件答复缺少 Content-Length');
    }
    return { status: 200, start: 0, size: length, etag, body: res.body };
  }

  /**
   * POST /v1/blobs/batch: the blobs in the order asked, read strictly (blob-batch-reader.ts). More
   * ids than one request may carry go in several requests, one after the other.
   */
  async *blobs(sha256s: readonly string[], signal: AbortSignal): AsyncGenerator<BatchedBlob> {
    const bad = sha256s.find((s) => !SHA256_RE.test(s));
    if (bad !== undefined) throw new TransportError('protocol', `文件编号无效：${bad.slice(0, 80)}`);
    if (new Set(sha256s).size !== sha256s.length) throw new TransportError('protocol', '批量下载的文件编号有重复');
    for (let i = 0; i < sha256s.length; i += BLOB_BATCH_MAX_IDS) yield* this.batch(sha256s.slice(i, i + BLOB_BATCH_MAX_IDS), signal);
  }

  private async *batch(sha256s: readonly string[], signal: AbortSignal): AsyncGenerator<BatchedBlob> {
    const res = await this.send('POST', '/v1/blobs/batch', signal, { body: Buffer.from(JSON.stringify({ sha256: sha256s }), 'utf8') });
    if (res.statusCode !== 200) await this.json(res, signal, () => false);
    try {
      const type = String(res.headers['content-type'] ?? '').split(';')[0]!.trim();
      if (type !== BLOB_BATCH_CONTENT_TYPE) throw new TransportError('protocol', `中心系统的批量下载答复类型不对：${type.slice(0, 80) || '无'}`);
      yield* readBlobBatch(sha256s, res.body, (err) => networkError(err, signal, this.peer));
    } finally {
      // Stopped early (or a protocol error): the rest of the answer is not wanted, nor the connection.
      if (!res.body.readableEnded) res.body.destroy();
    }
  }

  async submit(req: SubmissionRequest, signal: AbortSignal): Promise<SubmitResponse> {
    const res = await this.send('POST', '/v1/submissions', signal, { body: Buffer.from(JSON.stringify(req), 'utf8') });
    const json = await this.json(res, signal, (s) => s === 200 || s === 422);
    const parsed = SubmissionAnswerSchema.safeParse(json);
    if (!parsed.success || parsed.data.id !== req.id) throw new TransportError('protocol', '中心系统对提交的答复格式不正确');
    return { status: res.statusCode, answer: parsed.data };
  }

  async auditHead(head: AuditHeadReport, signal: AbortSignal): Promise<AuditHeadAnswer> {
    const res = await this.send('POST', '/v1/audit/head', signal, { body: Buffer.from(JSON.stringify(head), 'utf8') });
    const json = await this.json(res, signal, (s) => s === 200 || s === 409);
    if (res.statusCode === 409) throw auditConflict(json);
    const parsed = AuditHeadAnswerSchema.safeParse(json);
    if (!parsed.success || parsed.data.device !== head.device || parsed.data.seq !== head.seq) throw new TransportError('protocol', '中心系统对审计链头的答复格式不正确');
    return parsed.data;
  }

  async calendar(etag: string | null, signal: AbortSignal): Promise<CalendarAnswer> {
    const res = await this.send('GET', '/v1/calendar', signal, etag ? { headers: { 'if-none-match': etag } } : {});
    if (res.statusCode === 304) {
      await res.body.dump();
      return { kind: 'unchanged' };
    }
    const json = await this.json(res, signal, (s) => s === 200 || s === 404);
    if (res.statusCode === 404) return { kind: 'none' };
    const tag = res.headers.etag;
    return { kind: 'data', value: json, etag: typeof tag === 'string' ? tag : null };
  }

  async centralConfig(signal: AbortSignal): Promise<CentralConfig | null> {
    const res = await this.send('GET', '/v1/config', signal);
    const json = await this.json(res, signal, (s) => s === 200 || s === 404);
    if (res.statusCode === 404) return null;
    const parsed = CentralConfigAnswer.safeParse(json);
    if (!parsed.success) throw new TransportError('protocol', '中心系统的配置格式不正确');
    return parsed.data;
  }

  private async certificate(res: Dispatcher.ResponseData, signal: AbortSignal, keyId: string | null): Promise<CertificateAnswer> {
    const parsed = CertificateAnswerSchema.safeParse(await this.json(res, signal, (s) => s === 200 || s === 201));
    if (!parsed.success || (keyId !== null && parsed.data.keyId !== keyId)) throw new TransportError('protocol', '中心系统对证书请求的答复格式不正确');
    return parsed.data;
  }

  async enrolKey(req: { request: string; agency?: string }, signal: AbortSignal): Promise<CertificateAnswer> {
    const res = await this.send('POST', '/v1/certificates', signal, { body: Buffer.from(JSON.stringify(req), 'utf8') });
    return this.certificate(res, signal, null);
  }

  async revokeKey(keyId: string, reason: string, signal: AbortSignal): Promise<CertificateAnswer> {
    if (!/^[0-9a-f]{32}$/.test(keyId)) throw new TransportError('protocol', `密钥标识无效：${keyId.slice(0, 80)}`);
    const res = await this.send('POST', `/v1/certificates/${keyId}/revoke`, signal, { body: Buffer.from(JSON.stringify({ reason }), 'utf8') });
    return this.certificate(res, signal, keyId);
  }

  /** A block of 文号 (number-pool.ts); null: the server does not hand out numbers (an older one, 404). */
  async reserveDocumentNumbers(req: ReserveNumbersRequest, signal: AbortSignal): Promise<ReserveNumbersAnswer | null> {
    const res = await this.send('POST', '/v1/document-numbers/reserve', signal, { body: Buffer.from(JSON.stringify(req), 'utf8') });
    const json = await this.json(res, signal, (s) => s === 200 || s === 404);
    if (res.statusCode === 404) return null;
    const parsed = ReserveNumbersAnswer.safeParse(json);
    if (!parsed.success || parsed.data.to - parsed.data.from + 1 !== req.count || parsed.data.agency !== req.agency || parsed.data.year !== req.year) throw new TransportError('protocol', '中心系统对领取文号的答复格式不正确');
    return parsed.data;
  }

  async rfc3161(url: string, query: Uint8Array, signal: AbortSignal): Promise<Uint8Array> {
    // A TSA is open (RFC 3161 over HTTP): no device token goes to it, even when it is the central server.
    const res = await this.send('POST', '', signal, { url: normaliseServerUrl(url), body: Buffer.from(query), contentType: 'application/timestamp-query', headers: { accept: 'application/timestamp-reply' } });
    let buf: Buffer;
    try {
      buf = await readLimited(res.body, 64 * 1024);
    } catch (err) {
      if (err instanceof TransportError) throw err;
      return networkError(err, signal, `时间戳服务 ${hostOf(url)}`);
    }
    if (res.statusCode !== 200) throw new TransportError('http', `时间戳服务答复 HTTP ${res.statusCode}`, res.statusCode);
    return new Uint8Array(buf);
  }

  async close(): Promise<void> {
    await this.agent.destroy();
  }
}

/** A 409 on the audit head: `audit_anchor_required` names the seq it needs in details[0]. */
function auditConflict(json: unknown): TransportError {
  const parsed = ApiErrorAnswer.safeParse(json);
  if (!parsed.success) return new TransportError('http', '中心系统答复 HTTP 409', 409, null);
  const e = parsed.data.error;
  const seq = Number(e.details?.[0]);
  if (e.code === AUDIT_ANCHOR_REQUIRED_CODE && Number.isSafeInteger(seq) && seq >= 1) return new AuditAnchorRequired(seq, e.message);
  return new TransportError('http', e.message, 409, e.code);
}

function safeJson(buf: Buffer): unknown {
  try {
    return JSON.parse(buf.toString('utf8'));
  } catch {
    return null;
  }
}
