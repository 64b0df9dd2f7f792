// The hash chain: hash = sha256(JCS({seq, at, actor, device, action, subject, detail, prevHash})),
// the first entry's prevHash is 64 zeros. `verifyChain` walks the rows in seq order and names the
// first entry that is broken: a gap in seq (rows deleted), a prevHash that is not the previous
// entry's hash (rows removed or re-linked), or a hash that does not match the content (edited).
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/canonical';
import { GENESIS_HASH } from '../../../shared/audit/actions';
import type { AuditProblem, AuditVerifyReport } from '../../../shared/api/audit';

export interface AuditEntryContent {
  seq: number;
  at: string;
  actor: string;
  device: string;
  action: string;
  subject: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
}

/** A row as stored (detail still JSON text). */
export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  device: string;
  action: string;
  subject: string | null;
  detail_json: string;
  prev_hash: string;
  hash: string;
}

export function entryHash(e: AuditEntryContent): string {
  const content = { seq: e.seq, at: e.at, actor: e.actor, device: e.device, action: e.action, subject: e.subject, detail: e.detail, prevHash: e.prevHash };
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

export function parseDetail(json: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Incremental verifier: feed rows in seq order, then `finish` with the highest seq ever issued. */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private count = 0;
  private problem: AuditProblem | null = null;
  private last: { seq: number; hash: string } | null = null;

  /** Returns false once a problem is found (the rest need not be read). */
  push(row: AuditRow): boolean {
    if (this.problem) return false;
    this.count++;
    if (row.seq !== this.expectedSeq) {
      const missing = row.seq - 1 === this.expectedSeq ? `第 ${this.expectedSeq} 条` : `第 ${this.expectedSeq}–${row.seq - 1} 条`;
      return this.fail(row.seq > this.expectedSeq ? { seq: this.expectedSeq, kind: 'gap', message: `${missing}审计记录缺失（记录被删除）` } : { seq: row.seq, kind: 'gap', message: `第 ${row.seq} 条审计记录序号重复或倒退` });
    }
    if (row.prev_hash !== this.prevHash) {
      return this.fail({ seq: row.seq, kind: 'prev_link', message: `第 ${row.seq} 条记录的前一条校验值与第 ${row.seq - 1} 条不符（链被改接）` });
    }
    const detail = parseDetail(row.detail_json);
    if (!detail) return this.fail({ seq: row.seq, kind: 'bad_detail', message: `第 ${row.seq} 条记录的详情不是有效的 JSON 对象（记录被修改）` });
    const hash = entryHash({ seq: row.seq, at: row.at, actor: row.actor, device: row.device, action: row.action, subject: row.subject, detail, prevHash: row.prev_hash });
    if (hash !== row.hash) return this.fail({ seq: row.seq, kind: 'hash_mismatch', message: `第 ${row.seq} 条记录的内容与其校验值不符（记录被修改）` });
    this.prevHash = row.hash;
    this.expectedSeq = row.seq + 1;
    this.last = { seq: row.seq, hash: row.hash };
    return true;
  }

  /** `issuedSeq`: the highest seq the store ever handed out (SQLite AUTOINCREMENT keeps it). */
  finish(issuedSeq: number): AuditVerifyReport {
    if (!this.problem && issuedSeq >= this.expectedSeq) {
      const missing = issuedSeq === this.expectedSeq ? `第 ${issuedSeq} 条` : `第 ${this.expectedSeq}–${issuedSeq} 条`;
      this.problem = { seq: this.expectedSeq, kind: 'gap', message: `末尾的${missing}审计记录缺失（记录被删除）` };
    }
    return { intact: !this.problem, count: this.count, head: this.last, problem: this.problem };
  }

  private fail(p: AuditProblem): false {
    this.problem = p;
    return false;
  }
}
