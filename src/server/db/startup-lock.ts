// Several instances of one deployment share a PostgreSQL database and a data folder, and an
// orchestrator may start them all at the same moment. What each makes on a first start — the
// schema (drizzle's migrator takes no lock of its own: two `CREATE TABLE`s race and one instance
// dies), the first admin, the development CA, the TSA's key and the bundle key — must be made once
// and then read by the others. A session-level advisory lock on its own connection serialises the
// start-ups: the first makes everything, the next ones wait and find it made. PGlite is one
// process (its folder is locked by acquireDataLock), so it needs nothing more.
import pg from 'pg';
import { ADVISORY_LOCKS } from './open';

const STARTUP_LOCK = ADVISORY_LOCKS.startup;

export async function withStartupLock<T>(url: string | undefined, start: () => Promise<T>, onWait: () => void = () => {}): Promise<T> {
  if (!url) return start();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const free = await client.query<{ got: boolean }>('select pg_try_advisory_lock($1) as got', [STARTUP_LOCK]);
    if (!free.rows[0]?.got) {
      onWait();
      await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    }
    try {
      return await start();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]);
    }
  } finally {
    // Ending the session releases the lock too, should the unlock itself have failed.
    await client.end();
  }
}
