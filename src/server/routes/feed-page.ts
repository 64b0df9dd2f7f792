// The feed page as UTF-8 bytes, assembled here rather than serialised: each entry's case.json is
// stored as canonical JSON text (intake writes canonicalJson, the bytes the revision hash covers)
// and is spliced in as it is (held ready in RevisionTexts) — no JSON.parse of every package, no
// second serialisation of the page, no re-encoding. The result is the FeedPage of
// src/shared/sync/protocol.ts, key for key.
import type { FeedRow } from '../db/repos/feed';
import type { RevisionText } from './revision-texts';

const str = JSON.stringify;
const COMMA = Buffer.from(',');

function entryParts(r: FeedRow, rev: RevisionText | undefined, out: Buffer[]): void {
  const head = `{"seq":${r.seq},"kind":${str(r.kind)},"caseId":${str(r.caseId)},"revision":${r.revision},"at":${str(r.at.toISOString())},"case":`;
  if (!r.visible || !rev) {
    out.push(Buffer.from(`${head}null}`, 'utf8'));
    return;
  }
  out.push(Buffer.from(`${head}{"caseNumber":${str(r.caseNumber)},`, 'utf8'), rev.before, Buffer.from(r.revision === r.currentRevision ? 'true' : 'false'), rev.after, Buffer.from('}'));
}

export function feedPageJson(rows: readonly FeedRow[], texts: ReadonlyMap<string, RevisionText>, next: number, more: boolean): Buffer {
  const parts: Buffer[] = [Buffer.from('{"entries":[')];
  rows.forEach((r, i) => {
    if (i) parts.push(COMMA);
    entryParts(r, texts.get(`${r.caseId}#${r.revision}`), parts);
  });
  parts.push(Buffer.from(`],"next":${next},"more":${more}}`));
  return Buffer.concat(parts);
}
