// Repository of review rounds and workstation settings.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../open';
import * as t from '../schema';

export type ReviewRow = typeof t.reviews.$inferSelect;

export class ReviewRepo {
  constructor(private readonly db: Db) {}

  round(caseId: string, round: number): ReviewRow | undefined {
    return this.db.select().from(t.reviews).where(and(eq(t.reviews.caseId, caseId), eq(t.reviews.round, round))).get();
  }

  /** The round's row, created on first use. */
  ensure(caseId: string, round: number, caseRevisionHash: string, now: string): ReviewRow {
    const existing = this.round(caseId, round);
    if (existing) return existing;
    this.db.insert(t.reviews).values({ id: randomUUID(), caseId, round, caseRevisionHash, startedAt: now, updatedAt: now }).run();
    return this.round(caseId, round)!;
  }

  previous(caseId: string, round: number): ReviewRow | undefined {
    return this.db.select().from(t.reviews).where(and(eq(t.reviews.caseId, caseId), lt(t.reviews.round, round))).orderBy(desc(t.reviews.round)).get();
  }

  update(id: string, set: Partial<Omit<ReviewRow, 'id' | 'caseId' | 'round'>>): void {
    this.db.update(t.reviews).set(set).where(eq(t.reviews.id, id)).run();
  }

  getSetting<T>(key: string): T | null {
    const r = this.db.select().from(t.settings).where(eq(t.settings.key, key)).get();
    return r ? (JSON.parse(r.valueJson) as T) : null;
  }

  deleteSetting(key: string): void {
    this.db.delete(t.settings).where(eq(t.settings.key, key)).run();
  }

  setSetting(key: string, value: unknown, now: string): void {
    const valueJson = JSON.stringify(value);
    this.db.insert(t.settings).values({ key, valueJson, updatedAt: now }).onConflictDoUpdate({ target: t.settings.key, set: { valueJson, updatedAt: now } }).run();
  }
}
