// 集体讨论记录: the minutes content model → document blocks (DOMAIN.md §6: case name; start/end
// time; place; host; reporter; recorder; attendees with posts; the discussion; each attendee's
// opinion; conclusion; attendee signatures). Rendered by the same .docx/PDF pipeline as the
// opinion (../opinion/render-docx.ts, render-pdf.ts).
import { chinaDateTime, formatDateCn, formatDateOfficial } from '../../../shared/format/date';
import type { MinutesContent } from '../../../shared/meeting/minutes-content';
import { OPINION_KIND_LABEL } from '../../../shared/meeting/schema';
import { cleanBlocks, cleanText, type DocBlock, type DocModel } from '../opinion/blocks';
import { cnNumber, shortHash } from '../opinion/sections';

export const MINUTES_TITLE = '案件集体讨论记录';

const OPINION_END = /[。！？；…」』”）)]$/;
const sentence = (s: string) => {
  const t = s.trim();
  return !t || OPINION_END.test(t) ? t : `${t}。`;
};
const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
const withPost = (p: { name: string; post: string }) => `${p.name}（${p.post}）`;

/** "2026年11月23日 9:30至11:05" in China time (the date once when both are the same day). */
export function meetingTimeText(startedAt: string, endedAt: string): string {
  const [d1, t1] = chinaDateTime(startedAt).split(' ') as [string, string];
  const [d2, t2] = chinaDateTime(endedAt).split(' ') as [string, string];
  const hm = (t: string) => t.replace(/^0(\d)/, '$1');
  return d1 === d2 ? `${formatDateCn(d1)} ${hm(t1)}至${hm(t2)}` : `${formatDateCn(d1)} ${hm(t1)}至${formatDateCn(d2)} ${hm(t2)}`;
}

export function minutesFootnote(c: MinutesContent, contentHash?: string): string {
  const parts = [`集体讨论记录 ${c.minutesId}`, `议题 ${c.meeting.agendaNumber}/${c.meeting.agendaLength}`];
  if (contentHash) parts.push(`SHA-256 ${shortHash(contentHash)}`);
  return parts.join(' · ');
}

const samePerson = (a: { name: string; post: string }, b: { name: string; post: string }) => a.name === b.name && a.post === b.post;
/** "同意法制审核意见。" and the words said: what is agreed is named (the review's type is in 二、). */
const opinionText = (o: MinutesContent['opinions'][number]) => `${OPINION_KIND_LABEL[o.kind]}。${o.text ? sentence(o.text) : ''}`;

/**
 * 四、出席人员意见: each head taking part in the decision (出席), in the attendee order, with the
 * opinion recorded or 未发表意见; then, apart, what 列席 attendees (no vote) said. The content lists
 * opinions by name and post; an attendee is entered once (the set-up refuses repeated names).
 */
function attendeeOpinions(c: MinutesContent): DocBlock[] {
  const members = c.attendees.filter((a) => a.role === 'member');
  const observers = c.attendees.filter((a) => a.role === 'observer');
  const said = (p: { name: string; post: string }) => c.opinions.find((o) => samePerson(o, p));
  // An opinion of someone not on the attendee list (not made by the workstation) is still printed.
  const others = c.opinions.filter((o) => !c.attendees.some((a) => samePerson(a, o)));
  const heads: DocBlock[] = [
    ...members.map((a): DocBlock => {
      const o = said(a);
      return { kind: 'para', text: `${withPost(a)}：${o ? opinionText(o) : '未发表意见。'}` };
    }),
    ...others.map((o): DocBlock => ({ kind: 'para', text: `${withPost(o)}：${opinionText(o)}` })),
  ];
  const listeners = observers.flatMap((a): DocBlock[] => {
    const o = said(a);
    return o ? [{ kind: 'para', text: `${withPost(a)}：${opinionText(o)}` }] : [];
  });
  return [
    ...(heads.length ? heads : [{ kind: 'para', text: '（无）' } as DocBlock]),
    ...(listeners.length ? [{ kind: 'para', text: '列席人员意见：' } as DocBlock, ...listeners] : []),
  ];
}

export function minutesDocument(c: MinutesContent, opts: { contentHash?: string } = {}): DocModel {
  const members = c.attendees.filter((a) => a.role === 'member');
  const observers = c.attendees.filter((a) => a.role === 'observer');
  const opinionBlocks = attendeeOpinions(c);
  const blocks: DocBlock[] = [
    { kind: 'masthead', text: c.agency.name },
    { kind: 'title', text: MINUTES_TITLE },
    { kind: 'blank' },
    { kind: 'kv', label: '案件名称', value: c.case.name },
    { kind: 'kv', label: '案号', value: c.case.caseNumber },
    { kind: 'kv', label: '案由', value: c.case.cause },
    { kind: 'kv', label: '承办机构', value: c.case.handlingUnit },
    { kind: 'kv', label: '讨论时间', value: meetingTimeText(c.meeting.startedAt, c.meeting.endedAt) },
    { kind: 'kv', label: '地点', value: c.meeting.place },
    { kind: 'kv', label: '主持人', value: withPost(c.host) },
    { kind: 'kv', label: '汇报人', value: withPost(c.reporter) },
    { kind: 'kv', label: '记录人', value: withPost(c.recorder) },
    { kind: 'kv', label: '出席人员', value: members.map(withPost).join('、') || '（无）' },
    ...(observers.length ? [{ kind: 'kv', label: '列席人员', value: observers.map(withPost).join('、') } as DocBlock] : []),
    { kind: 'kv', label: '出席情况', value: `${sentence(c.quorum.text)}${c.quorum.met ? '' : '未达到规定人数。'}` },
    { kind: 'heading', level: 1, text: '一、拟处罚决定' },
    { kind: 'kv', label: '拟处罚内容', value: sentence(c.proposedDecision.penalties.join('；')) },
    { kind: 'kv', label: '处罚依据', value: sentence(c.proposedDecision.legalBasis.join('，')) },
    { kind: 'kv', label: '裁量情况', value: sentence(c.proposedDecision.discretion) },
    { kind: 'heading', level: 1, text: '二、法制审核意见' },
    { kind: 'para', text: `第${cnNumber(c.review.round)}轮法制审核意见：${c.review.type}。` },
    ...paragraphs(c.review.text).map((text): DocBlock => ({ kind: 'para', text })),
    { kind: 'heading', level: 1, text: '三、讨论情况' },
    ...(paragraphs(c.discussion).length ? paragraphs(c.discussion).map((text): DocBlock => ({ kind: 'para', text })) : [{ kind: 'para', text: '（无）' } as DocBlock]),
    { kind: 'heading', level: 1, text: '四、出席人员意见' },
    ...opinionBlocks,
    { kind: 'heading', level: 1, text: '五、结论性意见' },
    ...paragraphs(c.conclusion.text).map((text): DocBlock => ({ kind: 'para', text })),
    c.conclusion.followsReview
      ? { kind: 'para', text: '本结论与法制审核意见一致。' }
      : { kind: 'kv', label: '与法制审核意见不同的理由', value: sentence(c.conclusion.differingReason ?? '') },
    { kind: 'heading', level: 1, text: '六、出席人员签名' },
    // The heads who took part in the decision sign; 列席 attendees (no vote) are listed above, unsigned.
    // Their lines stay on one page with the heading and the host's and recorder's signatures.
    ...members.map((a): DocBlock => ({ kind: 'kv', label: withPost(a), value: '', keepWithNext: true })),
    {
      kind: 'signature',
      signers: c.signers.map((s) => ({ label: s.role === 'host' ? '主持人' : '记录人', name: s.name })),
      date: formatDateOfficial(c.meeting.date),
      box: true,
    },
  ];
  return {
    meta: {
      title: `${MINUTES_TITLE} ${c.case.caseNumber}`,
      subject: `${c.case.name}（${c.case.caseNumber}）`,
      author: `${c.agency.name} ${c.recorder.name}`,
      keywords: [c.case.caseNumber, c.minutesId, c.meetingId],
    },
    blocks: cleanBlocks(blocks),
    footnote: cleanText(minutesFootnote(c, opts.contentHash)),
  };
}
