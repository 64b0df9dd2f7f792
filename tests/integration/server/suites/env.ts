// Shared by the central-server suites: the server under test (set in beforeAll) and case helpers.
import { expect } from 'vitest';
import { buildPackage, tempDir, type BuiltPackage } from '../../../helpers/package-builder';
import type { Client, CentralUnderTest } from '../../../helpers/server';
import { upload } from '../../../helpers/server-fixtures';
import type { FeedPage, IntakeAnswer } from '../../../../src/server/protocol';

export interface Env {
  c: CentralUnderTest;
}

export interface CaseUnderTest {
  pkg: BuiltPackage;
  intake: IntakeAnswer;
  caseId: string;
  caseNumber: string;
  revision: number;
  revisionHash: string;
}

let n = 0;
/** A unique user name per call (suites share one server). */
export const uniqueName = (base: string) => `${base}${++n}`;

export async function importCase(admin: Client, opts: { revision?: number } = {}): Promise<CaseUnderTest> {
  const pkg = await buildPackage(tempDir(), opts);
  const r = await upload(admin, pkg);
  expect(r.status, r.body.toString()).toBe(201);
  const intake = r.json as IntakeAnswer;
  return { pkg, intake, caseId: intake.caseId, caseNumber: intake.caseNumber, revision: intake.revision, revisionHash: intake.revisionHash };
}

export async function assign(admin: Client, caseId: string, user: string): Promise<void> {
  const r = await admin.post(`/v1/admin/cases/${caseId}/assign`, { user });
  expect(r.status, r.body.toString()).toBe(200);
}

/** Every feed entry after `after`, following `more`. */
export async function readFeed(client: Client, after = 0, limit = 100): Promise<FeedPage['entries']> {
  const all: FeedPage['entries'] = [];
  for (;;) {
    const r = await client.get(`/v1/feed?after=${after}&limit=${limit}`);
    expect(r.status, r.body.toString()).toBe(200);
    const page = r.json as FeedPage;
    all.push(...page.entries);
    after = page.next;
    if (!page.more) return all;
  }
}
