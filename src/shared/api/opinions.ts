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
  /** The certificate's CN, the name verifications show as 签名人 (null: no certificate yet). */
  signerName: string | null;
  /** The central account the certificate names (UID, put there by the central system's CA); null: none (a local development CA's, or one issued before). */
  account: string | null;
  issuer: string | null;
  /** 本地开发 CA (non-official) or the agency CA via the central system. */
  devCa: boolean;
  protection: 'passphrase' | 'os';
  revokedAt: string | null;
  revocationReason: string | null;
  /** Registration with the central system (证书登记); absent for keys that are not the reviewer's (e.g. a meeting signer's). */
  registration?: KeyRegistration;
  /** A revoked key registered with the central system: has it been told? null: nothing to tell. */
  revocationReported?: boolean | null;
}

/**
 * enrolled: 已登记到中心 (its certificate comes from the central system) · pending: 待登记 (logged in;
 * at the next sync) · local: 仅本机开发 CA (not logged in: registered at the next login) ·
 * refused: the central system refused it (`note` says why; not retried).
 */
export interface KeyRegistration {
  state: 'enrolled' | 'pending' | 'local' | 'refused';
  server: string | null;
  at: string | null;
  /** zh-CN: the refusal, or why it cannot be registered yet. */
  note: string | null;
}

export interface KeysView {
  keys: KeySummary[];
  active: KeySummary | null;
  /** How a new key would be protected on this workstation. */
  protection: 'passphrase' | 'os';
  /** The central system this workstation is logged in to (`fashen login`), or null. */
  central: { server: string; user: string | null } | null;
  /** zh-CN, after keys.create / keys.revoke: what could not be done with the central system just now. */
  centralNotice: string | null;
}

export interface OpinionPreview {
  content: OpinionContent;
  /**
   * SHA-256 of the JCS content: what 签署 signs. The content names the signer's key and certificate,
   * so a preview made before any key exists (`signable: false`) has them empty and this hash changes
   * once a key is created and the preview is made again; the document text stays the same.
   */
  contentHash: string;
  /** The PDF exactly as it will be signed (the signature is added on signing), as a blob. */
  pdfSha256: string;
  docxSha256: string;
  /** False when no signing key exists yet: the preview shows the document, 签署 needs a key. */
  signable: boolean;
  /** zh-CN: why it cannot be signed yet, or null. */
  blocker: string | null;
  /** 文号 reserved from the central system still unused here (this agency and year); absent: numbered locally. */
  numberPool?: NumberPoolView;
  /**
   * The central system gave the case to another reviewer (`at`: when this workstation learnt of it):
   * the preview is there to read, never to sign — `blocker` says so and signing is refused.
   */
  reassigned?: { at: string };
}

/** The workstation's pool of 文号 reserved from the central system (document-number.ts). */
export interface NumberPoolView {
  /** Numbers left for the preview's agency and year, the one shown included. */
  remaining: number;
  /** Fewer than this left: the sign dialog says so (a sync tops the pool up). */
  low: boolean;
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
  /** withdrawn: the conclusion was withdrawn before this version left the workstation (never sent). */
  submission: 'queued' | 'sent' | 'accepted' | 'rejected' | 'stale' | 'withdrawn';
  /** A later version of this round's opinion exists (this one stays in history). */
  superseded: boolean;
}

/**
 * trusted: an RFC 3161 token from a TSA checked against its certificate chain · pending: marked
 * 待加盖时间戳 (signed offline, stamped on the next sync) · none: no timestamp · invalid: a token that
 * does not verify. Without a trusted token the signing time is the signer's own clock.
 */
export type TimestampView =
  | { state: 'trusted'; tsa: string; time: string }
  | { state: 'pending' }
  | { state: 'none' }
  | { state: 'invalid'; reason: string };

/** dev-ca: the workstation's local development CA (not an agency CA); ca: another CA; none: no certificate. */
export interface CertificateSourceView {
  kind: 'dev-ca' | 'ca' | 'none';
  /** Root of the chain as read (subject), or null. */
  root: string | null;
  /** The chain ends in a root this workstation trusts. */
  trusted: boolean;
}

export interface VerificationView {
  valid: boolean;
  /** zh-CN verdict only, e.g. 签名有效 / 文档内容与签名不符…; timestamp and CA are their own fields. */
  reason: string;
  kind: 'pdf' | 'submission';
  signer: string | null;
  chain: string[];
  signingTime: string | null;
  /** The signature's timestamp, on a line of its own (not in `reason`). */
  timestamp: TimestampView;
  /** Where the signer's certificate comes from, on a line of its own (not in `reason`). */
  certificate: CertificateSourceView;
  devCa: boolean;
  caseNumber: string | null;
  caseId: string | null;
  round: number | null;
  /** Other facts that qualify the verdict (revoked after a timestamped signature, data appended). */
  notes: string[];
  /**
   * Documents signed by several people (集体讨论记录: 主持人 first, then 记录人), in signing order,
   * each with its own verdict; absent for a document with one signer.
   */
  signers?: SignerCheckView[];
}

export interface SignerCheckView {
  /** e.g. 主持人 / 记录人 (PDF: 签名 1, 签名 2). */
  role: string;
  name: string;
  valid: boolean;
  /** 签名有效, or why not (zh-CN). */
  reason: string;
  signedAt: string | null;
}

/** A signed opinion's file copied out (opinions.export): the bytes, for the reviewer to save. */
export interface OpinionExport {
  kind: 'pdf' | 'docx' | 'submission';
  sha256: string;
  mime: string;
  size: number;
  base64: string;
}

const passphrase = z.string().min(8, '口令至少 8 个字符').max(200, '口令最多 200 个字符');
/** A new signing key's passphrase: what signing accepts later, and not blanks only. The CLI checks it too. */
export const NewKeyPassphrase = passphrase.refine((p) => p.trim().length > 0, '口令不能全为空格');

export const opinionsApi = {
  'keys.status': call<KeysView>()(z.object({}).strict()),
  /** Create the reviewer's signing key (the previous one is retired; history kept). */
  'keys.create': call<KeysView>()(z.object({ passphrase: NewKeyPassphrase.optional() }).strict()),
  /** Revoke a key here at once (it can no longer sign) and tell the central system now or at the next sync. */
  'keys.revoke': call<KeysView>()(
    z
      .object({
        keyId: z.string().regex(/^[0-9a-f]{32}$/, '密钥标识无效'),
        reason: z.string().trim().min(2, '请填写吊销原因（至少 2 个字）').max(200, '吊销原因最多 200 个字'),
      })
      .strict(),
  ),
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
  /**
   * Copy a signed opinion's file out (下载): the signed PDF, the .docx or the submission JSON. An
   * export (APPROVABLE_CALLS): refused without an approval when the policy requires one, and logged.
   */
  'opinions.export': call<OpinionExport>()(
    z.object({ caseId: z.string().min(1).max(200), opinionId: z.string().min(1).max(200), kind: z.enum(['pdf', 'docx', 'submission'], { message: '下载类型应为 pdf、docx 或 submission' }) }).strict(),
  ),
  /**
   * Copy the latest unsigned preview out (下载预览 .docx / PDF): an export like opinions.export —
   * the preview's files are shown in the app but never served for saving by a blob link.
   */
  'opinions.exportPreview': call<OpinionExport>()(z.object({ caseId: z.string().min(1).max(200), kind: z.enum(['pdf', 'docx'], { message: '下载类型应为 pdf 或 docx' }) }).strict()),
} as const;
