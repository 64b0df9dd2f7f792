// P1 执法主体是否合法: territorial jurisdiction and the agency's power list (权责清单).
import { caseParties } from '../context';
import { citationText, normalizeLawName } from '../law';
import type { Check, FindingDraft } from '../types';
import { basisOf, finding } from '../util';

const JURISDICTION_BASIS = { law: '市场监督管理行政处罚程序规定', article: '第六条', note: '行政处罚由违法行为发生地的县级以上市场监督管理部门管辖（待核实条文）' };

/** Place names an agency covers: from its name (马鞍山市市场监督管理局 → 马鞍山市, 马鞍山) and region when it is a name. */
export function jurisdictionNames(agency: { name: string; region: string }): string[] {
  const names = new Set<string>();
  const fromName = agency.name.replace(/(市场监督管理局|市场监管局|市场监督管理委员会|市场和质量监督管理局|分局)$/, '');
  for (const n of [fromName, /\d/.test(agency.region) ? '' : agency.region]) {
    if (!n || n.length < 2) continue;
    names.add(n);
    // "安徽省马鞍山市" → also "马鞍山市"; and without the trailing 市/区/县 when long enough.
    const last = /(?:省|自治区)(.+)$/.exec(n)?.[1];
    if (last) names.add(last);
    for (const x of [...names]) if (/[市区县旗]$/.test(x) && x.length >= 3) names.add(x.slice(0, -1));
  }
  return [...names];
}

/**
 * Territorial jurisdiction turns on where the violation happened (程序规定第六条), not where the party
 * lives. With the place in the case file it decides; without it (optional in format version 1) the
 * party's address is only a pointer, and the finding says so instead of calling it jurisdiction.
 */
export const checkJurisdiction: Check = ({ pkg }) => {
  const agency = pkg.case.agency;
  const names = jurisdictionNames(agency);
  const level = agency.level === 'province' ? '省级' : agency.level === 'city' ? '设区的市级' : '县级';
  const area = `执法主体：${agency.name}（${level}，辖区：${names.join('/') || agency.region}）`;
  const place = pkg.case.violationPlace;
  if (place) {
    const hit = names.find((n) => place.includes(n));
    const opts = { computation: `${area}；违法行为发生地：${place}`, basis: [JURISDICTION_BASIS], refs: [{ kind: 'field' as const, id: 'case.violationPlace', label: '违法行为发生地' }] };
    return [
      hit
        ? finding('P1', 'P1.territorial', 'ok', `违法行为发生地${place}位于${hit}，在${agency.name}辖区内`, opts)
        : finding('P1', 'P1.territorial', 'warn', `违法行为发生地${place}不在${agency.name}辖区内，请核对是否有指定管辖或应当移送有管辖权的部门`, opts),
    ];
  }
  const out: FindingDraft[] = [];
  for (const party of caseParties(pkg)) {
    const hit = names.find((n) => party.address.includes(n));
    const opts = { computation: `${area}；违法行为发生地：案卷未载明；当事人住所：${party.address}`, basis: [JURISDICTION_BASIS], refs: [{ kind: 'party' as const, id: party.id, label: party.name }] };
    out.push(
      hit
        ? finding('P1', 'P1.territorial', 'ok', `案卷未载明违法行为发生地；当事人${party.name}住所位于${hit}，在${agency.name}辖区内（管辖以违法行为发生地为准，请结合现场检查笔录核对）`, opts)
        : finding('P1', 'P1.territorial', 'warn', `案卷未载明违法行为发生地，当事人${party.name}住所不在${agency.name}辖区内：请核对违法行为发生地是否在本辖区或是否有指定管辖`, opts),
    );
  }
  return out;
};

export const checkPowerList: Check = ({ pkg, rules }) => {
  const powers = rules.powers;
  const out: FindingDraft[] = [];
  const seen = new Set<string>();
  const basis = [basisOf(powers.source, powers.status)];
  pkg.case.proposedDecision.legalBasis.forEach((c, i) => {
    const law = normalizeLawName(c.law);
    if (seen.has(law)) return;
    seen.add(law);
    const ref = { kind: 'field' as const, id: `case.proposedDecision.legalBasis.${i}`, label: citationText(c) };
    const outside = powers.outsideLaws.find((o) => normalizeLawName(o.law) === law);
    if (outside) {
      out.push(finding('P1', 'P1.power-list', 'fail', `处罚依据《${law}》不属于${powers.agencyKind}的职权（${outside.note}）`, { basis, refs: [ref] }));
      return;
    }
    const inList = powers.laws.find((l) => normalizeLawName(l.law) === law);
    if (!inList) {
      out.push(finding('P1', 'P1.power-list', 'warn', `规则数据的权责清单未收录《${law}》，请核对该处罚事项是否在本机关权责清单内`, { basis, refs: [ref] }));
      return;
    }
    if (inList.levels && !inList.levels.includes(pkg.case.agency.level)) {
      out.push(
        finding('P1', 'P1.power-list', 'fail', `《${law}》规定的处罚由${inList.note ?? inList.levels.join('/')}实施，${pkg.case.agency.name}层级不符`, {
          computation: `本机关层级：${pkg.case.agency.level}；可实施层级：${inList.levels.join('、')}`,
          basis,
          refs: [ref],
        }),
      );
      return;
    }
    out.push(finding('P1', 'P1.power-list', 'ok', `《${law}》规定的处罚事项在${powers.agencyKind}权责清单内${inList.note ? `（${inList.note}）` : ''}`, { basis, refs: [ref] }));
  });
  return out;
};
