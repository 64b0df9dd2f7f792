// The audit chain head a workstation reports to the central system on each sync
// (POST /v1/audit/head) and in each offline bundle: the central system keeps every accepted head
// per device and notices a history that was rewritten locally — a later report that goes back in
// seq, another hash at a seq it already knows, or an anchor that no longer matches. Anchors close
// the "rewrite, then grow past the last reported seq" gap: the report carries the workstation's
// CURRENT hash at the seqs the central system already knows, so a new head must extend that chain.
import { z } from 'zod';

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位小写十六进制 sha256');

export const AuditAnchor = z
  .object({
    /** A seq the central system accepted a head at (learned from its answers or a bundle exported). */
    seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    /** The workstation's hash of its entry at that seq now; null when its chain has no such entry. */
    hash: Sha256Hex.nullable(),
  })
  .strict();
export type AuditAnchor = z.infer<typeof AuditAnchor>;

export const AuditHeadReport = z
  .object({
    /** The workstation's stable install id (the `device` of its audit entries). */
    device: z.string().trim().min(8).max(100),
    /** seq of the last entry; 0 with the genesis hash for an empty log. */
    seq: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    hash: Sha256Hex,
    /** When the last entry was written (ISO 8601), as the workstation says. */
    at: z.string().max(40).nullable(),
    /** The chain at seqs the central system knows (absent or empty: the workstation knows none). */
    anchors: z.array(AuditAnchor).max(32).optional(),
  })
  .strict();
export type AuditHeadReport = z.infer<typeof AuditHeadReport>;

/** 200: the head continues what the central system knew (or repeats it). */
export interface AuditHeadAnswer {
  status: 'accepted' | 'repeated';
  device: string;
  seq: number;
  /** The highest seq now accepted for this device: the workstation anchors its next report there. */
  known: { seq: number };
}

/** 409 `audit_history_rewritten` details name what the central system knew. */
export const AUDIT_REWRITTEN_CODE = 'audit_history_rewritten';
/** 409 `audit_anchor_required`: details[0] is the seq whose current hash the report must carry. */
export const AUDIT_ANCHOR_REQUIRED_CODE = 'audit_anchor_required';
