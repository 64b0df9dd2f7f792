// Law-enforcement officers (执法人员) with 执法证 numbers and validity periods.
import type { Officer } from '../../shared/casefile/schema';
import { addDays } from '../../shared/format/date';
import { makeName } from './names';
import type { AgencyInfo } from './places';
import { Rng } from './rng';

const PER_UNIT = 4;

function credential(rng: Rng, info: AgencyInfo, from: string): { credentialNo: string; from: string; to: string } {
  const year = from.slice(0, 4);
  // 14 digits: region (6) + year of issue (4) + sequence (4), e.g. 34050120190123.
  const no = `${info.credentialRegion}${year}${String(rng.int(1, 980)).padStart(4, '0')}`;
  // Valid five years (some provinces: until the next 换证).
  return { credentialNo: no, from, to: addDays(from, 5 * 365 + 1) };
}

/**
 * The officers of one handling unit. Stable for a given seed, agency and `today`: every
 * credential is valid from at least two years before `today` to at least a year after, so no
 * clean case can hit an expired one.
 */
export function unitOfficers(seed: string, info: AgencyInfo, unit: string, today: string): Officer[] {
  const rng = new Rng(`${seed}/officers/${info.agency.code}/${unit}`);
  const unitIndex = info.units.indexOf(unit);
  const out: Officer[] = [];
  const used = new Set<string>();
  for (let i = 0; i < PER_UNIT; i++) {
    let name = makeName(rng, rng.chance(0.65));
    while (used.has(name)) name = makeName(rng, rng.chance(0.65));
    used.add(name);
    const from = addDays(today, -rng.int(2 * 365, 3 * 365 + 300));
    const c = credential(rng, info, from);
    out.push({
      id: `off-${info.credentialRegion}-${unitIndex + 1}${String(i + 1).padStart(2, '0')}`,
      name,
      credentialNo: c.credentialNo,
      credentialValidFrom: c.from,
      credentialValidTo: c.to,
      legalQualification: rng.chance(0.3),
      unit: `${info.agency.name}${unit}`,
    });
  }
  return out;
}

/**
 * An officer whose credential ran out on `expiredOn` (the 'expired_credential' defect): a
 * person of the same unit who only appears in that one case.
 */
export function expiredOfficer(rng: Rng, info: AgencyInfo, unit: string, expiredOn: string, caseIndex: number): Officer {
  const from = addDays(expiredOn, -(5 * 365 + 1));
  const c = credential(rng, info, from);
  return {
    id: `off-${info.credentialRegion}-x${caseIndex + 1}`,
    name: makeName(rng, rng.chance(0.6)),
    credentialNo: c.credentialNo,
    credentialValidFrom: from,
    credentialValidTo: expiredOn,
    legalQualification: false,
    unit: `${info.agency.name}${unit}`,
  };
}
