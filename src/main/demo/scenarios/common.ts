// Helpers shared by the scenario definitions.
import type { EvidenceKind, LegalCitation } from '../../../shared/casefile/schema';
import { daysBetween } from '../../../shared/format/date';
import { cnNum } from '../text';
import type { ScreenSpec } from '../image/spec';
import type { PartyInfo } from '../model';
import type { Person } from '../names';
import type { DocModel } from '../pdf/model';
import type { Rng } from '../rng';
import type { ActKey, EvidenceSpec, FileSpec } from './types';

export const pdf = (build: () => DocModel): FileSpec => ({ type: 'pdf', build });
export const png = (spec: ScreenSpec): FileSpec => ({ type: 'image', format: 'png', spec });

export interface EvInput {
  key: string;
  kind: EvidenceKind;
  title: string;
  source: string;
  act: ActKey;
  proves: string;
  file: FileSpec;
  fileName?: string;
  date?: string;
}

export function ev(i: EvInput): EvidenceSpec {
  return { key: i.key, kind: i.kind, title: i.title, source: i.source, act: i.act, proves: i.proves, fileName: i.fileName ?? i.title, file: i.file, ...(i.date ? { date: i.date } : {}) };
}

/** 你 / 你公司 — how officers address the party in questions. */
export function you(p: PartyInfo): string {
  return p.party.kind === 'natural' ? '你' : '你公司';
}

/** 我 / 我公司 — how the party refers to itself in answers. */
export function me(p: PartyInfo): string {
  return p.party.kind === 'natural' ? '我' : '我公司';
}

/** 当事人 or 当事人（公司） in facts: just the display name. */
export function who(p: PartyInfo): string {
  return p.display;
}

/** The person who answers questions for the party. */
export function respondent(p: PartyInfo): Person {
  return p.agent ?? p.person;
}

export function law(law: string, article: string, clause?: string, text?: string): LegalCitation {
  return { law, article, ...(clause ? { clause } : {}), ...(text ? { text } : {}) };
}

/** Seeded pick of a product-like record. */
export function pickOne<T>(rng: Rng, items: readonly T[]): T {
  return rng.pick(items);
}

/** Round a yuan amount to 2 decimals and return fen. */
export function fenFromYuan(y: number): number {
  return Math.round(y * 100);
}

/** 12.80 from fen (no thousands separators) for table cells. */
export function plain(fen: number): string {
  return (fen / 100).toFixed(2);
}

/** A fictitious supplier company in the same city. */
export function supplierName(rng: Rng, city: string, industry: string): string {
  return `${city}${rng.pick(['万通', '华盛', '永安', '众鑫', '佳禾', '裕丰', '新源', '同创'])}${industry}有限公司`;
}

/** "开了三年多了" from the registration date. */
export function openedFor(registeredOn: string | undefined, on: string): string {
  if (!registeredOn) return '开了没多久';
  const years = Math.floor(daysBetween(registeredOn, on) / 365);
  return years < 1 ? '开了不到一年' : `开了${cnNum(years)}年多了`;
}

/** Generic 从轻 factors. */
export const LENIENT = ['当事人系初次违法', '当事人积极配合调查，如实陈述违法事实并主动提供证据材料', '案发后当事人立即停止违法行为，主动消除违法行为危害后果'];
/** Generic 一般 factors. */
export const ORDINARY = ['违法行为持续时间较短，未造成严重危害后果', '当事人不具有法定从轻、减轻或者从重处罚情节'];
/** Generic 从重 factors. */
export const SEVERE = ['违法行为持续时间较长，涉及消费者人数较多', '执法人员指出后当事人未及时停止违法行为'];
