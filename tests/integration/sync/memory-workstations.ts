// Workstations each on a central system of its own in memory (no server), for tests of what comes
// in without a network (bundles, folders): closed after each test.
import { afterEach } from 'vitest';
import { MemoryCentral } from '../../../src/main/services/sync/memory-transport';
import type { Workstation } from '../../../src/main/workstation';
import { newDataDir, workstation } from './fixtures';

/** Call at a test file's top level; every workstation the maker returns is closed after each test. */
export function memoryWorkstations(): () => Workstation {
  const open: Workstation[] = [];
  afterEach(() => open.splice(0).forEach((w) => w.close()));
  return () => {
    const central = new MemoryCentral();
    const w = workstation(newDataDir(), () => central.transport());
    open.push(w);
    return w;
  };
}
