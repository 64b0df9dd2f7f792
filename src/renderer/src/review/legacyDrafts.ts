// Conclusion drafts used to be kept in the browser's localStorage, unencrypted and readable while
// the workstation was locked. Once after unlocking, each such draft moves into the encrypted cache
// (unless the cache already has a newer one) and leaves the browser's storage.
import { ApiFailure } from '../../../shared/api/result';
import { ConclusionDraft } from '../../../shared/api/review';
import { api } from '../api';

const LEGACY = /^fashen\.ui\.review\.opinion\.(.+)\.r(\d+)$/;

export async function moveLegacyDrafts(storage: Storage = localStorage): Promise<number> {
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => k !== null && LEGACY.test(k));
  let moved = 0;
  for (const key of keys) {
    const [, caseId, round] = LEGACY.exec(key)!;
    try {
      const draft = ConclusionDraft.safeParse(JSON.parse(storage.getItem(key) ?? 'null'));
      const view = await api.call('review.get', { caseId: caseId! });
      const useful = draft.success && (draft.data.type !== null || draft.data.text !== null);
      if (useful && view.round === Number(round) && !view.conclusion && !view.conclusionDraft) {
        await api.call('review.saveDraft', { caseId: caseId!, draft: draft.data });
        moved++;
      }
    } catch (err) {
      // The back end unreachable: try again next time. Anything it refused (a case gone) is dropped.
      if (!(err instanceof ApiFailure) && !(err instanceof SyntaxError)) continue;
    }
    storage.removeItem(key);
  }
  return moved;
}
