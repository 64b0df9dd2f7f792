// 文号 (document numbers of review opinions): blocks handed out per agency and year, and the numbers
// accepted opinions carry. Both are safe with several server instances on one PostgreSQL: a block
// comes from one upsert on the counter row (row lock), a number is claimed by a primary key.
import { and, eq, gte, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx, ServerDb } from '../open';
import { documentNumberBlocks, documentNumberCounters, opinionNumbers } from '../schema';

export interface ReservedBlock {
  agency: string;
  year: number;
  from: number;
  to: number;
}

export type OpinionNumberRow = typeof opinionNumbers.$inferSelect;

/** 马市监法审〔2026〕12号 → { year: 2026, number: 12 }; null for a 文号 in another form. */
export function parseDocumentNumber(text: string): { year: number; number: number } | null {
  const m = /〔(\d{4})〕([1-9]\d{0,8})号$/.exec(text);
  return m ? { year: Number(m[1]), number: Number(m[2]) } : null;
}

export class DocumentNumbersRepo {
  constructor(private readonly db: ServerDb) {}

  /**
   * Hands out the next `count` numbers. The counter starts above any number already accepted that
   * year (opinions numbered by workstations before reservations existed), so a block never repeats one.
   */
  async reserve(req: { agency: string; year: number; count: number; userId: number; deviceId: string; at: Date }): Promise<ReservedBlock> {
    return this.db.transaction(async (tx) => {
      const used = sql`coalesce((select max(${opinionNumbers.number}) from ${opinionNumbers} where ${opinionNumbers.agency} = ${req.agency} and ${opinionNumbers.year} = ${req.year}), 0)`;
      const [row] = await tx
        .insert(documentNumberCounters)
        .values({ agency: req.agency, year: req.year, last: sql`${used} + ${req.count}` })
        .onConflictDoUpdate({ target: [documentNumberCounters.agency, documentNumberCounters.year], set: { last: sql`greatest(${documentNumberCounters.last}, ${used}) + ${req.count}` } })
        .returning({ last: documentNumberCounters.last });
      const to = row!.last;
      const from = to - req.count + 1;
      await tx.insert(documentNumberBlocks).values({ agency: req.agency, year: req.year, first: from, last: to, userId: req.userId, deviceId: req.deviceId, reservedAt: req.at });
      return { agency: req.agency, year: req.year, from, to };
    });
  }

  /** Has the user reserved any block at or before `at`? (Before it: the opinion was numbered the old way.) */
  async reservedBefore(userId: number, at: Date): Promise<boolean> {
    const [row] = await this.db
      .select({ id: documentNumberBlocks.id })
      .from(documentNumberBlocks)
      .where(and(eq(documentNumberBlocks.userId, userId), lte(documentNumberBlocks.reservedAt, at)))
      .limit(1);
    return row !== undefined;
  }

  /** Who holds a block containing the number: the user's own first, else someone else's; null: nobody. */
  async blockHolder(agency: string, year: number, number: number, userId: number): Promise<'own' | 'other' | null> {
    const rows = await this.db
      .select({ userId: documentNumberBlocks.userId })
      .from(documentNumberBlocks)
      .where(and(eq(documentNumberBlocks.agency, agency), eq(documentNumberBlocks.year, year), lte(documentNumberBlocks.first, number), gte(documentNumberBlocks.last, number)));
    if (rows.some((r) => r.userId === userId)) return 'own';
    return rows.length ? 'other' : null;
  }

  /** The accepted opinion other than `clientId` that carries this 文号, if any. */
  async usedByOther(agency: string, documentNumber: string, clientId: string, db: DbOrTx = this.db): Promise<OpinionNumberRow | null> {
    const [row] = await db
      .select()
      .from(opinionNumbers)
      .where(and(eq(opinionNumbers.agency, agency), eq(opinionNumbers.documentNumber, documentNumber), ne(opinionNumbers.clientId, clientId)))
      .limit(1);
    return row ?? null;
  }

  /** Claims the 文号 for an opinion being accepted (inside its transaction); false: another opinion holds it. */
  async claim(db: DbOrTx, row: { agency: string; documentNumber: string; clientId: string; userId: number; at: Date }): Promise<boolean> {
    const parsed = parseDocumentNumber(row.documentNumber);
    const done = await db
      .insert(opinionNumbers)
      .values({ agency: row.agency, documentNumber: row.documentNumber, year: parsed?.year ?? null, number: parsed?.number ?? null, clientId: row.clientId, userId: row.userId, acceptedAt: row.at })
      .onConflictDoNothing()
      .returning({ clientId: opinionNumbers.clientId });
    if (done.length) return true;
    return (await this.usedByOther(row.agency, row.documentNumber, row.clientId, db)) === null;
  }
}
