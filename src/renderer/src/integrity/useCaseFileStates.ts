// A case's integrity states as the case view shows them: those reported by viewers (checked on
// opening) and by 校验案卷, over the states the case file was loaded with. A state that differs from
// the one known, and every finished 校验案卷, is announced (fileStateEvents) for the review panel.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { FileState } from '../../../shared/api/evidence';
import type { CaseItem } from '../casefile/items';
import { announceFileStates } from './fileStateEvents';
import { useVerifyCase } from './useVerifyCase';

export function useCaseFileStates(caseId: string, items: CaseItem[]) {
  const verify = useVerifyCase(caseId);
  const [states, setStates] = useState<Map<string, FileState>>(() => new Map());
  const verified = useMemo(() => new Set(verify.report?.items.filter((i) => i.state === 'ok').map((i) => i.itemId) ?? []), [verify.report]);
  // What the renderer last knew, read by the report-back without making it change identity.
  const latest = useRef({ states, items });
  latest.current = { states, items };

  const report = useCallback(
    (itemId: string, state: FileState) => {
      const { states: now, items: all } = latest.current;
      const file = all.find((i) => i.id === itemId)?.file;
      const before = now.get(itemId) ?? (file ? (file.present ? file.state : 'missing') : undefined);
      if (before === state) return;
      const next = new Map(now).set(itemId, state);
      latest.current = { ...latest.current, states: next };
      setStates(next);
      announceFileStates(caseId);
    },
    [caseId],
  );

  const runVerify = useCallback(async () => {
    const r = await verify.run();
    if (!r) return;
    // Files a cancelled check did not reach keep whatever state they had.
    setStates((m) => new Map([...m, ...r.items.flatMap((i) => (i.state === 'unchecked' ? [] : [[i.itemId, i.state] as const]))]));
    announceFileStates(caseId);
  }, [verify.run, caseId]);

  return { verify, states, verified, report, runVerify };
}
