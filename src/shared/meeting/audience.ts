// Builds the audience (shared screen) view from the meeting and the current case's data. Pure;
// the back end calls it before anything leaves for the audience window, so the window only ever
// receives masked strings. Structured identifiers fail closed: a natural person's id number,
// phone or address that the masker does not recognise is replaced by （已隐去）, never shown.
import type { CaseFileView } from '../api/cases';
import { PENALTY_LABEL } from '../casefile/labels';
import { formatYuanText } from '../format/money';
import { maskPersonalData, maskText, type MaskOptions } from '../privacy/mask';
import type { Meeting } from './schema';
import { TOPIC_LABEL, TOPICS, type EvidenceFocus } from './schema';
import { emptyDiscretion } from './discretion';
import type { AudienceView, DiscretionSlide, SlideField, TopicSlide } from './slides';
import { penaltyText } from '../casefile/penalty-text';

export const HIDDEN = '（已隐去）';

/** The raw material of the 关键证据 focus; the back end made `image` from the masked page already. */
export interface EvidenceFocusData {
  focus: EvidenceFocus;
  title: string;
  kind: string;
  /** Highlighted passage, or the page's extracted text (raw: masked here). */
  text: string | null;
  note: string | null;
  image: { sha256: string; width: number; height: number } | null;
  imageNote: string | null;
}

export interface AudienceCaseData {
  caseFile: CaseFileView;
  review: { type: string; text: string; points: { id: string; title: string; decision: 'ok' | 'problem' | 'na' | null; note: string }[] };
  /** Computed only when the 裁量分析 screen is shown (null otherwise). */
  discretion: DiscretionSlide | null;
  evidence: EvidenceFocusData | null;
}

export interface AudienceInput {
  meeting: Meeting;
  /** Names per agenda case (parties and persons named in the case's papers): natural persons → 方某. */
  namesByCase: Record<string, MaskOptions>;
  /** The current agenda case's data (absent when the meeting is not running). */
  current: AudienceCaseData | null;
}

/**
 * Natural persons' names (masked everywhere) and legal persons' names (kept) of a case. The shared
 * screen is stricter than publication: a company's legal representative is masked as well
 * (法定代表人方某), as are agents, signers and the like named in the papers (mask.ts).
 */
export function caseMaskOptions(cf: Pick<CaseFileView, 'parties'>): MaskOptions {
  return {
    naturalPersons: cf.parties.flatMap((p) => (p.kind === 'natural' ? [p.name] : p.legalRepresentative ? [p.legalRepresentative] : [])),
    legalPersons: cf.parties.filter((p) => p.kind !== 'natural').map((p) => p.name),
    maskLegalRepresentatives: true,
  };
}

/**
 * Adds the natural persons the case's own texts name after a personal label (被询问人：韩刚,
 * 证人：…), so that they are masked everywhere on the screen — also where no label precedes them,
 * as in an evidence title like "投诉人韩刚询问笔录".
 */
export function withNamesFrom(opts: MaskOptions, texts: readonly string[]): MaskOptions {
  const names = new Set(opts.naturalPersons ?? []);
  for (const t of texts) for (const sp of maskPersonalData(t, opts).spans) if (sp.kind === 'name') names.add(sp.original.replace(/\s+/g, ''));
  return { ...opts, naturalPersons: [...names] };
}

/** Masks a structured value through its label, failing closed when nothing was recognised. */
function maskLabelled(label: string, value: string, opts: MaskOptions): string {
  const masked = maskText(`${label}：${value}`, opts).slice(label.length + 1);
  return masked === value ? HIDDEN : masked;
}

/** A person's name as the screen shows it, failing closed when the masker left it as it was. */
function maskedName(name: string, m: (s: string) => string): string {
  const masked = m(name);
  return masked === name ? `${name.slice(0, 1)}某` : masked;
}

function summarySlide(cf: CaseFileView, m: (s: string) => string, opts: MaskOptions, name: string): TopicSlide {
  const fields: SlideField[] = [];
  for (const p of cf.parties) {
    if (p.kind === 'natural') {
      // No identifier of a person on the shared screen (UI.md): the discussion needs neither the
      // ID number nor the phone, even masked; the address only down to its district.
      fields.push({ label: '当事人', value: maskedName(p.name, m) });
      fields.push({ label: '住址', value: maskLabelled('住址', p.address, opts) });
    } else {
      // A legal person's name, credit code and domicile are public registration data; its
      // representative is a person and masked like every other on this screen.
      fields.push({ label: '当事人', value: p.name });
      fields.push({ label: '统一社会信用代码', value: m(p.idNumber) });
      fields.push({ label: '住所', value: m(p.address) });
      if (p.legalRepresentative) fields.push({ label: '法定代表人', value: maskedName(p.legalRepresentative, m) });
    }
  }
  fields.push({ label: '案由', value: m(cf.cause) }, { label: '承办机构', value: m(cf.handlingUnit) }, { label: '送审日期', value: cf.procedure.submittedForReviewOn }, { label: '审核轮次', value: `第 ${cf.round} 轮` });
  const d = cf.proposedDecision;
  fields.push({ label: '裁量情节', value: m(d.discretion.level) });
  return {
    topic: 'summary',
    caseNumber: cf.caseNumber,
    caseName: name,
    fields,
    penalties: d.penalties.map((p) => m(penaltyText(p))),
  };
}

const cite = (c: { law: string; article: string; clause?: string | undefined }) => `《${c.law.replace(/^中华人民共和国/, '')}》${c.article}${c.clause ?? ''}`;

function topicSlide(meeting: Meeting, data: AudienceCaseData, topic: (typeof TOPICS)[number], name: string, names: MaskOptions | undefined): TopicSlide {
  const cf = data.caseFile;
  const opts = names ?? caseMaskOptions(cf);
  const m = (s: string) => maskText(s, opts);
  switch (topic) {
    case 'summary':
      return summarySlide(cf, m, opts, name);
    case 'timeline':
      return {
        topic,
        steps: cf.timeline.map((s) => ({ label: s.label, date: s.date, note: s.note === null ? null : m(s.note) })),
        notes: [cf.queue.reviewDueOn ? `审核期限至 ${cf.queue.reviewDueOn}` : null, ...cf.procedure.extensions.map((e) => `延长 ${e.days} 日（${e.approvedOn} 经${m(e.approvedBy)}批准）`), ...cf.procedure.excludedPeriods.map((p) => `不计入期限：${p.start}至${p.end}（${m(p.reason)}）`)].filter((x): x is string => !!x),
      };
    case 'facts':
      return {
        topic,
        paragraphs: m(cf.facts)
          .split(/\n+/)
          .map((p) => p.trim())
          .filter(Boolean),
        violated: cf.proposedDecision.violatedProvisions.map(cite),
        legalBasis: cf.proposedDecision.legalBasis.map(cite),
      };
    case 'evidence': {
      const ev = data.evidence;
      return {
        topic,
        items: cf.evidence.map((e) => ({ id: e.id, kind: e.kind, title: m(e.title), source: m(e.source), collectedOn: e.collectedOn, proves: m(e.proves) })),
        focus: ev
          ? {
              itemId: ev.focus.itemId,
              title: m(ev.title),
              kind: ev.kind,
              page: ev.focus.page ?? null,
              excerpt: ev.text === null ? null : m(ev.text),
              note: ev.note === null ? null : m(ev.note),
              image: ev.image,
              imageNote: ev.imageNote === null ? null : m(ev.imageNote),
            }
          : null,
      };
    }
    case 'review': {
      const problems = data.review.points.filter((p) => p.decision === 'problem');
      const ok = data.review.points.filter((p) => p.decision === 'ok').length;
      return {
        topic,
        opinionType: data.review.type,
        opinionText: m(data.review.text),
        problems: problems.map((p) => ({ point: p.id, title: p.title, note: m(p.note) })),
        summary: `审核要点 ${data.review.points.length} 项：${ok} 项无问题，${problems.length} 项存在问题`,
      };
    }
    case 'discretion': {
      const stated = cf.proposedDecision.discretion;
      const d = data.discretion ?? { ...emptyDiscretion(stated, null), note: '暂时无法生成裁量分析，请对照案件事实核对罚款幅度' };
      return { ...d, statedLevel: m(d.statedLevel), factors: d.factors.map(m), note: d.note === null ? null : m(d.note) };
    }
    case 'decision': {
      const item = meeting.agenda.find((a) => a.caseId === cf.id);
      const agrees = data.review.type === '同意';
      const penalties = cf.proposedDecision.penalties.map((p) => `${PENALTY_LABEL[p.type]}${p.amountFen !== undefined ? ` ${formatYuanText(p.amountFen)}` : ''}`).join('，');
      return {
        topic,
        questions: [`承办机构拟作出：${m(penalties)}（${m(cf.proposedDecision.discretion.level)}）`, `法制审核意见：${data.review.type}${agrees ? '' : `——${m(data.review.text)}`}`],
        options: agrees
          ? ['同意法制审核意见，按拟处罚决定作出行政处罚决定', '不同意拟处罚决定，另行决定（须写明与审核意见不同的理由）', '退回承办机构补充调查']
          : ['采纳法制审核意见，纠正后作出行政处罚决定', '不采纳法制审核意见，维持拟处罚决定（须写明理由）', '退回承办机构补充调查', '不予行政处罚'],
        conclusion: item?.conclusion ? m(item.conclusion.text) : null,
      };
    }
  }
}

export function buildAudienceView(input: AudienceInput): AudienceView {
  const { meeting } = input;
  const pos = meeting.position;
  const agenda = meeting.agenda.map((a, index) => ({
    index,
    caseNumber: a.caseNumber,
    caseName: maskText(a.name, input.namesByCase[a.caseId] ?? {}),
    current: meeting.state === 'running' && pos?.agendaIndex === index,
    concluded: a.conclusion !== null,
  }));
  const banner =
    meeting.state === 'draft' ? '会议尚未开始' : meeting.state === 'running' ? null : `会议已结束（${meeting.agenda.length} 个案件均已形成结论性意见）`;
  const current =
    meeting.state === 'running' && pos && input.current
      ? {
          agendaIndex: pos.agendaIndex,
          topic: pos.topic,
          topicLabel: TOPIC_LABEL[pos.topic],
          topicNumber: TOPICS.indexOf(pos.topic) + 1,
          topicCount: TOPICS.length,
          slide: topicSlide(meeting, input.current, pos.topic, agenda[pos.agendaIndex]?.caseName ?? '', input.namesByCase[input.current.caseFile.id]),
        }
      : null;
  return { meetingId: meeting.id, revision: meeting.revision, title: meeting.title, state: meeting.state, banner, agenda, current };
}
