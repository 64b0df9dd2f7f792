// The central server's answers as the workstation checks them: everything from the network is
// parsed before use (the server is trusted to be the server, not to be well-formed).
import { z } from 'zod';
import { SHA256_RE, type FeedPage, type SubmissionAnswer } from './protocol';

const sha256 = z.string().regex(SHA256_RE);
const seq = z.number().int().nonnegative();

export const BlobRefAnswer = z.object({ sha256, size: z.number().int().nonnegative(), mime: z.string().max(200) });

export const FeedEntryAnswer = z.object({
  seq: seq,
  kind: z.enum(['revision', 'assigned', 'unassigned']),
  caseId: z.string().min(1).max(200),
  revision: z.number().int().positive(),
  at: z.string().max(64),
  case: z
    .object({
      caseNumber: z.string().max(200),
      revisionHash: sha256,
      current: z.boolean(),
      package: z.unknown(),
      blobs: z.array(BlobRefAnswer).max(100_000),
    })
    .nullable(),
});

export const FeedPageAnswer = z.object({ entries: z.array(FeedEntryAnswer).max(1000), next: seq, more: z.boolean() }) satisfies z.ZodType<FeedPage>;

export const SubmissionAnswerSchema = z.union([
  z.object({ id: z.string(), status: z.literal('accepted'), caseId: z.string(), caseRevisionHash: z.string(), receivedAt: z.string(), repeated: z.literal(true).optional() }),
  z.object({
    id: z.string(),
    status: z.literal('stale'),
    reason: z.string().max(2000),
    caseId: z.string(),
    currentRevision: z.number().int(),
    currentRevisionHash: z.string(),
    receivedAt: z.string(),
    repeated: z.literal(true).optional(),
  }),
  z.object({ id: z.string(), status: z.literal('rejected'), reason: z.string().max(2000), receivedAt: z.string(), repeated: z.literal(true).optional() }),
]) satisfies z.ZodType<SubmissionAnswer>;

export const ApiErrorAnswer = z.object({ error: z.object({ code: z.string().max(100), message: z.string().max(2000), details: z.array(z.string()).optional() }) });
