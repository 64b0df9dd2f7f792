// The content model of a 集体讨论记录 (DOMAIN.md §6): one document per case discussed, serialised
// canonically (JCS) and hashed; the .docx and the PDF are rendered from it, and the recorder's and
// the host's detached signatures cover it. Internal official record: not masked.
import { z } from 'zod';
import { isoDate } from '../casefile/schema';

export const MINUTES_SCHEMA = 'fashen.minutes/1';

const Person = z.object({ name: z.string(), post: z.string() });

export const MinutesContent = z.object({
  schema: z.literal(MINUTES_SCHEMA),
  minutesId: z.string().uuid(),
  meetingId: z.string(),
  agency: z.object({ code: z.string(), name: z.string() }),
  case: z.object({
    id: z.string(),
    caseNumber: z.string(),
    revision: z.number().int().positive(),
    revisionHash: z.string().regex(/^[0-9a-f]{64}$/),
    /** 案件名称 */
    name: z.string(),
    cause: z.string(),
    handlingUnit: z.string(),
  }),
  meeting: z.object({
    title: z.string(),
    date: isoDate,
    place: z.string(),
    /** ISO timestamps, recorded automatically when the meeting started and ended. */
    startedAt: z.string(),
    endedAt: z.string(),
    /** Position of this case on the agenda, 1-based, and the agenda length. */
    agendaNumber: z.number().int().positive(),
    agendaLength: z.number().int().positive(),
  }),
  host: Person,
  reporter: Person,
  recorder: Person,
  attendees: z.array(Person.extend({ role: z.enum(['member', 'observer']) })),
  quorum: z.object({ text: z.string(), met: z.boolean() }),
  proposedDecision: z.object({ penalties: z.array(z.string()), legalBasis: z.array(z.string()), discretion: z.string() }),
  review: z.object({ round: z.number().int().positive(), type: z.string(), text: z.string() }),
  /** 讨论情况 */
  discussion: z.string(),
  opinions: z.array(Person.extend({ kind: z.enum(['同意', '不同意', '补充意见']), text: z.string() })),
  conclusion: z.object({ text: z.string().min(1), followsReview: z.boolean(), differingReason: z.string().nullable() }),
  /**
   * Who signs, in order: the host first, then the recorder, who closes the record and submits it
   * (the recorder's PDF signature is the incremental update that covers the host's).
   */
  signers: z.array(Person.extend({ role: z.enum(['host', 'recorder']) })).length(2),
  /** When the minutes were generated (ISO). */
  generatedAt: z.string(),
});
export type MinutesContent = z.infer<typeof MinutesContent>;

export const MINUTES_SUBMISSION_SCHEMA = 'fashen.minutes-submission/1';

/** A detached signature as src/main/services/signing/detached.ts makes it (fields checked by the verifier). */
const Detached = z
  .object({ algorithm: z.string(), keyId: z.string(), signature: z.string(), contentHash: z.string(), signedAt: z.string(), publicKey: z.string(), chain: z.array(z.string()) })
  .passthrough();

/**
 * What goes to the central system (kind 'minutes'): the minutes with the host's and the recorder's
 * detached signatures over them. The submission's own signature is the workstation reviewer's (the
 * submitter, whose key the central system registers): it covers this whole object, the host's and
 * the recorder's signatures and certificates included.
 */
export const MinutesSubmission = z.object({
  schema: z.literal(MINUTES_SUBMISSION_SCHEMA),
  /** The case and revision decided on (what the central system binds the submission to). */
  case: z.object({ id: z.string(), revisionHash: z.string().regex(/^[0-9a-f]{64}$/) }),
  minutes: MinutesContent,
  /** sha256 of the JCS bytes of `minutes`. */
  minutesHash: z.string().regex(/^[0-9a-f]{64}$/),
  hostSignature: Detached,
  /**
   * The recorder's detached signature over `minutes`. Absent in submissions made before it existed,
   * when the recorder was always the submitter: the submission's own signature was the recorder's.
   */
  recorderSignature: Detached.optional(),
  /** sha256 of the PDF signed by both. */
  pdfSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type MinutesSubmission = z.infer<typeof MinutesSubmission>;
