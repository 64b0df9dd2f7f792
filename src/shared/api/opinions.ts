// keys.* and opinions.* — reviewer signing keys and signed review opinions.
import { z } from 'zod';
import { call } from './define';
import type { OpinionContent } from '../opinion/content';

export interface KeySummary {
  keyId: string;
  algorithm: 'ecdsa-p256' | 'ed25519' | 'sm2-sm3';
  status: 'active' | 'retired' | 'revoked';
  created: string;
  subject: string;
  issuer: string | null;
  /** 本地开发 CA (non-official) or the agency CA via the central system. */
  devCa: boolean;
  protection: 'passphrase' | 'os';
  revokedAt: string | null;
  revocationReason: string | null;
}

export interface KeysView {
  keys: KeySummary[];
  active: KeySummary | null;
  /** How a new key would be protected on this workstation. */
  protection: 'passphrase' | 'os';
}

export interface OpinionPreview {
  content: OpinionContent;
  contentHash: string;
  /** The PDF exactly as it will be signed (the signature is added on signing), as a blob. */
  pdfSha256: string;
  docxSha256: string;
}

export interface OpinionRecord {
  opinionId: string;
  caseId: string;
  round: number;
  version: number;
  documentNumber: string;
  conclusion: string;
  signedAt: string;
  signer: string;
  contentHash: string;
  pdfSha256: string;
  docxSha256: string;
  submissionSha256: string;
  /** 待加盖时间戳 until a TSA stamps it on the next sync. */
  timestamp: 'pending' | 'granted';
  /** Outbox state of the submission to the central system. */
  submission: 'queued' | 'sent' | 'accepted' | 'rejected' | 'stale';
  /** A later version of this round's opinion exists (this one stays in history). */
  superseded: boolean;
}

export interface VerificationView {
  valid: boolean;
  /** zh-CN, e.g. 签名有效 / 摘要不一致（文件已被修改） */
  reason: string;
  kind: 'pdf' | 'submission';
  signer: string | null;
  chain: string[];
  signingTime: string | null;
  devCa: boolean;
  caseNumber: string | null;
  caseId: string | null;
  round: number | null;
  notes: string[];
}

const passphrase = z.string().min(8, '口令至少 8 个字符').max(200);

export const opinionsApi = {
  'keys.status': call<KeysView>()(z.object({}).strict()),
  /** Create the reviewer's signing key (the previous one is retired; history kept). */
  'keys.create': call<KeysView>()(z.object({ passphrase: passphrase.optional() }).strict()),
  /** Render the opinion exactly as it will be signed. */
  'opinions.preview': call<OpinionPreview>()(z.object({ caseId: z.string().min(1).max(200) }).strict()),
  /** Sign the previewed content (refused if the review changed since the preview). */
  'opinions.sign': call<OpinionRecord>()(
    z.object({ caseId: z.string().min(1).max(200), contentHash: z.string().regex(/^[0-9a-f]{64}$/), passphrase: passphrase.optional() }).strict(),
  ),
  'opinions.list': call<OpinionRecord[]>()(z.object({ caseId: z.string().min(1).max(200) }).strict()),
  /** Verify a stored blob (a signed PDF or a submission JSON), ours or received from others. */
  'opinions.verify': call<VerificationView>()(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict()),
  /** Verify a file chosen by the user (base64, ≤ 20 MB). */
  'opinions.verifyUpload': call<VerificationView>()(z.object({ fileName: z.string().min(1).max(255), base64: z.string().min(4).max(28_000_000) }).strict()),
} as const;
