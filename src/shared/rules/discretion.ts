// Discretion models (DOMAIN.md §1): where a fine sits in its statutory range against the stated
// discretion level. The finding shows the model and the boundaries used.
import type { DiscretionModelId, RuleSet } from './rule-data';
import { yuan } from './util';

export type Zone = '从轻' | '一般' | '从重';

export interface ZoneBounds {
  level: Zone;
  lo: number;
  hi: number;
}

/** Part of the range the model puts in no band (max-only: 20–40 % of the maximum, as recorded). */
export interface ZoneGap {
  lo: number;
  hi: number;
  loPct: number;
  hiPct: number;
}

export interface ModelView {
  model: DiscretionModelId;
  label: string;
  zones: ZoneBounds[];
  gaps: ZoneGap[];
  /** "区间 50,000元–100,000元；从轻 50,000元–65,000元 …" */
  text: string;
}

export const MODEL_LABEL: Record<DiscretionModelId, string> = {
  band: '幅度比例模式（从轻下30%、从重上30%）',
  tier: '分档模式',
  max_only: '仅规定最高限模式',
};

const at = (min: number, span: number, pct: number) => Math.round(min + (span * pct) / 100);

export function discretionZones(rules: RuleSet, model: DiscretionModelId, minFen: number, maxFen: number): ModelView {
  const d = rules.discretion;
  const span = maxFen - minFen;
  let zones: ZoneBounds[];
  const gaps: ZoneGap[] = [];
  let label = MODEL_LABEL[model];
  if (model === 'band') {
    label = `幅度比例模式（从轻为下${d.band.lightPct}%，从重为上${d.band.heavyPct}%）`;
    const l = at(minFen, span, d.band.lightPct);
    const u = at(minFen, span, 100 - d.band.heavyPct);
    zones = [
      { level: '从轻', lo: minFen, hi: l },
      { level: '一般', lo: l, hi: u },
      { level: '从重', lo: u, hi: maxFen },
    ];
  } else if (model === 'tier') {
    const n = d.tier.tiers;
    const geometric = minFen > 0 && maxFen / minFen >= d.tier.geometricWhenRatioAtLeast;
    const bounds = Array.from({ length: n + 1 }, (_, k) =>
      k === 0 ? minFen : k === n ? maxFen : geometric ? Math.round(minFen * (maxFen / minFen) ** (k / n)) : at(minFen, span, (100 * k) / n),
    );
    const mid = Math.floor((n - 1) / 2);
    label = `分档模式（${n}档，${geometric ? '按倍数分档' : '等分'}；一般为中档，从轻低于中档，从重不低于中档）`;
    zones = [
      { level: '从轻', lo: bounds[0]!, hi: bounds[mid]! },
      { level: '一般', lo: bounds[mid]!, hi: bounds[mid + 1]! },
      { level: '从重', lo: bounds[mid]!, hi: bounds[n]! },
    ];
    const tiers = bounds.slice(0, n).map((b, k) => `第${k + 1}档 ${yuan(b)}–${yuan(bounds[k + 1]!)}`).join('，');
    return { model, label, zones, gaps, text: `${tiers}；${zoneText(zones)}` };
  } else {
    const m = d.maxOnly;
    // The benchmark as recorded (DOMAIN.md §1) sets only 从轻 ≤ 20 % and 一般 40–60 %: what lies
    // between is shown as unassigned, not guessed into a band.
    const pairs: [number, number][] = [
      [m.lightMaxPct, m.normalMinPct],
      [m.normalMaxPct, m.heavyMinPct],
    ];
    for (const [a, b] of pairs) if (a < b) gaps.push({ lo: at(minFen, span, a), hi: at(minFen, span, b), loPct: a, hiPct: b });
    const unassigned = gaps.map((g) => `${g.loPct}%–${g.hiPct}%未划档`).join('，');
    label = `仅规定最高限模式（从轻≤${m.lightMaxPct}%，一般${m.normalMinPct}%–${m.normalMaxPct}%，从重≥${m.heavyMinPct}%${unassigned ? `；${unassigned}` : ''}）`;
    zones = [
      { level: '从轻', lo: minFen, hi: at(minFen, span, m.lightMaxPct) },
      { level: '一般', lo: at(minFen, span, m.normalMinPct), hi: at(minFen, span, m.normalMaxPct) },
      { level: '从重', lo: at(minFen, span, m.heavyMinPct), hi: maxFen },
    ];
  }
  const gapText = gaps.map((g) => `最高限的${g.loPct}%–${g.hiPct}%（${yuan(g.lo)}–${yuan(g.hi)}）裁量基准未规定档次`).join('，');
  return { model, label, zones, gaps, text: `${zoneText(zones)}${gapText ? `；${gapText}` : ''}` };
}

function zoneText(zones: ZoneBounds[]): string {
  return zones.map((z) => `${z.level} ${yuan(z.lo)}–${yuan(z.hi)}`).join('，');
}

/** Position of the fine in [min, max] as a percentage with one decimal. */
export function positionPct(fine: number, minFen: number, maxFen: number): string {
  if (maxFen === minFen) return '100%';
  const permille = Math.round(((fine - minFen) * 1000) / (maxFen - minFen));
  return `${(permille / 10).toFixed(1)}%`;
}

export function zoneOf(zones: ZoneBounds[], level: Zone): ZoneBounds {
  return zones.find((z) => z.level === level)!;
}
