// The collapsed review panel: a slim rail on the right that brings it back.
import { Button, Tooltip } from 'antd';
import { MenuFoldOutlined } from '@ant-design/icons';

export function ReviewRail({ onExpand }: { onExpand: () => void }) {
  return (
    <aside className="review-rail" aria-label="审核要点（已收起）">
      <Tooltip title="展开审核要点（按 1–9、0 跳转要点）" placement="left">
        <Button type="text" size="small" icon={<MenuFoldOutlined />} aria-label="展开审核要点" onClick={onExpand} />
      </Tooltip>
      <button type="button" className="queue-rail-label" onClick={onExpand}>
        审核要点
      </button>
    </aside>
  );
}
