// The pieces both audit views share — a case's 审计记录 and the whole log under 设置: the state of
// the hash chain, and one dense line per entry (refused attempts in red).
import { Alert } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { AuditEntryView, AuditVerifyReport } from '../../../shared/api/audit';
import { auditActionLabel, entryOutcome } from '../../../shared/audit/actions';
import { describeAuditDetail } from '../../../shared/audit/describe';
import { chinaDateTime } from '../../../shared/format/date';

export function ChainLine({ chain }: { chain: AuditVerifyReport }) {
  if (chain.intact) {
    return (
      <div className="audit-chain is-ok" data-testid="audit-chain" data-intact="true">
        <CheckCircleFilled aria-hidden /> 审计链完好 · 本机共 {chain.count} 条记录，逐条校验前后相接、内容未被改动
      </div>
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      icon={<CloseCircleFilled />}
      data-testid="audit-chain"
      data-intact="false"
      title={`审计链异常：${chain.problem?.message ?? '校验未通过'}`}
      description="本机审计记录被改动过。请勿继续使用此数据目录办理案件，并报告本单位管理员（中心系统同步时也会核对链头）。"
    />
  );
}

export interface AuditRowEntry extends AuditEntryView {
  /** Shown in the 案件 column when the table has one. */
  caseNumber?: string | null;
  /** The item the entry is about, when the back end named it (the whole log). */
  itemTitle?: string | null;
}

interface TableProps {
  entries: readonly AuditRowEntry[];
  /** Title of a 文书/证据 item of the open case by id, to name it in the details (else the entry's own itemTitle). */
  itemTitle?: ((itemId: string) => string | null) | undefined;
  /** The whole log has a 案件 column; one case's trail does not need it. */
  withCase?: boolean;
}

function Row({ e, itemTitle, withCase }: { e: AuditRowEntry; itemTitle: TableProps['itemTitle']; withCase: boolean }) {
  const outcome = entryOutcome(e.detail.outcome, e.detail.code);
  const detail = describeAuditDetail(e, (id) => itemTitle?.(id) ?? e.itemTitle ?? null);
  return (
    <tr data-testid="audit-row" data-action={e.action} className={outcome && outcome !== 'awaiting_approval' ? 'is-refused' : undefined}>
      <td className="num audit-time" title={`${e.at}（第 ${e.seq} 条）`}>
        {chinaDateTime(e.at)}
      </td>
      <td className="ellipsis audit-actor" title={`设备 ${e.device}`}>
        {e.actor}
      </td>
      <td className="audit-action">{auditActionLabel(e.action, outcome, e.detail.code)}</td>
      {withCase && (
        <td className="ellipsis num audit-subject" title={e.caseNumber ?? e.subject ?? undefined}>
          {e.subject ? (e.caseNumber ?? <span className="muted">已不在本机</span>) : '—'}
        </td>
      )}
      <td className="audit-detail" title={detail}>
        {detail || '—'}
      </td>
    </tr>
  );
}

export function AuditTable({ entries, itemTitle, withCase = false }: TableProps) {
  return (
    <table className={`dense-table audit-table${withCase ? ' with-case' : ''}`}>
      <thead>
        <tr>
          <th scope="col" className="audit-time">
            时间
          </th>
          <th scope="col" className="audit-actor">
            操作人
          </th>
          <th scope="col" className="audit-action">
            操作
          </th>
          {withCase && (
            <th scope="col" className="audit-subject">
              案件
            </th>
          )}
          <th scope="col">详情</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <Row key={e.seq} e={e} itemTitle={itemTitle} withCase={withCase} />
        ))}
      </tbody>
    </table>
  );
}
