// Builds the internal model of one case: scenario, agency, party, officers, dates, fine, defects.
import type { WorkingDayCalendar } from '../../shared/calendar/working-days';
import type { Officer } from '../../shared/casefile/schema';
import { addDays, daysBetween } from '../../shared/format/date';
import { decideFine, hearingEligible, outOfRange, type Level } from './fines';
import { DEFECTS, type Act, type CaseCtx, type DefectId, type HearingState } from './model';
import { makeName, makePerson } from './names';
import { expiredOfficer, unitOfficers } from './officers';
import { makeParty } from './party';
import { agencyWeights, allAgencies, districtForUnit, makeAddress } from './places';
import { Rng } from './rng';
import { DEMO_PLAN, scenarioByKey, SCENARIOS } from './scenarios';
import { buildTimeline } from './timeline';
import { rmbUpper, yuan } from './text';

const DEMO_OFFSETS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12];
const LEVELS: [Level, number][] = [['从轻', 45], ['一般', 45], ['从重', 10]];
const DEFECT_RATE = 0.2;

export interface BuildInput {
  seed: string;
  index: number;
  today: string;
  cal: WorkingDayCalendar;
}

function approvers(seed: string, agencyCode: string, unit: string, avoid: Set<string>): CaseCtx['approvers'] {
  const r = new Rng(`${seed}/approvers/${agencyCode}/${unit}`);
  const pick = (): string => {
    let n = makeName(r, r.chance(0.7));
    while (avoid.has(n)) n = makeName(r, r.chance(0.7));
    avoid.add(n);
    return n;
  };
  return { unitHead: pick(), leader: pick(), legalHead: pick(), hearingMember: pick(), clerk: pick() };
}

function pairs(officers: Officer[]): (k: number) => Officer[] {
  if (officers.length <= 2) return () => officers;
  const [a, b, c] = officers as [Officer, Officer, Officer];
  const rot = [[a, b], [a, c], [a, b], [b, c], [a, c]];
  return (k) => rot[k % rot.length]!;
}

/** Build one case (numbers are assigned afterwards by assignCaseNumbers). */
export function buildCase(input: BuildInput): CaseCtx {
  const { seed, index, today, cal } = input;
  const rng = new Rng(`${seed}/case/${index}`);
  const demo = index < DEMO_PLAN.length ? DEMO_PLAN[index] : undefined;
  const scenario = demo ? scenarioByKey(demo.scenario) : rng.pick(SCENARIOS);
  const info = demo ? allAgencies()[demo.agency]! : rng.weighted(agencyWeights());
  const unit = rng.pick(info.units);
  const district = districtForUnit(info, unit, rng);
  const party = makeParty(rng.fork('party'), scenario, info, district, today);
  const witness = makePerson(rng.fork('witness'), { region: district.code, address: makeAddress(rng, district), minAge: 22, maxAge: 70, today });

  const defects: DefectId[] = demo?.defect ? [demo.defect] : [];
  if (!demo && rng.chance(DEFECT_RATE)) defects.push(rng.pick(DEFECTS));

  const drawn = scenario.draw(rng.fork('amounts'));
  const level = demo?.level ?? rng.weighted(LEVELS);
  // The amount is fixed here (it decides hearing rights and so the dates); the wording of the
  // reasons is redone once the scenario's own factors are known (same stream → same amount).
  const fineFor = (extra: string[]) => {
    const f = decideFine(rng.fork('fine'), drawn.range, scenario.model, level, extra, scenario.correctionDays !== undefined);
    if (defects.includes('fine_out_of_range')) {
      f.amountFen = outOfRange(rng.fork('oor'), drawn.range);
      f.reason = f.reason.replace(/拟罚款[^。]*。$/, `拟罚款${yuan(f.amountFen)}。`);
    }
    return f;
  };
  const draft = fineFor([]);
  const eligible = hearingEligible(scenario.partyKind, draft.amountFen);
  const hearing: HearingState = !eligible ? 'none' : (demo?.hearing ?? (rng.chance(0.5) ? 'held' : 'waived'));
  const statementMade = hearing !== 'held' && (demo ? demo.statement ?? true : rng.chance(0.5));
  const correction = scenario.correctionDays;
  const secondInquiry = !(correction && hearing === 'held') && (scenario.testingDays ? true : rng.chance(0.35));

  const offsets = new Rng(`${seed}/offsets`).shuffle(DEMO_OFFSETS);
  const { dates, excluded } = buildTimeline({
    rng: rng.fork('timeline'),
    cal,
    today,
    submitOffset: index < offsets.length ? offsets[index]! : rng.int(0, 14),
    ...(correction ? { correctionDays: correction } : {}),
    ...(scenario.testingDays ? { testingDays: scenario.testingDays } : {}),
    secondInquiry,
    hearing,
    statement: statementMade,
    overrun: defects.includes('decision_after_90_days'),
  });

  const pool = unitOfficers(seed, info, unit, today);
  let officers = rng.sample(pool, rng.chance(0.3) ? 3 : 2);
  if (defects.includes('expired_credential')) {
    const gap = daysBetween(dates.inspect, dates.inquiry1);
    const expiredOn = gap >= 2 ? addDays(dates.inquiry1, -rng.int(1, Math.min(10, gap - 1))) : addDays(dates.inspect, -rng.int(3, 20));
    officers = [officers[0]!, expiredOfficer(rng.fork('expired'), info, unit, expiredOn, index)];
  }
  const pair = pairs(officers);
  const mk = (name: string, date: string | undefined, k: number): Act | undefined => (date ? { name, date, officers: pair(k) } : undefined);
  const acts: CaseCtx['acts'] = {
    inspect: mk('现场检查', dates.inspect, 0),
    recheck: mk('复查', dates.recheck, 1),
    inquiry1: mk('询问', dates.inquiry1, 2),
    sampling: mk('抽样', dates.sampling, 3),
    inquiry2: mk('询问', dates.inquiry2, 4),
    notice: mk('送达告知书', dates.notice, 0),
    statement: mk('听取陈述申辩', dates.statement, 1),
    hearing: mk('听证', dates.hearingHeld, 0),
  };
  const names = (k: keyof CaseCtx['acts']): Officer[] => acts[k]?.officers ?? officers;
  const details = drawn.details({
    rng: rng.fork('details'),
    party,
    dates,
    info,
    witness,
    officerLine: (k) => names(k).map((o) => `${o.name}（执法证号：${o.credentialNo}）`).join('、'),
    officerNames: (k) => names(k).map((o) => o.name).join('、'),
  });
  const fine = fineFor(level === '从轻' ? details.factors : details.factors.slice(0, 1));
  const penalties = [...details.extraPenalties, { type: 'fine' as const, amountFen: fine.amountFen, description: `罚款${yuan(fine.amountFen)}（${rmbUpper(fine.amountFen)}）` }];
  const avoid = new Set([...officers.map((o) => o.name), party.person.name]);

  return {
    index,
    seed,
    today,
    caseId: rng.fork('id').uuid(),
    caseNumber: '',
    year: Number(dates.filed.slice(0, 4)),
    seq: 0,
    scenario,
    details,
    info,
    unit,
    officers,
    acts,
    party,
    witness,
    dates,
    excluded,
    amounts: drawn.amounts,
    fine,
    penalties,
    violated: scenario.violated,
    basis: scenario.basis,
    hearing,
    statementMade,
    defects,
    docNo: { notice: '' },
    approvers: approvers(seed, info.agency.code, unit, avoid),
  };
}

/** Case numbers per agency and filing year, increasing with the filing date; document numbers follow. */
export function assignCaseNumbers(seed: string, cases: CaseCtx[]): void {
  const groups = new Map<string, CaseCtx[]>();
  for (const c of cases) {
    const key = `${c.info.agency.shortName}/${c.year}`;
    const list = groups.get(key) ?? [];
    list.push(c);
    groups.set(key, list);
  }
  for (const [key, list] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const rng = new Rng(`${seed}/numbers/${key}`);
    let seq = rng.int(120, 260);
    list.sort((a, b) => (a.dates.filed < b.dates.filed ? -1 : a.dates.filed > b.dates.filed ? 1 : a.index - b.index));
    for (const c of list) {
      seq += rng.int(1, 5);
      const short = c.info.agency.shortName;
      c.seq = seq;
      c.caseNumber = `${short}处罚〔${c.year}〕${seq}号`;
      c.docNo = { notice: `${short}罚告〔${c.dates.notice.slice(0, 4)}〕${seq}号` };
      if (c.dates.hearingNotice) c.docNo.hearingNotice = `${short}听通〔${c.dates.hearingNotice.slice(0, 4)}〕${seq}号`;
      if (c.details.correction) c.docNo.correction = `${short}责改〔${c.dates.inspect.slice(0, 4)}〕${rng.int(20, 400)}号`;
    }
  }
}
