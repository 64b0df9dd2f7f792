// A case named on the command line by its id or its case number (案号): one indexed lookup, the id first.
import type { Workstation } from '../main/workstation';

export function caseIdOf(ws: Workstation, key: string | undefined): string | null {
  if (!key) return null;
  const found = ws.cases.findIdentity(key, key);
  return found.byId?.id ?? found.byNumber?.id ?? null;
}
