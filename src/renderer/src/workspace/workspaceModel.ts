// The centre's panes and their tabs: one pane, or two side by side, each with its own open items.
export const SUMMARY_TAB = 'summary';

export type PaneIndex = 0 | 1;

export interface PaneState {
  /** Tab keys: SUMMARY_TAB or an item id. */
  tabs: string[];
  activeKey: string | null;
  /** The preview tab (opened by J/K): the next preview replaces it instead of adding a tab. */
  preview: string | null;
}

export interface WorkspaceState {
  panes: [PaneState] | [PaneState, PaneState];
  active: PaneIndex;
  /**
   * The right pane as it was when the split was last closed (Ctrl+\ or 关闭右侧窗格), and which of
   * its tabs were not also on the left: Ctrl+\ again puts them back, so pressing it twice returns
   * to the same two panes instead of leaving every tab on the left beside an empty pane.
   */
  closedRight?: { pane: PaneState; moved: string[]; leftActive: string | null };
}

export type WorkspaceAction =
  | { type: 'reset' }
  | { type: 'open'; itemId: string; target: 'active' | 'other'; preview?: boolean }
  | { type: 'activate'; pane: PaneIndex; key: string }
  | { type: 'close'; pane: PaneIndex; key: string }
  | { type: 'focusPane'; pane: PaneIndex }
  | { type: 'toggleSplit' };

export const initialWorkspace: WorkspaceState = { panes: [{ tabs: [SUMMARY_TAB], activeKey: SUMMARY_TAB, preview: null }], active: 0 };

const emptyPane: PaneState = { tabs: [], activeKey: null, preview: null };

function withTab(pane: PaneState, key: string, preview = false): PaneState {
  if (pane.tabs.includes(key)) return { ...pane, activeKey: key, preview: !preview && pane.preview === key ? null : pane.preview };
  if (preview && pane.preview && pane.tabs.includes(pane.preview)) {
    return { tabs: pane.tabs.map((k) => (k === pane.preview ? key : k)), activeKey: key, preview: key };
  }
  return { tabs: [...pane.tabs, key], activeKey: key, preview: preview ? key : pane.preview };
}

function setPane(state: WorkspaceState, index: PaneIndex, pane: PaneState): WorkspaceState['panes'] {
  const panes = [...state.panes] as PaneState[];
  panes[index] = pane;
  return panes as WorkspaceState['panes'];
}

export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  switch (action.type) {
    case 'reset':
      return initialWorkspace;
    case 'open': {
      if (action.target === 'active') {
        const pane = state.panes[state.active] ?? emptyPane;
        return { ...state, panes: setPane(state, state.active, withTab(pane, action.itemId, action.preview)) };
      }
      // "在另一侧打开": split first when there is only one pane.
      const other: PaneIndex = state.active === 0 ? 1 : 0;
      const base = state.panes.length === 1 ? { ...state, panes: [state.panes[0], emptyPane] as WorkspaceState['panes'] } : state;
      const pane = base.panes[other] ?? emptyPane;
      return { panes: setPane(base, other, withTab(pane, action.itemId)), active: other };
    }
    case 'activate': {
      const pane = state.panes[action.pane];
      if (!pane) return state;
      return { ...state, panes: setPane(state, action.pane, { ...pane, activeKey: action.key }), active: action.pane };
    }
    case 'close': {
      const pane = state.panes[action.pane];
      if (!pane || action.key === SUMMARY_TAB) return state;
      const at = pane.tabs.indexOf(action.key);
      const tabs = pane.tabs.filter((k) => k !== action.key);
      const activeKey = pane.activeKey === action.key ? (tabs[Math.min(at, tabs.length - 1)] ?? null) : pane.activeKey;
      return { ...state, panes: setPane(state, action.pane, { tabs, activeKey, preview: pane.preview === action.key ? null : pane.preview }) };
    }
    case 'focusPane':
      return state.active === action.pane || !state.panes[action.pane] ? state : { ...state, active: action.pane };
    case 'toggleSplit':
      return state.panes.length === 1 ? reopenSplit(state) : closeSplit(state);
  }
}

/** Closing the split keeps the right pane's items as tabs of the left one, and remembers the right pane. */
function closeSplit(state: WorkspaceState): WorkspaceState {
  const [left, right] = state.panes;
  if (!right) return state;
  const moved = right.tabs.filter((k) => !left.tabs.includes(k));
  const tabs = [...left.tabs, ...moved];
  const activeKey = state.active === 1 && right.activeKey ? right.activeKey : left.activeKey;
  return { panes: [{ tabs, activeKey, preview: left.preview }], active: 0, closedRight: { pane: right, moved, leftActive: left.activeKey } };
}

/**
 * Splitting: the right pane the last close put on the left comes back with those of its tabs still
 * open (the active pane is where the active tab is); with none, a new empty right pane takes the
 * next item opened.
 */
function reopenSplit(state: WorkspaceState): WorkspaceState {
  const [left] = state.panes;
  const memory = state.closedRight;
  const tabs = memory ? memory.pane.tabs.filter((k) => left.tabs.includes(k)) : [];
  if (!memory || tabs.length === 0) return { panes: [left, emptyPane], active: 1 };
  const moved = new Set(memory.moved.filter((k) => tabs.includes(k)));
  const leftTabs = left.tabs.filter((k) => !moved.has(k));
  const activeRight = left.activeKey !== null && moved.has(left.activeKey);
  const rightActive = [activeRight ? left.activeKey : null, memory.pane.activeKey].find((k) => k !== null && tabs.includes(k)) ?? tabs[0] ?? null;
  const leftActive = [left.activeKey, memory.leftActive].find((k) => k !== null && leftTabs.includes(k)) ?? leftTabs[leftTabs.length - 1] ?? null;
  return {
    panes: [
      { tabs: leftTabs, activeKey: leftActive, preview: left.preview !== null && moved.has(left.preview) ? null : left.preview },
      { tabs, activeKey: rightActive, preview: memory.pane.preview !== null && tabs.includes(memory.pane.preview) ? memory.pane.preview : null },
    ],
    active: activeRight ? 1 : 0,
  };
}

/** The item shown in the active pane, if any (for J/K and the tree selection). */
export function activeItemId(state: WorkspaceState): string | null {
  const key = state.panes[state.active]?.activeKey ?? null;
  return key && key !== SUMMARY_TAB ? key : null;
}
