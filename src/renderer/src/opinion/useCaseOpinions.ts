// One case's opinion state from the shared store, with its signed versions loaded on first use.
import { useEffect, useState } from 'react';
import { errorText } from '../lib/errors';
import { caseOpinions, opinionActions, useOpinionState, type CaseOpinions } from './store';

export function useCaseOpinions(caseId: string): CaseOpinions & { error: string | null } {
  const c = useOpinionState((s) => caseOpinions(s, caseId));
  const [error, setError] = useState<string | null>(null);
  const loaded = c.records !== null;
  useEffect(() => {
    if (loaded) return;
    opinionActions.loadRecords(caseId).then(
      () => setError(null),
      (err: unknown) => setError(errorText(err, '无法读取已签署的意见书')),
    );
  }, [caseId, loaded]);
  return { ...c, error };
}
