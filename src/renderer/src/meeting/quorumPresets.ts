// The common quorum shares as presets of the set-up form; anything else is entered as a fraction.
import type { QuorumRule } from '../../../shared/meeting/quorum';

type Fraction = QuorumRule['fraction'];

export const QUORUM_PRESETS = {
  majority: { label: '过半数', fraction: { numerator: 1, denominator: 2, moreThan: true } },
  half: { label: '半数以上', fraction: { numerator: 1, denominator: 2, moreThan: false } },
  twoThirds: { label: '三分之二以上', fraction: { numerator: 2, denominator: 3, moreThan: false } },
  all: { label: '全体', fraction: { numerator: 1, denominator: 1, moreThan: false } },
} as const satisfies Record<string, { label: string; fraction: Fraction }>;

export type QuorumPreset = keyof typeof QUORUM_PRESETS | 'custom';

export function presetOf(f: Fraction): QuorumPreset {
  for (const [k, p] of Object.entries(QUORUM_PRESETS)) {
    if (p.fraction.numerator === f.numerator && p.fraction.denominator === f.denominator && p.fraction.moreThan === f.moreThan) return k as QuorumPreset;
  }
  return 'custom';
}
