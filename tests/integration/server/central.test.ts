// The central server on loopback, on embedded PGlite and on a real PostgreSQL server started here
// (initdb + pg_ctl in /tmp). Each suite lives in ./suites and runs against both.
import { afterAll, beforeAll, describe } from 'vitest';
import { startCentral } from '../../helpers/server';
import { startPostgres, type PrivatePostgres } from '../../helpers/server-postgres';
import { authSuite } from './suites/auth.suite';
import { blobSuite } from './suites/blobs.suite';
import type { Env } from './suites/env';
import { feedSuite } from './suites/feed.suite';
import { intakeSuite } from './suites/intake.suite';
import { securitySuite } from './suites/security.suite';
import { submissionSuite } from './suites/submissions.suite';

describe.each(['pglite', 'postgres'] as const)('central server on %s', (kind) => {
  const env = {} as Env;
  let pg: PrivatePostgres | null = null;

  beforeAll(async () => {
    if (kind === 'postgres') pg = await startPostgres();
    env.c = await startCentral(pg ? { databaseUrl: pg.url } : {});
  });

  afterAll(async () => {
    await env.c?.close();
    pg?.stop();
  });

  authSuite(env);
  intakeSuite(env);
  feedSuite(env);
  blobSuite(env);
  submissionSuite(env);
  securitySuite(env);
});
