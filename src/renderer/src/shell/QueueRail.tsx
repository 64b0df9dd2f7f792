// The collapsed queue: a slim rail that brings it back (and keeps 设置 within reach).
import { Button, Tooltip } from 'antd';
import { MenuUnfoldOutlined } from '@ant-design/icons';
import { SettingsButton } from '../settings/SettingsButton';
import { shortcutTip } from '../lib/shortcuts';

/** The count in the rail's badge: the rail is 28 px wide, so four figures at most. */
export function railCount(count: number): string {
  return count > 999 ? '999+' : String(count);
}

export function QueueRail({ count, onExpand }: { count: number; onExpand: () => void }) {
  return (
    <aside className="queue-rail" aria-label="待审案件（已收起）">
      <Tooltip title={shortcutTip('search', '展开待审案件')} placement="right">
        <Button type="text" size="small" icon={<MenuUnfoldOutlined />} aria-label="展开待审案件" onClick={onExpand} />
      </Tooltip>
      {/* The label runs down the rail; the count stays horizontal in a badge, read as one number (not 1 above 0). */}
      <button type="button" className="queue-rail-label" onClick={onExpand} aria-label={`待审案件 ${count} 件`}>
        <span className="queue-rail-text">待审案件</span>
        <span className="queue-rail-count num" data-testid="queue-rail-count" title={`${count} 件`}>
          {railCount(count)}
        </span>
      </button>
      <span className="spacer" />
      <div className="queue-rail-foot">
        <SettingsButton placement="right" />
      </div>
    </aside>
  );
}
