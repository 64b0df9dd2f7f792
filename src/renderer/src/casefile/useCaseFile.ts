// Loads one case file (案卷) through cases.get; a newer selection cancels an older answer. A new
// `version` reloads it in place (e.g. after the review changed the case's status).
import { useEffect, useState } from 'react';
import type { CaseFileView } from '../../../shared/api/cases';
import { api } from '../api';
import { errorText } from '../lib/errors';

export interface CaseFileState {
  view: CaseFileView | null;
  loading: boolean;
  error: string | null;
}

export function useCaseFile(id: string | null, version = 0): CaseFileState {
  const [state, setState] = useState<CaseFileState>({ view: null, loading: false, error: null });
  useEffect(() => {
    if (!id) {
      setState({ view: null, loading: false, error: null });
      return;
    }
    let current = true;
    setState((s) => ({ view: s.view?.id === id ? s.view : null, loading: true, error: null }));
    api.call('cases.get', { id }).then(
      (view) => current && setState({ view, loading: false, error: null }),
      (err: unknown) => current && setState({ view: null, loading: false, error: errorText(err, '无法打开此案卷，请稍后重试') }),
    );
    return () => {
      current = false;
    };
  }, [id, version]);
  return state;
}
