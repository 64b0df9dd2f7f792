// 快捷键一览: every shortcut of lib/shortcuts.ts, grouped, keys drawn by Keys as the empty states' are.
// “?” (Shift+/) outside text fields opens it and closes it again, Esc closes; the status bar's
// 快捷键 opens it too. Mounted once by the app (workbench and meeting screens).
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Modal } from 'antd';
import { createStore } from '../lib/createStore';
import { hasModifier, isTypingTarget } from '../lib/keys';
import { SHORTCUT_GROUPS, SHORTCUTS } from '../lib/shortcuts';
import { Keys } from '../lib/ShortcutKeys';
import { useGlobalKeys } from '../lib/useGlobalKeys';
import './shortcuts.css';

const store = createStore({ open: false });

export function openShortcuts(): void {
  store.set({ open: true });
}

function closeShortcuts(): void {
  store.set({ open: false });
}

/** “?” as typed (Shift+/); a Chinese IME may send the full-width ？. Never while typing in a field. */
function isHelpKey(e: KeyboardEvent | ReactKeyboardEvent): boolean {
  return (e.key === '?' || e.key === '？') && !hasModifier(e) && !isTypingTarget(e.target);
}

export function ShortcutsDialog() {
  const open = store.use((s) => s.open);
  useGlobalKeys((e) => {
    if (!isHelpKey(e)) return false;
    store.set((s) => ({ open: !s.open }));
    return true;
  });
  // While the overview is up, keys stay in it: J/K or 1–9 pressed here must not change the case
  // behind. Esc and Tab go on to the dialog (closing, focus trap), “?” to the toggle above.
  const keepKeys = (e: ReactKeyboardEvent) => {
    if (e.key !== 'Escape' && e.key !== 'Tab' && !isHelpKey(e)) e.stopPropagation();
  };
  return (
    <Modal
      open={open}
      title="快捷键"
      onCancel={closeShortcuts}
      footer={null}
      width={1080}
      centered
      destroyOnHidden
      modalRender={(node) => <div onKeyDown={keepKeys}>{node}</div>}
    >
      <div className="sc-groups" data-testid="shortcuts">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group} className="sc-group" aria-label={group}>
            <h3>{group}</h3>
            <dl>
              {SHORTCUTS.filter((s) => s.group === group).map((s, i) => (
                <div key={i} className="sc-row">
                  <dt>
                    <Keys keys={s.keys} or={<span className="sc-or">/</span>} />
                  </dt>
                  <dd>
                    {s.action}
                    {s.where && <span className="sc-where">{s.where}</span>}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="sc-note">字母、数字等单键在输入框中照常输入，不作快捷键；macOS 上以 ⌘ 代替 Ctrl。</p>
    </Modal>
  );
}
