// Right after `fashen login`: the pool of 文号 this workstation signs with is topped up from the
// central system (src/main/services/sync/number-pool.ts), as every sync does, when this command
// has the cache key (`fashen login` unlocks the store to seal the token); otherwise the next
// `fashen sync` (or the app's automatic sync) tops the pool up all the same.
import type { Io } from '../main';
import { Workstation } from '../../main/workstation';
import { todayOption } from '../../main/fixed-today';
import { rememberedCacheKey } from '../../main/services/cache-crypto/resolve';

export async function topUpAfterLogin(home: string, io: Io): Promise<void> {
  if (!rememberedCacheKey(home)) return;
  const ws = new Workstation({ dataDir: home, ...todayOption() });
  try {
    const r = await ws.sync.topUpNumbers();
    if (r.reserved) io.out(`已从中心系统领取文号 ${r.reserved} 个（签署意见书时使用，离线也可签署）\n`);
    for (const note of r.notes) io.err(`${note}\n`);
  } finally {
    ws.close();
  }
}
