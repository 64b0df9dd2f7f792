// The dated procedure chain of one case, laid out forward from the lead (线索) with realistic
// gaps in working days, then shifted so that it ends on the chosen 送审 date.
import type { WorkingDayCalendar } from '../../shared/calendar/working-days';
import { addDays, daysBetween } from '../../shared/format/date';
import { addWd, subWd, wdBetween } from './calendar';
import type { CaseDates, HearingState } from './model';
import type { Rng } from './rng';

/** 听证通知 at least this many working days before the hearing (rule data hearingNotice). */
export const HEARING_NOTICE_WORKING_DAYS = 7;

export interface TimelineInput {
  rng: Rng;
  cal: WorkingDayCalendar;
  today: string;
  /** 送审 this many working days before today. */
  submitOffset: number;
  correctionDays?: number;
  testingDays?: [number, number];
  secondInquiry: boolean;
  hearing: HearingState;
  statement: boolean;
  /** The 'decision_after_90_days' defect: stretch the case past 90 days without an extension. */
  overrun: boolean;
}

export interface Timeline {
  dates: CaseDates;
  excluded: { start: string; end: string; reason: string }[];
}

interface Gaps {
  leadToInspect: number;
  inspectToFile: number;
  recheckAfterDeadline: number;
  toInquiry1: number;
  idle: number;
  toSampling: number;
  testing: number;
  toInquiry2: number;
  toConclude: number;
  toNotice: number;
  toRequest: number;
  toHearingNotice: number;
  toHearing: number;
  afterHearing: number;
  toStatement: number;
  toProposed: number;
}

function rollGaps(rng: Rng, t: TimelineInput, scale: number): Gaps {
  const g = (a: number, b: number): number => Math.max(a === 0 ? 0 : 1, Math.round(rng.int(a, b) * scale));
  return {
    leadToInspect: rng.int(0, 2),
    inspectToFile: g(1, 4),
    recheckAfterDeadline: rng.int(1, 2),
    toInquiry1: g(1, 4),
    idle: 0,
    toSampling: rng.int(1, 2),
    testing: t.testingDays ? rng.int(t.testingDays[0], t.testingDays[1]) : 0,
    toInquiry2: g(2, 5),
    toConclude: g(1, 4),
    toNotice: g(1, 3),
    toRequest: rng.int(1, 3),
    toHearingNotice: rng.int(1, 2),
    toHearing: rng.int(6, 8),
    afterHearing: rng.int(2, 4),
    toStatement: rng.int(1, 4),
    toProposed: rng.int(3, 7),
  };
}

/** Forward pass from the lead date; returns the dates and the earliest day the file can be sent. */
function forward(t: TimelineInput, lead: string, g: Gaps): { d: Omit<CaseDates, 'submitted' | 'proposed'>; ready: string; excluded: Timeline['excluded'] } {
  const { cal } = t;
  const excluded: Timeline['excluded'] = [];
  const inspect = addWd(cal, lead, g.leadToInspect);
  const filed = addWd(cal, inspect, g.inspectToFile);
  let correctionDeadline: string | undefined;
  let recheck: string | undefined;
  if (t.correctionDays) {
    correctionDeadline = addDays(inspect, t.correctionDays);
    recheck = addWd(cal, correctionDeadline, g.recheckAfterDeadline);
  }
  const base = recheck && recheck > filed ? recheck : filed;
  const inquiry1 = addWd(cal, base, g.toInquiry1 + g.idle);
  let last = inquiry1;
  let sampling: string | undefined;
  let testReport: string | undefined;
  if (t.testingDays) {
    sampling = addWd(cal, inquiry1, g.toSampling);
    testReport = addWd(cal, sampling, g.testing);
    excluded.push({ start: sampling, end: testReport, reason: '检验（抽样送检至出具检验报告）' });
    last = testReport;
  }
  const inquiry2 = t.secondInquiry ? addWd(cal, last, g.toInquiry2) : undefined;
  if (inquiry2) last = inquiry2;
  const concluded = addWd(cal, last, g.toConclude);
  const notice = addWd(cal, concluded, g.toNotice);
  const d: Omit<CaseDates, 'submitted' | 'proposed'> = { lead, inspect, filed, inquiry1, concluded, notice };
  if (correctionDeadline) d.correctionDeadline = correctionDeadline;
  if (recheck) d.recheck = recheck;
  if (sampling) d.sampling = sampling;
  if (testReport) d.testReport = testReport;
  if (inquiry2) d.inquiry2 = inquiry2;
  // The 5-working-day window for 陈述申辩/听证 must have closed before the file is sent.
  let ready = addWd(cal, notice, 6);
  if (t.hearing === 'held') {
    d.hearingRequested = addWd(cal, notice, g.toRequest);
    d.hearingNotice = addWd(cal, d.hearingRequested, g.toHearingNotice);
    let held = addWd(cal, d.hearingNotice, g.toHearing);
    // Notice ≥ 7 days ahead (处罚法 Art. 64), counted as the P3 check counts them: working days
    // (Art. 85), which also covers 7 calendar days.
    while (wdBetween(cal, d.hearingNotice, held) < HEARING_NOTICE_WORKING_DAYS) held = addWd(cal, held, 1);
    d.hearingHeld = held;
    excluded.push({ start: d.hearingRequested, end: held, reason: '听证（当事人申请听证至听证会结束）' });
    ready = addWd(cal, held, g.afterHearing);
  } else if (t.statement) {
    d.statement = addWd(cal, notice, g.toStatement);
  }
  return { d, ready, excluded };
}

function excludedDays(ex: Timeline['excluded']): number {
  return ex.reduce((s, e) => s + daysBetween(e.start, e.end) + 1, 0);
}

export function buildTimeline(t: TimelineInput): Timeline {
  const { cal, rng } = t;
  const submitted = subWd(cal, t.today, t.submitOffset);
  for (let attempt = 0; attempt < 12; attempt++) {
    const g = rollGaps(rng, t, attempt < 4 ? 1 : 0.7);
    const proposed = addWd(cal, submitted > t.today ? submitted : t.today, g.toProposed);
    for (let round = 0; round < 8; round++) {
      let lead = subWd(cal, submitted, 40);
      let out = forward(t, lead, g);
      // Shift the lead so the chain ends 0–2 working days before 送审. Holidays can make the
      // chain jump (a deadline in calendar days lands in a holiday week), so keep the best
      // non-negative fit seen.
      let best: typeof out | undefined;
      let bestSlack = Infinity;
      for (let i = 0; i < 16; i++) {
        const slack = wdBetween(cal, out.ready, submitted);
        if (slack >= 0 && slack < bestSlack) {
          best = out;
          bestSlack = slack;
        }
        if (slack >= 0 && slack <= 2) break;
        lead = slack > 2 ? addWd(cal, lead, slack - 1) : subWd(cal, lead, 1 - slack + (i > 8 ? 1 : 0));
        out = forward(t, lead, g);
      }
      if (!best || bestSlack > 6) break;
      out = best;
      const counted = daysBetween(out.d.filed, proposed) - excludedDays(out.excluded);
      if (t.overrun) {
        const target = 90 + rng.int(6, 20);
        if (counted < target) {
          g.idle += Math.ceil(((target - counted) * 5) / 7) + 1;
          continue;
        }
      } else if (counted > 85) {
        break; // too long for a clean case: reroll smaller gaps
      }
      return { dates: { ...out.d, submitted, proposed }, excluded: out.excluded };
    }
  }
  throw new Error('无法生成符合要求的程序时间线');
}
