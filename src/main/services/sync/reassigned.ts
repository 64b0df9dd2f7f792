// Cases the central system took from this reviewer and gave to another (an `unassigned` feed
// entry): kept here with everything she did on them, but no longer hers to conclude or sign — the
// central system would refuse the submission and the 文号 would be spent for nothing.
import type { Db } from '../../db/open';
import { SyncStateRepo } from './state';

const KEY = 'reassigned_cases';

export interface ReassignedCase {
  caseId: string;
  caseNumber: string;
  /** When the sync learnt of it (ISO). */
  at: string;
}

/** The refusal of an action on a reassigned case, e.g. reassignedRefusal('签署审核意见书'). */
export const reassignedRefusal = (action: string) => `案件已改派给其他审核员，不能再${action}；您在本机所做的审核与已签署的意见书仍保留备查`;

export class ReassignedCases {
  private readonly state: SyncStateRepo;

  constructor(db: Db | SyncStateRepo) {
    this.state = db instanceof SyncStateRepo ? db : new SyncStateRepo(db);
  }

  all(): Map<string, ReassignedCase> {
    try {
      const list = JSON.parse(this.state.get(KEY) ?? '[]') as ReassignedCase[];
      return new Map(Array.isArray(list) ? list.filter((c) => typeof c?.caseId === 'string').map((c) => [c.caseId, c]) : []);
    } catch {
      return new Map();
    }
  }

  get(caseId: string): ReassignedCase | null {
    return this.all().get(caseId) ?? null;
  }

  mark(c: ReassignedCase): void {
    const all = this.all();
    if (all.has(c.caseId)) return;
    all.set(c.caseId, c);
    this.state.set(KEY, JSON.stringify([...all.values()]));
  }

  /** Assigned back to this reviewer: hers again. */
  clear(caseId: string): void {
    const all = this.all();
    if (!all.delete(caseId)) return;
    this.state.set(KEY, JSON.stringify([...all.values()]));
  }
}
