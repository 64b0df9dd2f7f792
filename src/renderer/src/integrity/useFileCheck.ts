// Re-checks an item's file against its sha256 when it is opened (evidence.check). Until the answer
// comes, the last known state (from import or the last 校验案卷) stands. `openedAs` names the case
// item being opened, so the back end records the opening in the audit log.
import { useEffect, useState } from 'react';
import type { FileState } from '../../../shared/api/evidence';
import type { StoredFile } from '../../../shared/api/cases';
import { api } from '../api';

export interface FileCheck {
  state: FileState;
  checking: boolean;
}

export function useFileCheck(file: StoredFile, skip: boolean, onState?: (state: FileState) => void, openedAs?: { caseId: string; itemId: string }): FileCheck {
  const known: FileState = file.present ? file.state : 'missing';
  const [check, setCheck] = useState<FileCheck>({ state: known, checking: !skip && file.present });

  useEffect(() => {
    if (skip || !file.present) return;
    let alive = true;
    setCheck((c) => ({ ...c, checking: true }));
    api.call('evidence.check', { sha256: file.sha256, ...openedAs }).then(
      ({ state }) => {
        if (!alive) return;
        setCheck({ state, checking: false });
        onState?.(state);
      },
      () => alive && setCheck((c) => ({ ...c, checking: false })), // keep the last known state
    );
    return () => {
      alive = false;
    };
    // onState is a report-back; re-checking when it changes identity would hash again for nothing.
  }, [file.sha256, file.present, skip, openedAs?.caseId, openedAs?.itemId]);

  return check;
}
