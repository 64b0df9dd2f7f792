// 立即锁定, wherever it is asked for (设置 › 锁定, the meeting screens' bar): what was typed a
// moment ago is saved first, before the store closes. Answers the refusal's words, or null.
import { api } from '../api';
import { flushPendingSaves } from '../lib/pendingSaves';
import { setLockState } from './store';

export async function lockNow(): Promise<string | null> {
  await flushPendingSaves();
  const r = await api.result('app.lock', {});
  if (!r.ok) return r.error.message;
  setLockState(r.value);
  return null;
}
