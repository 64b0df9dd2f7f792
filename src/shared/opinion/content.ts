// The opinion's content model (法制审核意见书): one JSON document, serialised canonically (JCS)
// and hashed for signing; the .docx and the PDF are both rendered from it.
import { z } from 'zod';
import { isoDate } from '../casefile/schema';

export const OPINION_SCHEMA = 'fashen.opinion/1';

const Severity = z.enum(['ok', 'warn', 'fail', 'info']);

export const OpinionPoint = z.object({
  id: z.enum(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10']),
  title: z.string(),
  decision: z.enum(['ok', 'problem', 'na']),
  /** 无问题 / 存在问题 / 不适用 (the panel's label; the document words the finding: point-wording.ts). */
  decisionText: z.string(),
  note: z.string(),
  /** Automatic findings worth printing (fail/warn), with the reviewer's overrides. */
  findings: z.array(z.object({ check: z.string(), severity: Severity, message: z.string(), overruled: z.string().nullable() })),
  citations: z.array(z.object({ label: z.string(), page: z.number().int().positive().nullable(), quote: z.string().nullable() })),
});
export type OpinionPoint = z.infer<typeof OpinionPoint>;

export const OpinionContent = z.object({
  schema: z.literal(OPINION_SCHEMA),
  opinionId: z.string().uuid(),
  /** 1 for the first signed opinion of a round; editing after signing starts version 2, … */
  version: z.number().int().positive(),
  agency: z.object({ code: z.string(), name: z.string() }),
  /** e.g. 马市监法审〔2026〕12号 */
  documentNumber: z.string(),
  /** Date of the opinion (China time). */
  date: isoDate,
  case: z.object({
    id: z.string(),
    caseNumber: z.string(),
    revision: z.number().int().positive(),
    revisionHash: z.string().regex(/^[0-9a-f]{64}$/),
    /** e.g. 当涂县华联副食店（方宇）销售过期食品案 */
    name: z.string(),
    cause: z.string(),
    handlingUnit: z.string(),
    submittedOn: isoDate,
  }),
  round: z.number().int().positive(),
  parties: z.array(z.object({ kind: z.enum(['natural', 'legal', 'other']), name: z.string(), idNumber: z.string(), address: z.string(), legalRepresentative: z.string().nullable() })),
  proposedDecision: z.object({
    /** e.g. ["没收违法所得 12.80元", "罚款 80,000元（人民币捌万元整）"] (printed without the spaces) */
    penalties: z.array(z.string()),
    violated: z.array(z.string()),
    legalBasis: z.array(z.string()),
    discretion: z.string(),
  }),
  facts: z.string(),
  points: z.array(OpinionPoint).length(10),
  conclusion: z.object({ type: z.enum(['同意', '建议纠正', '建议补充调查', '其他意见']), text: z.string().min(1) }),
  reviewer: z.object({ name: z.string(), keyId: z.string(), certificateFingerprint: z.string() }),
  /** ISO timestamp of signing (local clock — a trusted time comes only from a TSA token). */
  signedAt: z.string(),
  /**
   * The case documents the points cite (names only). Not attachments: nothing goes with the opinion,
   * so the document prints no 附件 block — each is cited under its point (field name kept for the schema).
   */
  attachments: z.array(z.string()),
  /** A later version of the round: the signed version it replaces, named in the document (signed with it). */
  supersedes: z.object({ opinionId: z.string().uuid(), documentNumber: z.string(), version: z.number().int().positive() }).optional(),
});
export type OpinionContent = z.infer<typeof OpinionContent>;
export type Supersedes = NonNullable<OpinionContent['supersedes']>;
