// The audience (shared screen) view: gathers the current case's data and hands it to the pure
// builder, which masks every string. The only picture that can reach the screen is a page
// rendered here with personal data blacked out (masked-page.ts); originals never do.
import { createHash } from 'node:crypto';
import type { CaseFileView } from '../../../shared/api/cases';
import type { Annotation } from '../../../shared/api/evidence';
import { ApiFailure } from '../../../shared/api/result';
import { buildAudienceView, caseMaskOptions, withNamesFrom, type AudienceCaseData, type EvidenceFocusData } from '../../../shared/meeting/audience';
import { discretionAnalysis } from '../../../shared/meeting/discretion';
import type { EvidenceFocus, Meeting } from '../../../shared/meeting/schema';
import type { AudienceView } from '../../../shared/meeting/slides';
import type { KnownValue, MaskOptions } from '../../../shared/privacy/mask';
import type { Workstation } from '../../workstation';
import { currentPackage } from '../review/case-package';
import { SimilarCases } from '../review/similar-cases';
import { storeDerivedBlob } from './derived-blob';
import { maskedPageImage, type TopLeftRect } from './masked-page';
import { parseReviewSnapshot } from './meeting-view';
import { withFileState } from '../evidence/annotation-file-state';
import { markPage } from '../../../shared/mark-page';
import type { MeetingService } from './service';

type Picture = { image: EvidenceFocusData['image']; imageNote: string | null; pageText: string | null };

const NOT_SHOWN_MEDIA = '图像、音视频证据不在共享屏幕上显示（可能含个人信息），请在演示者屏幕上查看';
const EXCERPT_CHARS = 600;
const STALE_AREA = '该文件已更新，有遮盖标记是在旧版本上框选的，在新版本中无法确定位置，不在共享屏幕上显示；请在演示者屏幕上重新框选';

function rectsOn(a: Annotation, page: number): TopLeftRect[] {
  return (a.anchor.type === 'text' || a.anchor.type === 'area') && a.anchor.page === page ? a.anchor.rects : [];
}

export class AudienceService {
  /** Mask names per case revision (parties change only with a new revision). */
  private readonly names = new Map<string, MaskOptions>();
  /** Rendered pictures by everything that decides their pixels. */
  private readonly pictures = new Map<string, Promise<Picture>>();
  private readonly similar: SimilarCases;

  constructor(
    private readonly ws: Workstation,
    private readonly meetings: MeetingService,
  ) {
    this.similar = new SimilarCases(ws.store.sqlite);
  }

  private namesOf(caseId: string, revisionHash: string): MaskOptions {
    const key = `${caseId}:${revisionHash}`;
    let opts = this.names.get(key);
    if (!opts) {
      const agg = this.ws.cases.load(caseId);
      const parties = agg ? caseMaskOptions({ parties: agg.parties.map((p) => ({ ...p, legalRepresentative: p.legalRepresentative ?? undefined, phone: p.phone ?? undefined, businessScope: p.businessScope ?? undefined })) }) : {};
      // What the case file records as a natural person's is masked wherever it appears.
      const knownValues: KnownValue[] = (agg?.parties ?? [])
        .filter((p) => p.kind === 'natural')
        .flatMap((p) => [
          { value: p.idNumber, kind: 'id_card' as const },
          { value: p.address, kind: 'address' as const },
          ...(p.phone ? [{ value: p.phone, kind: /^\D*(?:\+?86)?\D*1[3-9]/.test(p.phone) ? ('mobile' as const) : ('landline' as const) }] : []),
        ]);
      opts = withNamesFrom({ ...parties, knownValues }, this.meetings.repo.pageTexts(caseId));
      this.names.set(key, opts);
    }
    return opts;
  }

  /**
   * What the shared screen masks for a case: the parties' data (namesOf) and whatever the reviewer
   * marked for redaction as text anywhere in the case — a trade secret or a detail no rule knows
   * stays hidden in the page pictures and in every text, wherever it occurs (and after a re-import
   * moved it elsewhere on the page or to another page).
   */
  private maskFor(caseId: string, revisionHash: string): MaskOptions {
    const names = this.namesOf(caseId, revisionHash);
    const markedTexts = this.ws.annotations.list(caseId).flatMap((a) => (a.kind === 'redaction' && a.anchor.type === 'text' ? [a.anchor.quote.exact] : []));
    return markedTexts.length ? { ...names, markedTexts } : names;
  }

  async view(id: string): Promise<AudienceView> {
    const meeting = this.meetings.get(id);
    const namesByCase: Record<string, MaskOptions> = {};
    for (const a of meeting.agenda) namesByCase[a.caseId] = this.maskFor(a.caseId, this.meetings.repo.caseRow(a.caseId)?.revisionHash ?? a.revisionHash);
    const current = meeting.state === 'running' && meeting.position ? await this.caseData(meeting, namesByCase) : null;
    return buildAudienceView({ meeting, namesByCase, current });
  }

  private async caseData(meeting: Meeting, masks: Record<string, MaskOptions>): Promise<AudienceCaseData | null> {
    const pos = meeting.position!;
    const item = meeting.agenda[pos.agendaIndex];
    if (!item) return null;
    const cf = this.ws.views.get(item.caseId);
    if (!cf) throw new ApiFailure({ code: 'not_found', message: `找不到案件：${item.caseId}` });
    const snap = parseReviewSnapshot(this.meetings.repo.cases(meeting.id).find((c) => c.caseId === item.caseId)?.reviewJson ?? null);
    const review = snap ?? { type: item.review.type, text: item.review.text, points: [] };
    let discretion = null;
    if (pos.topic === 'discretion') {
      const agg = this.ws.cases.load(item.caseId)!;
      const pkg = currentPackage(this.ws.cases, agg);
      const rules = this.ws.rulesFor(pkg.case.agency.code);
      discretion = discretionAnalysis(pkg, rules, this.similar.forCase(item.caseId, rules));
    }
    const evidence = pos.topic === 'evidence' && pos.evidence ? await this.focus(cf, pos.evidence, masks[item.caseId]!) : null;
    return { caseFile: cf, review: { type: review.type, text: review.text, points: review.points }, discretion, evidence };
  }

  private async focus(cf: CaseFileView, f: EvidenceFocus, mask: MaskOptions): Promise<EvidenceFocusData | null> {
    const ev = cf.evidence.find((e) => e.id === f.itemId);
    const doc = cf.documents.find((d) => d.id === f.itemId);
    const item = ev ?? doc;
    if (!item) return null;
    const annotations = this.ws.annotations.list(cf.id, item.id);
    const shown = f.annotationId ? annotations.find((a) => a.id === f.annotationId) : undefined;
    // As the presenter sees it: a mark whose text moved in a re-imported file is shown on its new page.
    const highlight = shown ? withFileState(this.ws, [shown])[0]! : null;
    const page = (highlight && markPage(highlight)) ?? f.page ?? 1;
    const quote = highlight?.anchor.type === 'text' ? highlight.anchor.quote.exact : null;
    const pic = await this.picture(item.file, page, mask, annotations, highlight);
    const text = quote ?? (pic.pageText === null ? null : pic.pageText.length > EXCERPT_CHARS ? `${pic.pageText.slice(0, EXCERPT_CHARS)}…` : pic.pageText);
    return {
      focus: { itemId: item.id, ...(f.page !== undefined || highlight ? { page } : {}), ...(f.annotationId ? { annotationId: f.annotationId } : {}) },
      title: item.title,
      kind: ev ? ev.kind : doc!.kind,
      text,
      note: highlight?.note || null,
      image: pic.image,
      imageNote: pic.imageNote,
    };
  }

  private async picture(file: CaseFileView['evidence'][number]['file'], page: number, mask: MaskOptions, annotations: Annotation[], highlight: Annotation | null): Promise<Picture> {
    const isPdf = (file.detectedMime ?? file.mime) === 'application/pdf';
    if (!isPdf) return { image: null, imageNote: NOT_SHOWN_MEDIA, pageText: null };
    if (file.state !== 'ok' || !file.present) return { image: null, imageNote: file.state === 'tampered' ? '文件校验不符（已被篡改），不予显示' : '文件缺失，无法显示', pageText: null };
    const marks = annotations.filter((a) => a.kind === 'redaction');
    // Marks made on an earlier version of a re-imported file: text marks are hidden by their quote
    // (the mask's markedTexts); an area has nothing to find it by, so the file stays off the screen.
    if (marks.some((a) => a.sha256 !== file.sha256 && a.anchor.type === 'area')) return { image: null, imageNote: STALE_AREA, pageText: null };
    const redactions = marks.filter((a) => a.sha256 === file.sha256).flatMap((a) => rectsOn(a, page));
    const zoomTo = highlight ? rectsOn(highlight, page) : [];
    const key = createHash('sha256').update(JSON.stringify([file.sha256, page, mask, redactions, zoomTo])).digest('hex');
    // Shared while in flight: the presenter's navigation starts the rendering (prefetch), the
    // audience window's call then waits for the same work instead of doing it twice.
    let pending = this.pictures.get(key);
    if (!pending) {
      pending = this.render(file, page, { mask, redactions, zoomTo });
      this.pictures.set(key, pending);
    }
    return pending;
  }

  private async render(file: CaseFileView['evidence'][number]['file'], page: number, opts: Parameters<typeof maskedPageImage>[2]): Promise<Picture> {
    const { mask, redactions, zoomTo } = opts;
    let pic: Picture;
    try {
      const r = await maskedPageImage(new Uint8Array(await this.ws.blobs.read(file.sha256)), page, { mask, redactions, zoomTo });
      pic = r.ok
        ? { image: { sha256: await storeDerivedBlob(this.ws, r.png, 'image/png', file.sha256), width: r.width, height: r.height }, imageNote: null, pageText: r.text }
        : { image: null, imageNote: r.reason, pageText: r.text || null };
    } catch (err) {
      // A corrupt or encrypted file: nothing is shown, the presenter sees why.
      pic = { image: null, imageNote: `无法生成该页的遮蔽图像：${(err as Error).message}`, pageText: null };
    }
    return pic;
  }

  /** Starts building the view in the background (after the presenter moved), errors left to the real call. */
  prefetch(id: string): void {
    this.view(id).catch(() => undefined);
  }
}
