// Labels and small formatters of the meeting screens (the contract's own labels come from
// shared/meeting/schema: MEETING_STATE_LABEL, TOPIC_LABEL, ATTENDEE_ROLE_LABEL).
import { chinaDateTime, chinaTime } from '../../../shared/format/date';
import { safeFileName } from '../opinion/labels';
import { OPINION_TEXT_MAX, TOPIC_LABEL, TOPICS, type MeetingState, type Topic } from '../../../shared/meeting/schema';

/** Tag tone of each state: colour only where it means something (blue = live, amber = still to sign, green = done). */
export const STATE_TONE: Record<MeetingState, 'default' | 'blue' | 'warning' | 'success'> = {
  draft: 'default',
  // The preset blue (not 'processing', whose light blue text fails 4.5:1 on its background).
  running: 'blue',
  ended: 'warning',
  signed: 'success',
};

/** "14:05" in China time, or "—". */
export function clock(at: string | null): string {
  return at ? chinaTime(at) : '—';
}

/** "2026-11-23 14:05" in China time, or "—". */
export function stamp(at: string | null): string {
  return at ? chinaDateTime(at) : '—';
}

/** Minutes between two timestamps, e.g. "1 小时 12 分". */
export function duration(from: string, to: string): string {
  const min = Math.max(0, Math.round((new Date(to).getTime() - new Date(from).getTime()) / 60000));
  return min >= 60 ? `${Math.floor(min / 60)} 小时 ${min % 60} 分` : `${min} 分钟`;
}

export interface Step {
  agendaIndex: number;
  topic: Topic;
}

/** Every screen of the meeting in order: each agenda case through every topic. */
export function steps(caseCount: number): Step[] {
  return Array.from({ length: caseCount }, (_, agendaIndex) => TOPICS.map((topic) => ({ agendaIndex, topic }))).flat();
}

export function stepIndex(all: Step[], at: Step): number {
  return all.findIndex((s) => s.agendaIndex === at.agendaIndex && s.topic === at.topic);
}

export function stepLabel(s: Step, total: number): string {
  return `${total > 1 ? `第 ${s.agendaIndex + 1} 案 · ` : ''}${TOPIC_LABEL[s.topic]}`;
}

export const OPINION_TONE = { 同意: 't-ok', 不同意: 't-fail', 补充意见: 't-warn' } as const;

/**
 * The presenter's count of heads who have spoken on a case, out of the heads present (出席), with
 * the minimum the quorum rule asks — never the minimum as the denominator ("4/3").
 */
export function voicedText(voiced: number, present: number, required: number): string {
  return `负责人已发表意见 ${voiced}/${present} 人（至少 ${required} 人）`;
}

/** The length the record checks (the text is trimmed before it is kept). */
export const opinionLength = (text: string): number => text.trim().length;

/** What to tell the recorder about an opinion's length: nothing below the limit. */
export function opinionLengthNote(text: string, max = OPINION_TEXT_MAX): string | null {
  const n = opinionLength(text);
  if (n > max) return `意见共 ${n} 字，超过 ${max} 字的上限，请删减 ${n - max} 字；删减前不会记录`;
  if (n === max) return `已达 ${max} 字上限`;
  return null;
}

/**
 * One pattern for every copy of a case's minutes, preview or signed, as the opinion's files:
 * 集体讨论记录_<案号>.pdf (unsigned preview: _预览.pdf), .docx, _提交件.json.
 */
export function minutesFileName(caseNumber: string, kind: 'pdf' | 'docx' | 'submission', signed: boolean): string {
  const base = `集体讨论记录_${safeFileName(caseNumber)}`;
  if (kind === 'submission') return `${base}_提交件.json`;
  return kind === 'pdf' && !signed ? `${base}_预览.pdf` : `${base}.${kind}`;
}
