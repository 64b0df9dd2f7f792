// A call refused with 'locked' (the back end locked itself after inactivity, or another window
// locked it) flips the renderer to the lock screen, wherever the call came from.
import type { Transport } from '../../../shared/api/client';
import { setLocked } from './store';

export function withLock(t: Transport): Transport {
  return {
    ...t,
    async invoke(name, input) {
      const r = await t.invoke(name, input);
      if (!r.ok && r.error.code === 'locked') setLocked(true);
      return r;
    },
  };
}
