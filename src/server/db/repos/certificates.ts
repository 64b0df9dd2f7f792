// The certificate registry for reviewer signing keys.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../open';
import { certificates, users } from '../schema';

export type CertificateRow = typeof certificates.$inferSelect & { userName: string };

export class CertificatesRepo {
  constructor(private readonly db: DbOrTx) {}

  async get(keyId: string): Promise<CertificateRow | null> {
    const [row] = await this.db
      .select({
        keyId: certificates.keyId,
        userId: certificates.userId,
        userName: users.name,
        publicKeyPem: certificates.publicKeyPem,
        chainPem: certificates.chainPem,
        status: certificates.status,
        issuedAt: certificates.issuedAt,
        revokedAt: certificates.revokedAt,
        revokeReason: certificates.revokeReason,
      })
      .from(certificates)
      .innerJoin(users, eq(users.id, certificates.userId))
      .where(eq(certificates.keyId, keyId))
      .limit(1);
    return row ?? null;
  }

  /** The row as stored (its defaults filled in); null when the key id is already registered. */
  async insert(row: { keyId: string; userId: number; publicKeyPem: string; chainPem: string }): Promise<typeof certificates.$inferSelect | null> {
    const [done] = await this.db.insert(certificates).values(row).onConflictDoNothing().returning();
    return done ?? null;
  }

  /** The row as revoked; null when there is no such key or it was revoked already. */
  async revoke(keyId: string, reason: string, now: Date): Promise<typeof certificates.$inferSelect | null> {
    const [row] = await this.db
      .update(certificates)
      .set({ status: 'revoked', revokedAt: now, revokeReason: reason })
      .where(and(eq(certificates.keyId, keyId), eq(certificates.status, 'active')))
      .returning();
    return row ?? null;
  }
}
