// The collapsed queue: a slim rail that brings it back (and keeps 设置 within reach).
import { Button, Tooltip } from 'antd';
import { MenuUnfoldOutlined } from '@ant-design/icons';
import { SettingsButton } from '../settings/SettingsButton';

export function QueueRail({ count, onExpand }: { count: number; onExpand: () => void }) {
  return (
    <aside className="queue-rail" aria-label="待审案件（已收起）">
      <Tooltip title="展开待审案件（Ctrl+K）" placement="right">
        <Button type="text" size="small" icon={<MenuUnfoldOutlined />} aria-label="展开待审案件" onClick={onExpand} />
      </Tooltip>
      <button type="button" className="queue-rail-label" onClick={onExpand}>
        待审案件 <span className="num">{count}</span>
      </button>
      <span className="spacer" />
      <div className="queue-rail-foot">
        <SettingsButton placement="right" />
      </div>
    </aside>
  );
}
