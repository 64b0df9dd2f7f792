// Child process for the migration crash test: migrates <dataDir> with its key file and, when
// asked, kills itself with SIGKILL right after the N-th durable step (no clean-up runs).
import { devKeySync } from '../../src/main/services/cache-crypto/keyring';
import { migrateStoreSync } from '../../src/main/services/cache-crypto/migrate';

const [dir, at] = process.argv.slice(2);
const crashAt = Number(at ?? 0);
let steps = 0;
const key = devKeySync(dir!);
process.stdout.write('begin\n');
const t0 = performance.now();
migrateStoreSync(dir!, key, {
  onStep: () => {
    if (++steps === crashAt) process.kill(process.pid, 'SIGKILL');
  },
});
process.stdout.write(`steps=${steps} ms=${Math.ceil(performance.now() - t0)}\n`);
