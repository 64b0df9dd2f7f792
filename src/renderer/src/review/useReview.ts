// One case's review (review.get) and every change to it. Calls run one after another so answers
// arrive in order; each answer is the whole ReviewView and replaces the one shown.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Citation, OpinionType, PointDecision, ReviewerProfile, ReviewView } from '../../../shared/api/review';
import type { ReviewPointId } from '../../../shared/api/evidence';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { onFileStates } from '../integrity/fileStateEvents';

export interface PointPatch {
  decision?: PointDecision | null;
  note?: string;
  citations?: Citation[];
}

export interface ReviewState {
  caseId: string;
  view: ReviewView | null;
  /** zh-CN, when loading failed. */
  error: string | null;
  reload: () => Promise<void>;
  /** Each throws an ApiFailure when the back end says no (callers show errorText / details). */
  setPoint: (point: ReviewPointId, patch: PointPatch) => Promise<ReviewView>;
  override: (check: string, reason: string) => Promise<ReviewView>;
  clearOverride: (check: string) => Promise<ReviewView>;
  conclude: (type: OpinionType, opinionText: string) => Promise<ReviewView>;
  reopen: () => Promise<ReviewView>;
  setReviewer: (profile: Omit<ReviewerProfile, 'officerId'>) => Promise<void>;
}

export function useReview(caseId: string): ReviewState {
  const [view, setView] = useState<ReviewView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const alive = useRef(true);

  const queue = useCallback(<T,>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.current.then(fn, fn);
    chain.current = next.catch(() => undefined);
    return next;
  }, []);

  const apply = useCallback(
    (fn: () => Promise<ReviewView>) =>
      queue(async () => {
        const v = await fn();
        if (alive.current) setView(v);
        return v;
      }),
    [queue],
  );

  const reload = useCallback(async () => {
    try {
      await apply(() => api.call('review.get', { caseId }));
      setError(null);
    } catch (err) {
      if (alive.current) setError(errorText(err, '无法读取本案的审核记录，请稍后重试'));
    }
  }, [apply, caseId]);

  useEffect(() => {
    alive.current = true;
    void reload();
    return () => {
      alive.current = false;
    };
  }, [reload]);

  // A file of this case was found changed (校验案卷, a viewer's check): P4 is worked out again.
  useEffect(
    () =>
      onFileStates((of) => {
        if (of === caseId) void reload();
      }),
    [caseId, reload],
  );

  return {
    caseId,
    view,
    error,
    reload,
    setPoint: (point, patch) => apply(() => api.call('review.setPoint', { caseId, point, ...patch })),
    override: (check, reason) => apply(() => api.call('review.override', { caseId, check, reason })),
    clearOverride: (check) => apply(() => api.call('review.clearOverride', { caseId, check })),
    conclude: (type, opinionText) => apply(() => api.call('review.conclude', { caseId, type, opinionText })),
    reopen: () => apply(() => api.call('review.reopen', { caseId })),
    setReviewer: async (profile) => {
      await queue(() => api.call('settings.setReviewer', profile));
      await reload();
    },
  };
}
