// 全部审计记录: the whole log of this workstation — unlocks, keys, exports, syncs as well as the work
// on each case — newest first, filtered by kind, with the case of each entry and the chain's state.
// Opened from 设置 › 安全状态; read-only (the log is append-only).
import { useState } from 'react';
import { Alert, Button, Drawer, Segmented } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { AUDIT_GROUPS, type AuditGroup } from '../../../shared/audit/groups';
import { AuditTable, ChainLine } from './AuditTable';
import { useAuditLog } from './useAuditLog';
import './audit.css';

const FILTERS = [{ value: 'all', label: '全部' }, ...(Object.entries(AUDIT_GROUPS) as [AuditGroup, string][]).map(([value, label]) => ({ value, label }))];

export function AuditLogDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [filter, setFilter] = useState<AuditGroup | 'all'>('all');
  const log = useAuditLog(open, filter === 'all' ? null : filter);
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
        <Segmented size="small" className="audit-filter" options={FILTERS} value={filter} onChange={(v) => setFilter(v as AuditGroup | 'all')} data-testid="audit-filter" />
        {log.error && <Alert type="error" showIcon title={log.error} />}
        {log.entries && log.entries.length === 0 && <div className="muted audit-empty">{filter === 'all' ? '本机尚无审计记录。' : `没有“${AUDIT_GROUPS[filter]}”类的记录。`}</div>}
        {log.entries && log.entries.length > 0 && <AuditTable entries={log.entries} withCase />}
        {log.entries && log.entries.length > 0 && (
          <div className="audit-foot small muted" data-testid="audit-log-foot">
            已列出最近 <span className="num">{log.entries.length}</span> 条{log.more ? '' : '，已是全部'}
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
