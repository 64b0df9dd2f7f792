// What a viewer may ask of the case view around it: open a redacted copy in the other pane, and
// report an item's integrity state (the tree marks it).
import { createContext, useContext } from 'react';
import type { FileState, RedactedCopy } from '../../../shared/api/evidence';
import type { CaseItem } from './items';

export interface CaseActions {
  caseId: string;
  openCopy: (copy: RedactedCopy, source: CaseItem) => void;
  reportFileState: (itemId: string, state: FileState) => void;
}

export const CaseActionsContext = createContext<CaseActions | null>(null);

export function useCaseActions(): CaseActions | null {
  return useContext(CaseActionsContext);
}
