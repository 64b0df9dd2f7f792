// 设置: the workstation's security state, version and updates, and offline updates — one drawer.
import { Drawer } from 'antd';
import type { AppInfo } from '../../../shared/api/app';
import { OfflineUpdateSection } from './OfflineUpdateSection';
import { SecuritySection } from './SecuritySection';
import { UpdateSection } from './UpdateSection';
import { closeSettings, useSettingsState } from './store';
import { useSecurityState } from './useSecurityState';
import { useUpdateStatus } from './useUpdateStatus';
import { LockSection } from '../lock/LockSection';
import './settings.css';

export function SettingsDrawer({ info }: { info: AppInfo | null }) {
  const open = useSettingsState((s) => s.open);
  const sec = useSecurityState(open);
  const upd = useUpdateStatus(open);
  return (
    <Drawer open={open} onClose={closeSettings} title="设置" size={520} rootClassName="settings-drawer" destroyOnHidden>
      <div className="st-body" data-testid="settings">
        <SecuritySection security={sec.security} error={sec.error} audit={sec.audit} onReload={sec.reload} />
        <LockSection />
        <UpdateSection info={info} status={upd.status} error={upd.error} busy={upd.busy} onCheck={() => void upd.check()} onInstall={() => void upd.install()} />
        <OfflineUpdateSection canPickFile={upd.status?.canPickFile ?? false} installBlocked={upd.status?.installBlocked ?? null} />
      </div>
    </Drawer>
  );
}
