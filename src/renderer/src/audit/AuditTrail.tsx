// 审计记录 of a case: a button in the case sidebar opens a drawer listing who did what and when
// (newest first), with the state of the whole hash chain on top. Read-only: the log is append-only.
import { useState } from 'react';
import { Alert, Button, Drawer, Tooltip } from 'antd';
import { HistoryOutlined, ReloadOutlined } from '@ant-design/icons';
import { AuditTable, ChainLine } from './AuditTable';
import { useAuditTrail } from './useAuditTrail';
import './audit.css';

interface Props {
  caseId: string;
  caseNumber: string;
  /** Title of a 文书/证据 item by id, to name it in the details. */
  itemTitle: (itemId: string) => string | null;
}

export function AuditTrailButton({ caseId, caseNumber, itemTitle }: Props) {
  const [open, setOpen] = useState(false);
  const trail = useAuditTrail(caseId, open);
  return (
    <>
      <Tooltip title="审计记录：本案的打开、批注、认定、结论、签署、导出等操作留痕，防篡改" mouseEnterDelay={0.4}>
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
          {trail.entries && trail.entries.length > 0 && <AuditTable entries={trail.entries} itemTitle={itemTitle} />}
          {trail.entries && trail.entries.length >= 500 && <div className="muted small audit-empty">仅显示最近 500 条；全部记录可用命令 fashen audit list --case 查看。</div>}
        </div>
      </Drawer>
    </>
  );
}
