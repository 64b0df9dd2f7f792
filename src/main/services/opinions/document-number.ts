// 文号 of review opinions: <agency short name>法审〔<year>〕<n>号, numbered per agency and year.
import type { ReviewRepo } from '../../db/repos/reviews';

const key = (agencyCode: string, year: string) => `opinion_number:${agencyCode}:${year}`;

export function peekDocumentNumber(reviews: ReviewRepo, agency: { code: string; shortName: string }, date: string): string {
  const year = date.slice(0, 4);
  const next = (reviews.getSetting<number>(key(agency.code, year)) ?? 0) + 1;
  return `${agency.shortName}法审〔${year}〕${next}号`;
}

/** Consume the number shown by peekDocumentNumber (called when the opinion is signed). */
export function takeDocumentNumber(reviews: ReviewRepo, agency: { code: string }, date: string, now: string): void {
  const year = date.slice(0, 4);
  reviews.setSetting(key(agency.code, year), (reviews.getSetting<number>(key(agency.code, year)) ?? 0) + 1, now);
}
