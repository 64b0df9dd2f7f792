// Labels and small formatters of the meeting screens (the contract's own labels come from
// shared/meeting/schema: MEETING_STATE_LABEL, TOPIC_LABEL, ATTENDEE_ROLE_LABEL).
import { chinaDateTime, chinaTime } from '../../../shared/format/date';
import { TOPIC_LABEL, TOPICS, type MeetingState, type Topic } from '../../../shared/meeting/schema';

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
