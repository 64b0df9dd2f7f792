// fashen audit verify | list | head | policy — the tamper-evident audit log from the command line.
// verify exits 0 when the chain is intact, 1 when broken (naming the first broken entry), 2 usage.
import type { Io } from '../main';
import type { Workstation } from '../../main/workstation';
import { auditActionLabel } from '../../shared/audit/actions';
import { describeAuditDetail } from '../../shared/audit/describe';
import { chinaDateTime } from '../../shared/format/date';
import { caseIdOf } from '../case-key';

export const USAGE = `用法:
  fashen audit verify [--json]                 校验审计记录的哈希链（完好退出码 0，被篡改 1）
  fashen audit list [--case <案件 id 或案号>] [--json]   列出审计记录（全部或某一案件）
  fashen audit head [--json]                   本机审计链的链头（同步时报送中心系统）
  fashen audit policy [on|off] [--json]        复制、导出执法记录是否须经批准（on 须批准）`;

export interface AuditCliOptions {
  json: boolean;
  case?: string | undefined;
}

export async function auditCommand(open: () => Workstation, args: string[], opts: AuditCliOptions, io: Io): Promise<number> {
  const [sub, arg] = args;
  if (!['verify', 'list', 'head', 'policy'].includes(sub ?? '') || (sub === 'policy' ? args.length > 2 || (arg !== undefined && arg !== 'on' && arg !== 'off') : args.length > 1)) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  const ws = open();
  try {
    switch (sub) {
      case 'verify': {
        const r = ws.audit.log.verify();
        if (opts.json) io.out(`${JSON.stringify(r, null, 2)}\n`);
        else if (r.intact) io.out(`审计记录完好：共 ${r.count} 条${r.head ? `，链头 第 ${r.head.seq} 条 ${r.head.hash.slice(0, 16)}…` : ''}\n`);
        else io.out(`审计记录已被篡改：${r.problem!.message}\n首个异常记录：第 ${r.problem!.seq} 条（${r.problem!.kind}）；此前 ${Math.max(0, r.problem!.seq - 1)} 条完好\n`);
        return r.intact ? 0 : 1;
      }
      case 'list': {
        let subject: string | undefined;
        if (opts.case !== undefined) {
          subject = caseIdOf(ws, opts.case) ?? undefined;
          if (!subject) return io.err(`找不到案件：${opts.case}\n`), 2;
        }
        const entries = ws.audit.log.list(subject !== undefined ? { subject } : {});
        if (opts.json) io.out(`${JSON.stringify(entries.map((e) => ({ ...e, label: auditActionLabel(e.action, e.detail.outcome as string | undefined, e.detail.code) })), null, 2)}\n`);
        else {
          // People read case numbers and item titles, not ids (the JSON keeps the ids).
          for (const e of entries) {
            const names = ws.audit.names(e);
            const subjectText = e.subject ? (names.caseNumber ?? e.subject) : '—';
            io.out(`${e.seq}\t${chinaDateTime(e.at)}\t${e.actor}\t${auditActionLabel(e.action, e.detail.outcome as string | undefined, e.detail.code)}\t${subjectText}\t${describeAuditDetail(e, () => names.itemTitle)}\n`);
          }
        }
        return 0;
      }
      case 'head': {
        const h = ws.audit.head();
        io.out(opts.json ? `${JSON.stringify(h, null, 2)}\n` : `设备 ${h.device}\n第 ${h.seq} 条 ${h.hash}\n`);
        return 0;
      }
      default: {
        if (arg) {
          // The change and its audit entry commit together.
          ws.store.sqlite.transaction(() => {
            const before = ws.audit.policy.get();
            const after = ws.audit.policy.set({ exportRequiresApproval: arg === 'on' });
            ws.audit.log.append({ action: 'settings.change', subject: null, detail: { setting: 'exportRequiresApproval', from: before.exportRequiresApproval, to: after.exportRequiresApproval, via: 'cli' } });
          })();
        }
        const p = ws.audit.policy.get();
        io.out(opts.json ? `${JSON.stringify(p, null, 2)}\n` : p.exportRequiresApproval ? '复制、导出执法记录须经批准（导出时须填写批准文号和批准人）\n' : '复制、导出执法记录无须另行批准\n');
        return 0;
      }
    }
  } finally {
    ws.close();
  }
}
