// 审计记录 of a case: a button in the case sidebar opens a drawer listing who did what and when
// (newest first), with the state of the whole hash chain on top. Read-only: the log is append-only.
import { useState } from 'react';
import { Alert, Button, Drawer, Tooltip } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, HistoryOutlined, ReloadOutlined } from '@ant-design/icons';
import type { AuditEntryView, AuditVerifyReport } from '../../../shared/api/audit';
import { auditActionLabel, entryOutcome } from '../../../shared/audit/actions';
import { describeAuditDetail } from '../../../shared/audit/describe';
import { chinaDateTime } from '../../../shared/format/date';
import { useAuditTrail } from './useAuditTrail';
import './audit.css';

interface Props {
  caseId: string;
  caseNumber: string;
  /** Title of a 文书/证据 item by id, to name it in the details. */
  itemTitle: (itemId: string) => string | null;
}

function ChainLine({ chain }: { chain: AuditVerifyReport }) {
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

function Row({ e, itemTitle }: { e: AuditEntryView; itemTitle: Props['itemTitle'] }) {
  const outcome = entryOutcome(e.detail.outcome, e.detail.code);
  const detail = describeAuditDetail(e, itemTitle);
  return (
    <tr data-testid="audit-row" data-action={e.action} className={outcome && outcome !== 'awaiting_approval' ? 'is-refused' : undefined}>
      <td className="num audit-time" title={`${e.at}（第 ${e.seq} 条）`}>
        {chinaDateTime(e.at)}
      </td>
      <td className="ellipsis audit-actor" title={`设备 ${e.device}`}>
        {e.actor}
      </td>
      <td className="audit-action">{auditActionLabel(e.action, outcome, e.detail.code)}</td>
      <td className="audit-detail" title={detail}>
        {detail || '—'}
      </td>
    </tr>
  );
}

export function AuditTrailButton({ caseId, caseNumber, itemTitle }: Props) {
  const [open, setOpen] = useState(false);
  const trail = useAuditTrail(caseId, open);
  return (
    <>
      <Tooltip title="审计记录：本案的打开、标注、认定、结论、签署、导出等操作留痕，防篡改" mouseEnterDelay={0.4}>
        <Button size="small" type="text" icon={<HistoryOutlined />} onClick={() => setOpen(true)} aria-label="审计记录" data-testid="audit-open">
          <span className="audit-open-label">审计记录</span>
        </Button>
      </Tooltip>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={
          <span>
            审计记录 <span className="muted num audit-case">{caseNumber}</span>
          </span>
        }
        extra={
          <Button size="small" icon={<ReloadOutlined />} onClick={trail.reload} loading={trail.loading} aria-label="刷新审计记录">
            刷新
          </Button>
        }
        size={640}
        destroyOnHidden
        rootClassName="audit-drawer"
      >
        <div data-testid="audit-trail">
          {trail.error && <Alert type="error" showIcon title={trail.error} />}
          {trail.chain && <ChainLine chain={trail.chain} />}
          {trail.entries && trail.entries.length === 0 && <div className="muted audit-empty">本案尚无审计记录。</div>}
          {trail.entries && trail.entries.length > 0 && (
            <table className="dense-table audit-table">
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
                  <th scope="col">详情</th>
                </tr>
              </thead>
              <tbody>
                {trail.entries.map((e) => (
                  <Row key={e.seq} e={e} itemTitle={itemTitle} />
                ))}
              </tbody>
            </table>
          )}
          {trail.entries && trail.entries.length >= 500 && <div className="muted small audit-empty">仅显示最近 500 条；全部记录可用命令 fashen audit list --case 查看。</div>}
        </div>
      </Drawer>
    </>
  );
}
