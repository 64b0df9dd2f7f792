// The gear that opens 设置 (security state, version and updates). Ctrl+, does the same.
import { Button, Tooltip } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { openSettings } from './store';
import { shortcutTip } from '../lib/shortcuts';

export function SettingsButton({ placement = 'bottom' }: { placement?: 'bottom' | 'right' }) {
  return (
    <Tooltip title={shortcutTip('settings', '设置：安全状态、版本与更新')} placement={placement}>
      <Button type="text" size="small" icon={<SettingOutlined />} aria-label="设置" onClick={() => openSettings()} data-testid="settings-open" />
    </Tooltip>
  );
}
