// The scenario catalogue and the fixed plan of the first ten demo cases.
import type { Level } from '../fines';
import type { DefectId } from '../model';
import { falseAdvert } from './advert';
import { unfiledDevice } from './device';
import { elevatorOverdue } from './elevator';
import { expiredFood } from './food';
import { purchaseCheck } from './food-records';
import { platformDuty } from './platform';
import { priceFraud } from './price';
import { scaleCheat } from './scale';
import { substandard } from './substandard';
import { trademark } from './trademark';
import type { Scenario } from './types';
import { unlicensed } from './unlicensed';

export const SCENARIOS: readonly Scenario[] = [
  expiredFood,
  falseAdvert,
  unlicensed,
  trademark,
  priceFraud,
  substandard,
  unfiledDevice,
  platformDuty,
  purchaseCheck,
  scaleCheat,
  elevatorOverdue,
];

export function scenarioByKey(key: string): Scenario {
  const s = SCENARIOS.find((x) => x.key === key);
  if (!s) throw new Error(`未知场景：${key}`);
  return s;
}

export interface DemoPlanEntry {
  scenario: string;
  /** Index into allAgencies(). */
  agency: number;
  level: Level;
  defect?: DefectId;
  hearing?: 'held' | 'waived';
  statement?: boolean;
}

/**
 * The first ten cases of every demo set: one per scenario, four with a deliberate defect,
 * the rest clean. Later cases (bench mode) are drawn at random.
 */
export const DEMO_PLAN: readonly DemoPlanEntry[] = [
  { scenario: 'expired-food', agency: 0, level: '从轻', hearing: 'held' },
  { scenario: 'false-advert', agency: 0, level: '从轻', hearing: 'held' },
  { scenario: 'unlicensed', agency: 1, level: '从轻', hearing: 'waived', defect: 'expired_credential' },
  { scenario: 'trademark', agency: 0, level: '从轻', hearing: 'waived', statement: true },
  { scenario: 'price-fraud', agency: 3, level: '一般', defect: 'fine_out_of_range', statement: false },
  { scenario: 'substandard-product', agency: 0, level: '从轻', statement: true },
  { scenario: 'medical-device', agency: 2, level: '一般', defect: 'decision_after_90_days', statement: false },
  { scenario: 'platform-duty', agency: 0, level: '一般', statement: true },
  { scenario: 'purchase-check', agency: 1, level: '从轻', defect: 'missing_notice', statement: false },
  { scenario: 'scale-cheat', agency: 0, level: '一般', statement: true },
];
