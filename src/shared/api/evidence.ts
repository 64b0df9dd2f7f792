// evidence.* and search.* and annotations.* — reading the case file at depth.
import { z } from 'zod';
import { call } from './define';

export type FileState = 'ok' | 'tampered' | 'missing';

/** 'unchecked': the check was cancelled before this file was (fully) re-hashed — never a verdict. */
export type IntegrityItemState = FileState | 'unchecked';

export interface IntegrityItem {
  itemId: string;
  itemKind: 'document' | 'evidence';
  title: string;
  sha256: string;
  state: IntegrityItemState;
}
export interface IntegrityReport {
  caseId: string;
  checkedAt: string;
  /** True when 取消 stopped the check: checked files keep their state, the rest are 'unchecked'. */
  cancelled: boolean;
  items: IntegrityItem[];
  /** Counts per state, for the summary line. */
  summary: Record<IntegrityItemState, number>;
}

export interface SearchSnippet {
  before: string;
  match: string;
  after: string;
}
export interface SearchHit {
  kind: 'case' | 'page';
  /** Document/evidence id for page hits. */
  itemId: string | null;
  itemTitle: string | null;
  itemKind: 'document' | 'evidence' | null;
  sha256: string | null;
  /** The PDF page of a page hit; null for case hits and for text files and Word documents (no pages). */
  page: number | null;
  /** Which case field matched, for case hits (案号, 当事人, 案由, 案件事实…). */
  field: string | null;
  snippet: SearchSnippet;
  /**
   * Page hits: which occurrence of the query on the page the snippet shows (0-based, counted in
   * folded text — whitespace ignored, NFKC, case-insensitive — see src/shared/text/fold), so the
   * viewer marks that one and not the first. Null for case hits.
   */
  occurrence: number | null;
}
export interface SearchGroup {
  caseId: string;
  caseNumber: string;
  partyName: string;
  cause: string;
  hits: SearchHit[];
  totalHits: number;
}
export interface SearchResult {
  query: string;
  /** The words searched (one for a single word or a quoted phrase), each marked in the snippets. */
  terms: string[];
  /** 'fts' = FTS5 trigram index; 'like' = bounded scan for 1–2 character queries. */
  mode: 'fts' | 'like';
  groups: SearchGroup[];
  totalHits: number;
  truncated: boolean;
}

export const Rect = z.object({ x: z.number().finite(), y: z.number().finite(), width: z.number().finite().nonnegative(), height: z.number().finite().nonnegative() });
export type Rect = z.infer<typeof Rect>;

export const ReviewPointId = z.enum(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10']);
export type ReviewPointId = z.infer<typeof ReviewPointId>;

/**
 * Where an annotation sits. Text anchors keep page + quote (with context) + rects so they can be
 * re-found after re-rendering, zoom or re-import; rects are in PDF page units at scale 1,
 * top-left origin (pdf.js viewport at scale 1).
 */
export const AnchorSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('text'),
    page: z.number().int().positive(),
    quote: z.object({ exact: z.string().min(1).max(5000), prefix: z.string().max(64).default(''), suffix: z.string().max(64).default('') }),
    rects: z.array(Rect).min(1).max(500),
  }),
  z.object({ type: z.literal('area'), page: z.number().int().positive(), rects: z.array(Rect).min(1).max(50) }),
  z.object({ type: z.literal('time'), seconds: z.number().finite().nonnegative(), endSeconds: z.number().finite().nonnegative().optional() }),
  z.object({ type: z.literal('image'), rects: z.array(Rect).min(1).max(50) }),
]);
export type Anchor = z.infer<typeof AnchorSchema>;

export const AnnotationKind = z.enum(['highlight', 'note', 'redaction']);
export type AnnotationKind = z.infer<typeof AnnotationKind>;
export const RedactionReason = z.enum(['personal', 'trade_secret']);

export interface Annotation {
  id: string;
  caseId: string;
  itemId: string;
  /** Blob the annotation was made on (content-addressed). */
  sha256: string;
  kind: AnnotationKind;
  anchor: Anchor;
  note: string;
  reviewPoint: ReviewPointId | null;
  redactionReason: 'personal' | 'trade_secret' | null;
  createdAt: string;
  updatedAt: string;
  /**
   * Set by annotations.list / annotations.update when the item's file has been replaced (re-import)
   * since the annotation was made: text marks are re-anchored by their quote — quote 'found' (on
   * the same page, or on `page` when the new version has it on another page: the nearest one) or
   * 'not_found'; null for marks without a quote (areas, times) or when the new file's text is not
   * extracted yet.
   */
  fileUpdated?: { quote: 'found' | 'not_found' | null; page?: number };
}

/** The largest original copied out over the Api (the bytes travel base64 in one answer). */
export const EXPORT_ORIGINAL_MAX_BYTES = 50 * 1024 * 1024;

export interface OriginalExport {
  sha256: string;
  mime: string;
  size: number;
  /** The item's title with the file's own extension. */
  fileName: string;
  base64: string;
}

export interface RedactedCopy {
  sha256: string;
  fileName: string;
  size: number;
  pagesRasterized: number[];
  removedTextItems: number;
  /**
   * Marked text that still appears unmarked elsewhere in the copy (e.g. the same ID on page 2), and
   * personal numbers found inside a mark that appear unmarked elsewhere (kind set; text masked).
   */
  remainingOccurrences: { page: number; text: string; kind?: 'id_card' | 'mobile' | 'landline' | 'bank_card' }[];
  /**
   * Text marks made on an earlier version of the file (re-imported since): removed where their
   * quote is in this version (`to`: that page, `from`: the page it was marked on), or not found
   * there (`to` null: nothing removed for them).
   */
  reanchored: { text: string; from: number; to: number | null }[];
}

const id = z.string().min(1).max(200);

export const evidenceApi = {
  /** Re-hash every file of a case: 完好 / 已篡改 / 缺失 per item. */
  'evidence.verifyCase': call<IntegrityReport>()(z.object({ caseId: id }).strict()),
  /** Stop a running 校验案卷 of the case (between files and within a file); false when none was running. */
  'evidence.cancelVerify': call<{ cancelled: boolean }>()(z.object({ caseId: id }).strict()),
  /** Re-hash one file when it is opened (cached while size and mtime are unchanged). */
  /** caseId + itemId: the item being opened (the audit log records the opening). */
  'evidence.check': call<{ sha256: string; state: FileState }>()(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), caseId: id.optional(), itemId: id.optional() }).strict()),
  /**
   * Copy an item's original file out (for a format the workstation cannot show: .docx, TIFF, H.265):
   * an export like the others — the policy's approval and the audit log apply; the hash is checked first.
   */
  'evidence.exportOriginal': call<OriginalExport>()(z.object({ caseId: id, itemId: id }).strict()),
  /**
   * The text of a Word document item as the search index holds it (extracted once at import from
   * the verified file), for the pane's text preview; null while not extracted or not readable.
   */
  'evidence.itemText': call<{ text: string | null }>()(z.object({ caseId: id, itemId: id }).strict()),
  /** Export a redacted copy of a PDF item using its redaction marks; the original is untouched. */
  'evidence.exportRedacted': call<RedactedCopy>()(z.object({ caseId: id, itemId: id }).strict()),
  'search.query': call<SearchResult>()(
    z
      .object({
        text: z.string().max(100),
        caseId: id.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  'annotations.list': call<Annotation[]>()(z.object({ caseId: id, itemId: id.optional() }).strict()),
  'annotations.create': call<Annotation>()(
    z
      .object({
        caseId: id,
        itemId: id,
        kind: AnnotationKind,
        anchor: AnchorSchema,
        note: z.string().max(10_000).default(''),
        reviewPoint: ReviewPointId.nullable().default(null),
        redactionReason: RedactionReason.nullable().default(null),
      })
      .strict(),
  ),
  'annotations.update': call<Annotation>()(
    z.object({ id, note: z.string().max(10_000).optional(), reviewPoint: ReviewPointId.nullable().optional(), redactionReason: RedactionReason.nullable().optional() }).strict(),
  ),
  'annotations.delete': call<{ id: string }>()(z.object({ id }).strict()),
} as const;
