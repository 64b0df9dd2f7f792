// 全部审计记录: the whole log of this workstation — unlocks, keys, exports, syncs as well as the work
// on each case — newest first, filtered by kind, by part of a 案号 and by days, with the case of each
// entry and the chain's state. Opened from 设置 › 安全状态; read-only (the log is append-only).
import { useCallback, useState } from 'react';
import { Alert, Button, Drawer } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { AuditTable, ChainLine } from './AuditTable';
import { AuditFilterBar, describeFilters, emptyText, NO_FILTERS } from './AuditLogFilters';
import { useAuditLog, type AuditLogFilters } from './useAuditLog';
import './audit.css';

export function AuditLogDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [filters, setFilters] = useState<AuditLogFilters>(NO_FILTERS);
  const patch = useCallback((p: Partial<AuditLogFilters>) => setFilters((f) => ({ ...f, ...p })), []);
  const log = useAuditLog(open, filters);
  const shown = describeFilters(filters, log.cases);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title="全部审计记录"
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={log.reload} loading={log.loading} aria-label="刷新审计记录">
          刷新
        </Button>
      }
      size={860}
      destroyOnHidden
      rootClassName="audit-drawer"
    >
      <div data-testid="audit-log">
        {log.chain && <ChainLine chain={log.chain} />}
        <AuditFilterBar value={filters} onChange={patch} />
        {log.error && <Alert type="error" showIcon title={log.error} />}
        {log.entries && log.entries.length === 0 && (
          <div className="muted audit-empty" data-testid="audit-log-empty">
            {emptyText(filters, log.cases)}
          </div>
        )}
        {log.entries && log.entries.length > 0 && <AuditTable entries={log.entries} withCase />}
        {log.entries && log.entries.length > 0 && (
          <div className="audit-foot small muted" data-testid="audit-log-foot">
            已列出{shown ? '' : '最近'} <span className="num">{log.entries.length}</span> 条{shown && `（${shown}）`}
            {log.more ? '' : '，已是全部'}
            {log.more && (
              <Button size="small" type="link" onClick={log.loadMore} loading={log.loading} data-testid="audit-more">
                加载更早的记录
              </Button>
            )}
          </div>
        )}
      </div>
    </Drawer>
  );
}
