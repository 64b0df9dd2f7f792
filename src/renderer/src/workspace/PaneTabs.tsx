// A dense tab strip with proper tablist/tab/tabpanel semantics (antd's puts buttons inside the
// tablist, which axe rejects). Panels stay mounted so each viewer keeps its page and zoom.
// Keyboard: ←/→/Home/End move between tabs, Delete closes the focused tab; middle click closes.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface PaneTab {
  key: string;
  label: string;
  closable: boolean;
  /** Shown in italics: J/K browsing replaces it. */
  preview?: boolean;
  content: ReactNode;
}

interface Props {
  id: string;
  label: string;
  tabs: PaneTab[];
  activeKey: string | null;
  onActivate: (key: string) => void;
  onClose: (key: string) => void;
  actions: ReactNode;
}

const safeId = (key: string) => key.replace(/[^A-Za-z0-9_-]/g, '_');

export function PaneTabs({ id, label, tabs, activeKey, onActivate, onClose, actions }: Props) {
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!activeKey) return;
    listRef.current?.querySelector<HTMLElement>(`[data-tab-key="${CSS.escape(activeKey)}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [activeKey]);

  const focusTab = (key: string) => {
    onActivate(key);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-tab-key="${CSS.escape(key)}"]`)?.focus());
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, index: number) => {
    const tab = tabs[index];
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const to = moves[e.key];
    if (to !== undefined) {
      const next = tabs[(to + tabs.length) % tabs.length];
      if (next) focusTab(next.key);
    } else if (e.key === 'Delete' && tab?.closable) {
      onClose(tab.key);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <>
      <div className="pane-tabs-bar">
        <div
          ref={listRef}
          role="tablist"
          aria-label={label}
          className="pane-tabs"
          onWheel={(e) => {
            if (listRef.current && e.deltaY !== 0) listRef.current.scrollLeft += e.deltaY;
          }}
        >
          {tabs.map((t, i) => {
            const active = t.key === activeKey;
            return (
              <div
                key={t.key}
                role="tab"
                id={`${id}-tab-${safeId(t.key)}`}
                aria-selected={active}
                aria-controls={`${id}-panel-${safeId(t.key)}`}
                aria-keyshortcuts={t.closable ? 'Delete' : undefined}
                tabIndex={active ? 0 : -1}
                className={`pane-tab${active ? ' is-active' : ''}${t.preview ? ' is-preview' : ''}`}
                data-tab-key={t.key}
                title={t.closable ? `${t.label}（Delete 关闭）` : t.label}
                onClick={() => onActivate(t.key)}
                onAuxClick={(e) => {
                  if (e.button === 1 && t.closable) onClose(t.key);
                }}
                onKeyDown={(e) => onKeyDown(e, i)}
              >
                <span className="pane-tab-label">{t.label}</span>
                {t.closable && (
                  <span
                    className="pane-tab-close"
                    aria-hidden
                    onClick={(e) => {
                      e.stopPropagation();
                      onClose(t.key);
                    }}
                  >
                    ×
                  </span>
                )}
              </div>
            );
          })}
        </div>
        <div className="pane-actions">{actions}</div>
      </div>
      <div className="pane-panels">
        {tabs.map((t) => (
          <div
            key={t.key}
            role="tabpanel"
            id={`${id}-panel-${safeId(t.key)}`}
            aria-labelledby={`${id}-tab-${safeId(t.key)}`}
            className="pane-panel"
            hidden={t.key !== activeKey}
          >
            {t.content}
          </div>
        ))}
      </div>
    </>
  );
}
