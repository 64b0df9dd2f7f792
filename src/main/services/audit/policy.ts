// The export policy (seed 002 item 10(4)): whether copying records out of the workstation needs
// an approval reference. Kept in the settings table; the default is off (no approval asked).
import type Database from 'better-sqlite3-multiple-ciphers';
import { ApiFailure } from '../../../shared/api/result';
import { APPROVAL_REQUIRED, type ExportApproval, type ExportPolicy } from '../../../shared/api/audit';

const KEY = 'export_policy';

export class ExportPolicyStore {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(): ExportPolicy {
    const row = this.sqlite.prepare('select value_json from setting where key = ?').get(KEY) as { value_json: string } | undefined;
    if (!row) return { exportRequiresApproval: false };
    try {
      const v = JSON.parse(row.value_json) as Partial<ExportPolicy>;
      return { exportRequiresApproval: v.exportRequiresApproval === true };
    } catch {
      // An unreadable setting must not silently open exports up.
      return { exportRequiresApproval: true };
    }
  }

  set(p: ExportPolicy): ExportPolicy {
    const value = JSON.stringify({ exportRequiresApproval: p.exportRequiresApproval });
    this.sqlite.prepare('insert into setting (key, value_json, updated_at) values (?, ?, ?) on conflict(key) do update set value_json = excluded.value_json, updated_at = excluded.updated_at').run(KEY, value, this.now().toISOString());
    return this.get();
  }

  /** Throws the refusal the reviewer sees when an approval is required and not given. */
  check(approval: ExportApproval | undefined): void {
    if (approval || !this.get().exportRequiresApproval) return;
    throw new ApiFailure({
      code: 'approval_required',
      message: '按本单位规定，复制、导出执法记录须经批准：请填写批准文号（或审批单号）和批准人后再导出',
      details: [APPROVAL_REQUIRED],
    });
  }
}
