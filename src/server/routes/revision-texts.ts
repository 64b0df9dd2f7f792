// What a feed entry carries about its revision — the stored case.json text, the revision hash and
// the blob list as JSON — kept in memory: a revision never changes once written (a new one gets a
// new number), so nothing here can go stale. Reading the texts out of the database was most of a
// feed page's cost (PGlite decodes every row in WASM); pages asked again (other devices of the
// reviewer, admins, a workstation starting over) now cost only the page query. Held as UTF-8, ready to
// send (no re-encoding of every page); bounded by the bytes held; the least recently used revisions go first.
import type { BlobsRepo } from '../db/repos/blobs';
import type { FeedRepo } from '../db/repos/feed';

export interface RevisionText {
  /** `"revisionHash":"…","current":` — the part of the entry before the flag that is not immutable. */
  before: Buffer;
  /** `,"package":<case.json as stored>,"blobs":[{"sha256","size","mime"},…]}` — UTF-8, ready to send. */
  after: Buffer;
}

/** Stored case.json text: an object as intake wrote it (canonical JSON); anything else is re-serialised, or fails loudly. */
function packageText(text: string): string {
  return text.startsWith('{') && text.endsWith('}') ? text : JSON.stringify(JSON.parse(text));
}

export const REVISION_TEXTS_MAX_BYTES = 64 * 1024 * 1024;

const keyOf = (p: { caseId: string; revision: number }) => `${p.caseId}#${p.revision}`;

export class RevisionTexts {
  private readonly held = new Map<string, RevisionText>();
  private bytes = 0;

  constructor(
    private readonly feed: FeedRepo,
    private readonly blobs: BlobsRepo,
    private readonly maxBytes = REVISION_TEXTS_MAX_BYTES,
  ) {}

  /** The texts of these revisions by `caseId#revision` (a revision without a stored row is absent). */
  async get(pairs: readonly { caseId: string; revision: number }[]): Promise<Map<string, RevisionText>> {
    const out = new Map<string, RevisionText>();
    const missing: { caseId: string; revision: number }[] = [];
    for (const p of pairs) {
      const k = keyOf(p);
      const hit = this.held.get(k);
      if (hit) {
        // Most recently used last.
        this.held.delete(k);
        this.held.set(k, hit);
        out.set(k, hit);
      } else if (!out.has(k)) missing.push(p);
    }
    if (!missing.length) return out;
    const [packages, lists] = await Promise.all([this.feed.packages(missing), this.blobs.listsFor(missing)]);
    for (const [k, pkg] of packages) {
      const text: RevisionText = {
        before: Buffer.from(`"revisionHash":${JSON.stringify(pkg.revisionHash)},"current":`, 'utf8'),
        after: Buffer.from(`,"package":${packageText(pkg.packageJson)},"blobs":${JSON.stringify(lists.get(k) ?? [])}}`, 'utf8'),
      };
      out.set(k, text);
      this.keep(k, text);
    }
    return out;
  }

  private keep(k: string, text: RevisionText): void {
    const size = text.before.length + text.after.length + k.length;
    if (size > this.maxBytes || this.held.has(k)) return;
    this.held.set(k, text);
    this.bytes += size;
    for (const [old, t] of this.held) {
      if (this.bytes <= this.maxBytes) break;
      this.held.delete(old);
      this.bytes -= t.before.length + t.after.length + old.length;
    }
  }

  get size(): number {
    return this.held.size;
  }
}
