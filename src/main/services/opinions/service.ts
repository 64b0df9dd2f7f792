// Signed review opinions: preview exactly what will be signed, sign (detached JCS signature +
// PAdES PDF + .docx), keep every version immutable, queue the submission in the outbox.
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { ApiFailure } from '../../../shared/api/result';
import type { OpinionPreview, OpinionRecord } from '../../../shared/api/opinions';
import { canonicalJson } from '../../../shared/canonical';
import { OpinionContent, type Supersedes } from '../../../shared/opinion/content';
import { buildOpinionContent, type OpinionMeta } from '../../../shared/opinion/build';
import { DOCX_MIME } from '../../../shared/text/decode';
import * as t from '../../db/schema';
import { BlobRepo } from '../../db/repos/blobs';
import { ReviewRepo } from '../../db/repos/reviews';
import type { Workstation } from '../../workstation';
import { renderOpinionDocx } from '../opinion/render-docx';
import { assertRenderable, contentProblems } from '../opinion/printable';
import { renderOpinionPdf, renderOpinionPdfBytes, signatureRect } from '../opinion/render-pdf';
import { signDetached, signPdf, type KeyInfo, type SignedSubmission } from '../signing/index';
import { certificateFingerprint, type ReviewerKeys } from './keys';
import { peekDocumentNumber, POOL_EMPTY, takeDocumentNumber } from './document-number';
import { readCentralLogin } from '../sync/login';
import { reassignedRefusal } from '../sync/reassigned';

interface Draft {
  meta: OpinionMeta;
  /** Null for a preview made without a signing key: nothing to sign yet. */
  contentHash: string | null;
  /** The preview's files, for 下载 through opinions.exportPreview (the shown one's until the new one is rendered). */
  files?: { pdf: string; docx: string };
  /** The 文号 shown came from the central pool (document-number.ts); absent: the local counter. */
  pooled?: number | null;
}

export const NO_KEY_NOTICE = '尚未创建签名密钥，暂不能签署。所示即为将要签署的内容，创建密钥后即可签署。';
/** The reviewer's key was revoked and no new one made since. */
export const REVOKED_KEY_PREVIEW_NOTICE = '签名密钥已吊销，暂不能签署。所示即为将要签署的内容，创建新的签名密钥后即可签署。';

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

export class OpinionService {
  private readonly reviews: ReviewRepo;
  private readonly blobRows: BlobRepo;

  constructor(
    private readonly ws: Workstation,
    readonly keys: ReviewerKeys,
  ) {
    this.reviews = new ReviewRepo(ws.store.db);
    this.blobRows = new BlobRepo(ws.store.db);
  }

  private async storeBlob(bytes: Uint8Array, mime: string, derivedFrom: string): Promise<string> {
    const staged = await this.ws.blobs.stage(Readable.from(Buffer.from(bytes)));
    await this.ws.blobs.commit(staged);
    this.blobRows.insertDerived({ sha256: staged.sha256, size: staged.size, mime, derivedFrom }, new Date().toISOString());
    return staged.sha256;
  }

  /**
   * The content to sign. A later version of the round names the version it replaces (README:
   * 新版本注明所取代的版本): in the content, so the line the paper prints is signed with it, and
   * taken afresh at signing, so a version signed since the preview makes the hashes differ.
   */
  private content(caseId: string, meta: OpinionMeta): OpinionContent {
    const review = this.ws.review.get(caseId);
    const cf = this.ws.views.get(caseId)!;
    if (!review.conclusion) throw new ApiFailure({ code: 'conflict', message: '本轮审核尚未作出结论，不能生成审核意见书' });
    const content = OpinionContent.parse(buildOpinionContent(review, cf, meta));
    const supersedes = this.supersedes(caseId, content.round);
    return supersedes ? { ...content, supersedes } : content;
  }

  /** The latest signed version of the round (withdrawn or sent alike), which a new one replaces. */
  private supersedes(caseId: string, round: number): Supersedes | null {
    const latest = this.records(caseId).find((r) => r.round === round);
    return latest ? { opinionId: latest.opinionId, documentNumber: latest.documentNumber, version: latest.version } : null;
  }

  /** The active signing key, or null: the preview does not need one (keys.active() throws without). */
  private signingKey(): KeyInfo | null {
    return this.keys.view().active ? this.keys.active() : null;
  }

  async preview(caseId: string): Promise<OpinionPreview> {
    const cf = this.ws.views.get(caseId);
    if (!cf) throw new ApiFailure({ code: 'not_found', message: `找不到案件：${caseId}` });
    const profile = this.ws.review.reviewer();
    if (!profile) throw new ApiFailure({ code: 'conflict', message: '请先设置审核人员信息' });
    // Without a key the document is rendered all the same; only the signer's key and certificate (which
    // the content names, so the hash binds them) are left empty until a key exists.
    const key = this.signingKey();
    const review = this.ws.review.get(caseId);
    // Reassigned: the preview is shown to read (what was concluded), but it is not this reviewer's to sign.
    const moved = this.ws.review.reassignment(caseId);
    const date = this.ws.today();
    let number = peekDocumentNumber(this.reviews, cf.agency, date, this.loggedIn());
    if (number.pool && number.pooled === null && this.loggedIn() && !moved) {
      // None left but logged in: online, the pool is topped up now (a few seconds at most); offline it stays empty.
      await this.ws.sync.topUpNumbers(AbortSignal.timeout(4_000));
      number = peekDocumentNumber(this.reviews, cf.agency, date, true);
    }
    const meta: OpinionMeta = {
      opinionId: randomUUID(),
      version: this.records(caseId).filter((r) => r.round === review.round).length + 1,
      documentNumber: number.documentNumber,
      date,
      signedAt: new Date().toISOString(),
      reviewer: { name: profile.name, keyId: key?.keyId ?? '', certificateFingerprint: key ? certificateFingerprint(key.chain) : '' },
    };
    const content = this.content(caseId, meta);
    // Before the draft is kept: characters no font has are refused with their field named.
    assertRenderable(contentProblems(content));
    const contentHash = sha256(canonicalJson(content));
    // A keyless preview also replaces any earlier draft: 签署 accepts only the latest preview, and
    // only one made with the key that signs.
    // Until the new files are stored, 下载 still gives the preview on screen (a click during 重新生成
    // must not fail); signing already needs the new content hash.
    const shown = this.reviews.getSetting<Draft>(`opinion_draft:${caseId}`)?.files;
    const pooled = number.pool ? { pooled: number.pooled } : {};
    this.reviews.setSetting(`opinion_draft:${caseId}`, { meta, contentHash: key ? contentHash : null, ...(shown ? { files: shown } : {}), ...pooled } satisfies Draft, meta.signedAt);
    // The paper carries the content hash only once it is final (it binds the signer's certificate).
    const rendered = key ? { contentHash } : {};
    const pdf = await renderOpinionPdfBytes(content, rendered);
    const docx = await renderOpinionDocx(content, rendered);
    const files = { pdf: await this.storeBlob(pdf, 'application/pdf', contentHash), docx: await this.storeBlob(docx, DOCX_MIME, contentHash) };
    this.reviews.setSetting(`opinion_draft:${caseId}`, { meta, contentHash: key ? contentHash : null, files, ...pooled } satisfies Draft, meta.signedAt);
    // No number to take (pool used up, offline): shown, not signable — never an invented number.
    const numberless = number.pool !== null && number.pooled === null;
    const blocker = moved ? reassignedRefusal('签署审核意见书') : !key ? (this.keys.revokedLatest() ? REVOKED_KEY_PREVIEW_NOTICE : NO_KEY_NOTICE) : numberless ? POOL_EMPTY : null;
    // `signable` keeps meaning “a key signs it”; an empty pool is the blocker and numberPool.remaining 0, a reassigned case `reassigned`.
    return { content, contentHash, pdfSha256: files.pdf, docxSha256: files.docx, signable: key !== null, blocker, ...(number.pool ? { numberPool: number.pool } : {}), ...(moved ? { reassigned: { at: moved.at } } : {}) };
  }

  /** The latest preview's file (下载预览), as shown: refused when there is none. */
  previewFile(caseId: string, kind: 'pdf' | 'docx'): { sha256: string; mime: string } {
    if (!this.ws.views.get(caseId)) throw new ApiFailure({ code: 'not_found', message: `找不到案件：${caseId}` });
    const files = this.reviews.getSetting<Draft>(`opinion_draft:${caseId}`)?.files;
    const sha256 = files?.[kind];
    if (!sha256 || !this.ws.blobs.has(sha256)) throw new ApiFailure({ code: 'conflict', message: '此案件还没有意见书预览（或预览文件已不在本机）：请先生成预览，再下载' });
    return { sha256, mime: kind === 'pdf' ? 'application/pdf' : DOCX_MIME };
  }

  async sign(caseId: string, contentHash: string, passphrase?: string): Promise<OpinionRecord> {
    // Before a key or a 文号 is touched: the central system would refuse it and the number be spent.
    this.ws.review.assertStillAssigned(caseId, '签署审核意见书');
    const key = this.keys.active();
    const draft = this.reviews.getSetting<Draft>(`opinion_draft:${caseId}`);
    const shown = { pooled: draft?.pooled ?? null, loggedIn: this.loggedIn() };
    if (draft && draft.contentHash === null) throw new ApiFailure({ code: 'conflict', message: '预览时尚无签名密钥：请重新预览（意见书将载明签名证书）后再签署' });
    if (!draft || draft.contentHash !== contentHash) throw new ApiFailure({ code: 'conflict', message: '请先预览审核意见书，再签署预览所示的内容' });
    const content = this.content(caseId, draft.meta);
    if (sha256(canonicalJson(content)) !== contentHash) throw new ApiFailure({ code: 'conflict', message: '审核内容在预览后已变更，请重新预览后再签署' });
    if (key.keyId !== draft.meta.reviewer.keyId) throw new ApiFailure({ code: 'conflict', message: '签名密钥在预览后已更换，请重新预览' });
    // The content names the certificate; a sync may have brought the central one since the preview.
    if (certificateFingerprint(key.chain) !== draft.meta.reviewer.certificateFingerprint) throw new ApiFailure({ code: 'conflict', message: '签名证书在预览后已更换（已登记到中心系统），请重新预览' });
    // Before the passphrase is asked: a number this workstation may not take refuses signing now.
    if (draft.pooled === null) throw new ApiFailure({ code: 'conflict', message: POOL_EMPTY });
    const unlocked = await this.keys.unlock(key.keyId, passphrase);
    if (unlocked.algorithm === 'sm2-sm3') throw new ApiFailure({ code: 'conflict', message: 'PDF 签名需要 ECDSA 密钥' });
    const signingTime = new Date();
    const detached = await signDetached(content, unlocked, { now: signingTime });
    const submission: SignedSubmission = { format: 'fashen-signed-submission', version: 1, content, signature: detached };
    const doc = await renderOpinionPdf(content, { contentHash });
    const pdf = await signPdf(doc, { privateKey: unlocked.privateKey, chain: unlocked.chain }, { signingTime, rect: signatureRect(doc), reason: 'Legal review opinion', location: content.agency.code, name: `Fashen reviewer ${key.keyId.slice(0, 8)}` });
    const docx = await renderOpinionDocx(content, { contentHash });
    const submissionJson = JSON.stringify(submission, null, 2);
    const [pdfSha256, docxSha256, submissionSha256] = [
      await this.storeBlob(pdf, 'application/pdf', contentHash),
      await this.storeBlob(docx, DOCX_MIME, contentHash),
      await this.storeBlob(new TextEncoder().encode(submissionJson), 'application/json', contentHash),
    ];
    const review = this.reviews.round(caseId, content.round)!;
    const now = signingTime.toISOString();
    this.ws.store.sqlite.transaction(() => {
      this.ws.store.db
        .insert(t.opinions)
        .values({ id: content.opinionId, reviewId: review.id, contentJson: canonicalJson(content), contentHash, docxSha256, pdfSha256, signatureJson: JSON.stringify({ ...detached, submissionSha256 }), createdAt: now })
        .run();
      this.ws.store.db.insert(t.outbox).values({ id: content.opinionId, kind: 'opinion', caseId, payloadJson: submissionJson, state: 'queued', createdAt: now, updatedAt: now }).run();
      takeDocumentNumber(this.reviews, { code: content.agency.code }, content.date, now, shown);
    })();
    // Online with a TSA known: the trusted timestamp now; else 待加盖时间戳 until the next sync.
    await this.ws.sync.stampNow(content.opinionId);
    return this.records(caseId).find((r) => r.opinionId === content.opinionId)!;
  }

  /** A saved central login: numbers come from the central system's pool (document-number.ts). */
  private loggedIn(): boolean {
    return readCentralLogin(this.ws.opts.dataDir) !== null;
  }

  /** Every signed version of the case's opinions, newest first. */
  records(caseId: string): OpinionRecord[] {
    const rows = this.ws.store.db
      .select({ o: t.opinions, state: t.outbox.state })
      .from(t.opinions)
      .innerJoin(t.reviews, eq(t.reviews.id, t.opinions.reviewId))
      .leftJoin(t.outbox, eq(t.outbox.id, t.opinions.id))
      .where(eq(t.reviews.caseId, caseId))
      .all();
    const out = rows.map(({ o, state }) => {
      const c = OpinionContent.parse(JSON.parse(o.contentJson));
      const sig = JSON.parse(o.signatureJson ?? '{}') as { submissionSha256?: string; timestamp?: { status: string } };
      return {
        opinionId: o.id,
        caseId,
        round: c.round,
        version: c.version,
        documentNumber: c.documentNumber,
        conclusion: c.conclusion.type,
        signedAt: o.createdAt,
        signer: c.reviewer.name,
        contentHash: o.contentHash,
        pdfSha256: o.pdfSha256 ?? '',
        docxSha256: o.docxSha256 ?? '',
        submissionSha256: sig.submissionSha256 ?? '',
        timestamp: sig.timestamp?.status === 'granted' ? ('granted' as const) : ('pending' as const),
        // Every signed version is queued when signed; no outbox entry: withdrawn before it left (withdraw-unsent.ts).
        submission: state ?? ('withdrawn' as const),
        superseded: false,
      };
    });
    out.sort((a, b) => b.round - a.round || b.version - a.version);
    const latest = new Set<number>();
    for (const r of out) {
      r.superseded = latest.has(r.round);
      latest.add(r.round);
    }
    return out;
  }
}
