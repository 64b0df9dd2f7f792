// Repository of annotations: highlights, notes (incl. media time notes) and redaction marks.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../open';
import * as t from '../schema';
import { AnchorSchema, type Annotation, type AnnotationKind, type Anchor, type ReviewPointId } from '../../../shared/api/evidence';

type Row = typeof t.annotations.$inferSelect;

function toAnnotation(r: Row): Annotation {
  return {
    id: r.id,
    caseId: r.caseId,
    itemId: r.itemId,
    sha256: r.sha256 ?? '',
    kind: r.kind,
    anchor: AnchorSchema.parse(JSON.parse(r.anchorJson)),
    note: r.note,
    reviewPoint: (r.reviewPoint as ReviewPointId | null) ?? null,
    redactionReason: r.redactionReason ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export interface NewAnnotation {
  caseId: string;
  itemId: string;
  sha256: string;
  kind: AnnotationKind;
  anchor: Anchor;
  note: string;
  reviewPoint: ReviewPointId | null;
  redactionReason: 'personal' | 'trade_secret' | null;
}

export class AnnotationRepo {
  constructor(private readonly db: Db) {}

  list(caseId: string, itemId?: string): Annotation[] {
    const where = itemId ? and(eq(t.annotations.caseId, caseId), eq(t.annotations.itemId, itemId)) : eq(t.annotations.caseId, caseId);
    return this.db.select().from(t.annotations).where(where).orderBy(t.annotations.createdAt).all().map(toAnnotation);
  }

  get(id: string): Annotation | null {
    const r = this.db.select().from(t.annotations).where(eq(t.annotations.id, id)).get();
    return r ? toAnnotation(r) : null;
  }

  create(a: NewAnnotation, now: string): Annotation {
    const id = randomUUID();
    const page = 'page' in a.anchor ? a.anchor.page : null;
    this.db
      .insert(t.annotations)
      .values({ id, caseId: a.caseId, itemId: a.itemId, sha256: a.sha256, kind: a.kind, page, anchorJson: JSON.stringify(a.anchor), note: a.note, reviewPoint: a.reviewPoint, redactionReason: a.redactionReason, createdAt: now, updatedAt: now })
      .run();
    return this.get(id)!;
  }

  update(id: string, patch: { note?: string | undefined; reviewPoint?: ReviewPointId | null | undefined; redactionReason?: 'personal' | 'trade_secret' | null | undefined }, now: string): Annotation | null {
    const set: Partial<Row> = { updatedAt: now };
    if (patch.note !== undefined) set.note = patch.note;
    if (patch.reviewPoint !== undefined) set.reviewPoint = patch.reviewPoint;
    if (patch.redactionReason !== undefined) set.redactionReason = patch.redactionReason;
    this.db.update(t.annotations).set(set).where(eq(t.annotations.id, id)).run();
    return this.get(id);
  }

  delete(id: string): boolean {
    return this.db.delete(t.annotations).where(eq(t.annotations.id, id)).run().changes > 0;
  }
}
