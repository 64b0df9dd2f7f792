// An in-memory central system behind the SyncTransport interface: the same feed, blob and
// submission rules as src/server (ordered feed, Range/If-Range, first answer repeated, stale when
// the revision moved on), for fast tests of the engine and for simulating several devices.
import { createHash } from 'node:crypto';
import { AUDIT_REWRITTEN_CODE, type AuditHeadAnswer, type AuditHeadReport } from '../../../shared/audit/head';
import type { CasePackage } from '../../../shared/casefile/schema';
import { packageFiles } from '../../../shared/casefile/schema';
import type { FeedEntry, FeedPage, SubmissionAnswer, SubmissionRequest } from '../../../shared/sync/protocol';
import { REASSIGNED_REASON } from '../../../shared/sync/answer-labels';
import { judgeHead } from '../../../server/audit/judge';
import { revisionHashOf } from '../importer';
import { AuditAnchorRequired, TransportError, type BatchedBlob, type BlobRange, type BlobResponse, type SubmitResponse, type SyncTransport } from './transport';

export type MemoryOp = 'feed' | 'blob' | 'blobs' | 'submit' | 'auditHead';

interface StoredSubmission {
  request: SubmissionRequest;
  status: number;
  answer: SubmissionAnswer;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export class MemoryCentral {
  readonly entries: FeedEntry[] = [];
  readonly blobs = new Map<string, Uint8Array>();
  readonly submissions = new Map<string, StoredSubmission>();
  /** Audit heads per device as the server keeps them: accepted (seq → hash) and the rewrites seen. */
  readonly auditHeads = new Map<string, { accepted: Map<number, string>; rewritten: AuditHeadReport[] }>();
  private readonly current = new Map<string, { revision: number; revisionHash: string; caseNumber: string }>();
  /** Cases taken from the reviewer (unassign) and not given back. */
  private readonly reassigned = new Set<string>();
  /** Called before each operation; throw a TransportError to simulate a failure. */
  fault: ((op: MemoryOp, detail: string) => void) | null = null;
  /** Bytes of a blob body to deliver before failing (simulates a connection cut mid-body). */
  cutBlobAfter: number | null = null;
  /** Signatures with this value are rejected (stands in for a forged signature). */
  readonly forged = 'forged';
  private clock = Date.parse('2026-11-20T08:00:00Z');

  private at(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  /** Publishes a package revision (files by path) and appends its feed entry. */
  publish(pkg: CasePackage, files: Map<string, Uint8Array>, opts: { package?: unknown } = {}): FeedEntry {
    for (const f of packageFiles(pkg)) {
      const bytes = files.get(f.path);
      if (bytes) this.blobs.set(sha(bytes), bytes);
    }
    const revisionHash = revisionHashOf(pkg);
    this.current.set(pkg.case.id, { revision: pkg.case.revision, revisionHash, caseNumber: pkg.case.caseNumber });
    this.reassigned.delete(pkg.case.id);
    for (const e of this.entries) if (e.caseId === pkg.case.id && e.case) e.case.current = false;
    const entry: FeedEntry = {
      seq: this.entries.length + 1,
      kind: 'revision',
      caseId: pkg.case.id,
      revision: pkg.case.revision,
      at: this.at(),
      case: {
        caseNumber: pkg.case.caseNumber,
        revisionHash,
        current: true,
        package: opts.package ?? JSON.parse(JSON.stringify(pkg)),
        blobs: packageFiles(pkg).map((f) => ({ sha256: f.sha256, size: f.size, mime: f.mime })),
      },
    };
    this.entries.push(entry);
    return entry;
  }

  unassign(caseId: string): FeedEntry {
    const cur = this.current.get(caseId);
    const entry: FeedEntry = { seq: this.entries.length + 1, kind: 'unassigned', caseId, revision: cur?.revision ?? 1, at: this.at(), case: null };
    this.entries.push(entry);
    this.reassigned.add(caseId);
    return entry;
  }

  /** A transport for one device of the reviewer (all see the same feed). */
  transport(): SyncTransport {
    return new MemoryTransport(this);
  }

  feedPage(after: number, limit: number): FeedPage {
    const rows = this.entries.filter((e) => e.seq > after);
    const page = rows.slice(0, limit).map((e) => structuredClone(e));
    return { entries: page, next: page.at(-1)?.seq ?? after, more: rows.length > limit };
  }

  /** The server's rule (src/server/audit, online): a head must extend what was reported; a rewrite is kept as evidence. */
  reportAuditHead(head: AuditHeadReport): AuditHeadAnswer {
    const d = this.auditHeads.get(head.device) ?? { accepted: new Map<number, string>(), rewritten: [] };
    this.auditHeads.set(head.device, d);
    const maxSeq = d.accepted.size ? Math.max(...d.accepted.keys()) : null;
    const verdict = judgeHead({ maxSeq, hashAt: d.accepted }, head, 'online');
    if (verdict.status === 'rewritten') {
      if (!d.rewritten.some((r) => r.seq === head.seq && r.hash === head.hash)) d.rewritten.push(head);
      throw new TransportError('http', `本机审计记录与此前报送的不一致：${verdict.reason}`, 409, AUDIT_REWRITTEN_CODE);
    }
    if (verdict.status === 'anchor_required') throw new AuditAnchorRequired(verdict.seq, `中心系统需要本机审计链第 ${verdict.seq} 条的校验值，以核对链头延续此前报送的记录`);
    if (verdict.status === 'unverified') throw new Error('online audit heads are never left unverified');
    if (verdict.status === 'accepted') d.accepted.set(head.seq, head.hash);
    return { status: verdict.status, device: head.device, seq: head.seq, known: { seq: Math.max(...d.accepted.keys()) } };
  }

  submit(req: SubmissionRequest): SubmitResponse {
    const earlier = this.submissions.get(req.id);
    if (earlier) {
      if (JSON.stringify(earlier.request) !== JSON.stringify(req)) throw new TransportError('http', '该提交编号已用于内容不同的另一提交', 409, 'conflict');
      return { status: earlier.status, answer: { ...earlier.answer, repeated: true } };
    }
    const cur = this.current.get(req.caseId);
    if (!cur) throw new TransportError('http', '案件不存在或未分配给您', 404, 'not_found');
    const base = { id: req.id, receivedAt: this.at() };
    let stored: StoredSubmission;
    if (this.reassigned.has(req.caseId)) stored = { request: req, status: 422, answer: { ...base, status: 'rejected', reason: REASSIGNED_REASON } };
    else if (req.signature.signature === this.forged) stored = { request: req, status: 422, answer: { ...base, status: 'rejected', reason: '签名无效' } };
    else if (cur.revisionHash !== req.caseRevisionHash)
      stored = {
        request: req,
        status: 200,
        answer: { ...base, status: 'stale', reason: `案件已更新为修订 ${cur.revision}`, caseId: req.caseId, currentRevision: cur.revision, currentRevisionHash: cur.revisionHash },
      };
    else stored = { request: req, status: 200, answer: { ...base, status: 'accepted', caseId: req.caseId, caseRevisionHash: req.caseRevisionHash } };
    this.submissions.set(req.id, stored);
    return { status: stored.status, answer: stored.answer };
  }
}

class MemoryTransport implements SyncTransport {
  readonly server = 'memory://central';

  constructor(private readonly c: MemoryCentral) {}

  async feed(after: number, limit: number, signal: AbortSignal): Promise<FeedPage> {
    signal.throwIfAborted();
    this.c.fault?.('feed', String(after));
    return this.c.feedPage(after, limit);
  }

  async blob(sha256: string, range: BlobRange | null, signal: AbortSignal): Promise<BlobResponse> {
    signal.throwIfAborted();
    this.c.fault?.('blob', sha256);
    const bytes = this.c.blobs.get(sha256);
    if (!bytes) throw new TransportError('http', '文件不存在或无权访问', 404, 'not_found');
    const etag = `"${sha256}"`;
    const partial = range && range.ifRange === etag && range.start < bytes.length;
    const start = partial ? range.start : 0;
    const cut = this.c.cutBlobAfter;
    async function* body() {
      const rest = bytes!.subarray(start);
      const step = 16 * 1024;
      for (let i = 0; i < rest.length; i += step) {
        signal.throwIfAborted();
        if (cut !== null && i >= cut) throw new Error('connection reset (simulated)');
        yield rest.subarray(i, Math.min(i + step, rest.length, cut !== null ? cut : Infinity));
      }
    }
    return { status: partial ? 206 : 200, start, size: bytes.length, etag, body: body() };
  }

  /** Like the server: every blob must exist or nothing is sent; `cutBlobAfter` counts bytes across the whole batch. */
  async *blobs(sha256s: readonly string[], signal: AbortSignal): AsyncIterable<BatchedBlob> {
    signal.throwIfAborted();
    this.c.fault?.('blobs', sha256s.join(','));
    const all = sha256s.map((s) => [s, this.c.blobs.get(s)] as const);
    if (all.some(([, b]) => !b)) throw new TransportError('http', '文件不存在或无权访问', 404, 'not_found');
    const cut = this.c.cutBlobAfter;
    let sent = 0;
    for (const [sha256, bytes] of all) {
      const b = bytes!;
      async function* body() {
        const step = 16 * 1024;
        for (let i = 0; i < b.length; i += step) {
          signal.throwIfAborted();
          const end = Math.min(i + step, b.length);
          if (cut !== null && sent + (end - i) > cut) {
            if (cut > sent) yield b.subarray(i, i + (cut - sent));
            sent = cut;
            throw new TransportError('network', '文件下载中断：connection reset (simulated)');
          }
          sent += end - i;
          yield b.subarray(i, end);
        }
      }
      yield { sha256, size: b.length, body: body() };
    }
  }

  async submit(request: SubmissionRequest, signal: AbortSignal): Promise<SubmitResponse> {
    signal.throwIfAborted();
    this.c.fault?.('submit', request.id);
    return this.c.submit(structuredClone(request));
  }

  async auditHead(head: AuditHeadReport, signal: AbortSignal): Promise<AuditHeadAnswer> {
    signal.throwIfAborted();
    this.c.fault?.('auditHead', head.device);
    return this.c.reportAuditHead(structuredClone(head));
  }

  async close(): Promise<void> {}
}
