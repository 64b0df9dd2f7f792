// What an outbox entry's signed file names — case, 文号, round and version — for the sync panel
// (status-view.ts) and the returned submissions a sync reports (push.ts).
import { z } from 'zod';
import type { OutboxRow } from './state';

// The outbox holds our own signed files, but a damaged row must not break the panel: read leniently.
const SignedFile = z.object({
  content: z
    .object({
      case: z.object({ caseNumber: z.string().max(200), revision: z.number().int() }).partial().optional(),
      documentNumber: z.string().max(200).optional(),
      round: z.number().int().optional(),
      version: z.number().int().optional(),
    })
    .optional(),
});

interface Signed {
  caseNumber: string | null;
  revision: number | null;
  round: number | null;
  version: number | null;
  documentNumber: string | null;
}

/** What an outbox entry's signed file says of itself (nulls where it does not say, or is damaged). */
export function signedOf(row: OutboxRow): Signed {
  let json: unknown;
  try {
    json = JSON.parse(row.payloadJson);
  } catch {
    json = null;
  }
  const c = SignedFile.safeParse(json).data?.content;
  return { caseNumber: c?.case?.caseNumber ?? null, revision: c?.case?.revision ?? null, round: c?.round ?? null, version: c?.version ?? null, documentNumber: c?.documentNumber ?? null };
}
