// Reviewer keys and timestamps between workstation and central system (pure zod): the central
// system's settings for workstations (GET /v1/config), certificate answers as the workstation checks
// them, and the owner's revocation request (POST /v1/certificates/:keyId/revoke).
import { z } from 'zod';
import type { CertificateAnswer } from './protocol';
import { BundleSignerInfo } from './case-bundle-manifest';

/** What a workstation learns from its central system besides the feed. */
export interface CentralConfig {
  /**
   * The agency's RFC 3161 timestamp authority: an absolute http(s) URL, or a path on the central
   * server itself ("/v1/tsa", its development TSA); null when the agency runs none.
   */
  tsaUrl: string | null;
  /** Roots the central system trusts for reviewer certificates and timestamps (PEM). */
  trustAnchors: string[];
  /** POST /v1/certificates issues certificates (the server acts as CA). */
  enrolment: boolean;
  /** The key that signs the case bundles the server makes (absent from servers before it). */
  bundleSigner?: BundleSignerInfo | null;
}

const pem = z.string().min(40).max(20_000);

export const CentralConfigAnswer = z.object({
  tsaUrl: z
    .string()
    .max(2000)
    .refine((u) => u.startsWith('/') || /^https?:\/\//i.test(u), '时间戳服务地址须为 http(s) 地址或本服务器上的路径')
    .nullable(),
  trustAnchors: z.array(pem).max(20),
  enrolment: z.boolean(),
  bundleSigner: BundleSignerInfo.nullable().optional(),
}) satisfies z.ZodType<CentralConfig>;

export const CertificateAnswerSchema = z.object({
  keyId: z.string().regex(/^[0-9a-f]{32}$/),
  user: z.string().max(200),
  status: z.enum(['active', 'revoked']),
  chainPem: z.string().max(60_000),
  issuedAt: z.string().max(64),
  revokedAt: z.string().max(64).nullable(),
  revokeReason: z.string().max(2000).nullable(),
}) satisfies z.ZodType<CertificateAnswer>;

/** The reviewer revoking their own key (an admin uses /v1/admin/certificates/:keyId/revoke). */
export const KeyRevocationRequest = z.object({ reason: z.string().trim().min(2, '请填写吊销原因').max(200) });
export type KeyRevocationRequest = z.infer<typeof KeyRevocationRequest>;
