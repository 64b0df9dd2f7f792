// Sync state shared by the status line and the sync panel: the status view (sync.status), the
// progress of a running sync (sync.progress events), the result of the last run started here, and
// whether the panel is open. The status is read again when a run ends, every 30 s and when the
// window is back in front (a sync from the command line, a new login), and, while a run goes on with the panel open, every 1.5 s (tries and
// their errors). Whenever a run has ended — ours, the automatic sync's (its sync.progress done), or
// one seen in the status (a new last sync, a queued submission answered) — the signed opinions on
// screen are read again (their 待发送 turns 中心已接收). A tiny external store (lib/createStore).
import type { SyncProgress, SyncRunResult, SyncStatusView } from '../../../shared/api/sync';
import { api } from '../api';
import { createStore } from '../lib/createStore';
import { errorText } from '../lib/errors';
import { opinionActions } from '../opinion/store';

interface State {
  view: SyncStatusView | null;
  loadError: string | null;
  progress: SyncProgress | null;
  /** A run started from this window is going on (its sync.run call has not answered yet). */
  own: boolean;
  /** Progress events of a run are arriving (from any window). */
  live: boolean;
  cancelling: boolean;
  /** The last run started from this window, and why it could not start, if so. */
  result: SyncRunResult | null;
  runError: string | null;
  panelOpen: boolean;
  /** The panel was opened for its 导入案卷包 form (from the empty queue): the form takes the focus once. */
  importAsked: boolean;
  /** The panel has finished opening (its animation ended): only then can a field in it take the focus. */
  panelShown: boolean;
  /** What the key registration after a login from the panel said (zh-CN). */
  loginNotices: string[];
  /** Bumped whenever cases may have changed (a run ended, a sync happened elsewhere, an import). */
  changes: number;
}

const store = createStore<State>({ view: null, loadError: null, progress: null, own: false, live: false, cancelling: false, result: null, runError: null, panelOpen: false, importAsked: false, panelShown: false, loginNotices: [], changes: 0 }, start);
const set = store.set;

/** A run goes on: ours, one whose progress arrives, or one the status reports (e.g. the command line). */
export const isRunning = (s: State) => s.own || s.live || s.view?.state === '同步中';

let started = false;
let fastTimer: ReturnType<typeof setInterval> | null = null;

/** Events and polling start with the first reader (the status bar) and run for the page's life. */
function start(): void {
  if (started) return;
  started = true;
  api.on('sync.progress', (p) => {
    if (p.phase === 'done') {
      set({ progress: null, live: false, cancelling: false });
      // A run of ours reads the status itself once its answer is in (with what it changed).
      if (!store.get().own) void syncActions.refresh().then(() => opinionActions.reloadLoaded());
    } else set({ progress: p, live: true });
    tick();
  });
  // The line is back (the OS says so): the automatic sync goes within seconds, not at its next retry.
  window.addEventListener('online', () => void syncActions.connectionBack());
  const refreshIdle = () => {
    if (document.visibilityState === 'visible' && !isRunning(store.get())) void syncActions.refresh();
  };
  setInterval(refreshIdle, 30_000);
  // Back to this window (e.g. after `fashen login` in a terminal): the line is read then, not up to 30 s later.
  window.addEventListener('focus', refreshIdle);
  document.addEventListener('visibilitychange', refreshIdle);
  void syncActions.refresh();
}

/** While a run goes on and the panel is open: re-read the status often (tries, errors, counts). */
function tick(): void {
  const s = store.get();
  const want = isRunning(s) && s.panelOpen;
  if (want && !fastTimer) fastTimer = setInterval(() => void syncActions.refresh(), 1_500);
  if (!want && fastTimer) {
    clearInterval(fastTimer);
    fastTimer = null;
  }
}

export function useSyncState<T>(select: (s: State) => T): T {
  return store.use(select);
}

let reading: Promise<void> | null = null;

/** A sync happened, or a submission left the queue (answered) since `a` was read: the opinions' states may have changed. */
export function outboxMoved(a: SyncStatusView, b: SyncStatusView): boolean {
  if (a.lastSyncAt !== b.lastSyncAt || a.lastOutcome !== b.lastOutcome || a.attention !== b.attention) return true;
  const now = new Set(b.queued.map((q) => q.id));
  return a.queued.some((q) => !now.has(q.id));
}

/** A call that answers the new status (setAuto, connectionBack): shown at once. */
async function takeView(call: Promise<SyncStatusView>, onError: (err: unknown) => void): Promise<void> {
  try {
    set({ view: await call, loadError: null });
  } catch (err) {
    onError(err);
  }
}

export const syncActions = {
  /** Re-read the status; a read already on its way is shared. */
  refresh(): Promise<void> {
    reading ??= api
      .call('sync.status', {})
      .then(
        (view) => {
          const before = store.get().view;
          set((s) => ({
            view,
            loadError: null,
            changes: s.view && s.view.lastSyncAt !== view.lastSyncAt ? s.changes + 1 : s.changes,
          }));
          if (before && outboxMoved(before, view)) void opinionActions.reloadLoaded();
        },
        (err: unknown) => set({ loadError: errorText(err, '无法读取同步状态') }),
      )
      .finally(() => {
        reading = null;
        tick();
      });
    return reading;
  },

  async run(): Promise<void> {
    if (isRunning(store.get())) return;
    set({ own: true, progress: null, runError: null, result: null, cancelling: false, loginNotices: [] });
    tick();
    try {
      const result = await api.call('sync.run', {});
      // Submissions answered or stamped in this run: the signed opinions on screen show the outbox state.
      void opinionActions.reloadLoaded();
      // A run may register the signing key with the central system (its certificate changes).
      void opinionActions.loadKeys();
      // Cases changed when some came in or went away — or may have, when the run stopped half-way.
      // A new working-day calendar moves deadlines in the queue and the status bar's calendar years.
      const touched = result.summary.pulled + result.summary.unassigned > 0 || !!result.summary.calendarUpdated?.length || result.outcome !== 'synced';
      set((s) => ({
        result,
        // This run's end is known here: the next status read must not count it as a sync from elsewhere.
        view: s.view ? { ...s.view, lastSyncAt: result.status.lastSyncAt } : s.view,
        changes: touched ? s.changes + 1 : s.changes,
      }));
    } catch (err) {
      set({ runError: errorText(err, '同步未能开始，请稍后重试') });
    } finally {
      set({ own: false, live: false, progress: null, cancelling: false });
      await syncActions.refresh();
    }
  },

  /** The automatic sync switched on or off: the answer is the new status. */
  setAuto(enabled: boolean): Promise<void> {
    return takeView(api.call('sync.setAuto', { enabled }), (err) => set({ runError: errorText(err, '未能更改自动同步设置') }));
  },

  /** 知道了 on a stale or rejected submission: it stays listed, no longer counted. The answer is the new status. */
  acknowledge(id: string): Promise<void> {
    return takeView(api.call('sync.acknowledge', { id }), (err) => set({ runError: errorText(err, '未能标记为已知悉，请稍后重试') }));
  },

  /** Told by the window that the network is back. Locked, or no answer: nothing to say — the automatic sync retries on its own schedule. */
  connectionBack(): Promise<void> {
    return takeView(api.call('sync.connectionBack', {}), () => undefined);
  },

  async cancel(): Promise<void> {
    set({ cancelling: true });
    try {
      const { cancelled } = await api.call('sync.cancel', {});
      if (!cancelled) set({ cancelling: false });
    } catch {
      set({ cancelling: false });
    }
  },

  /** A login from the panel's form answered: say what the key registration said, read the status again. */
  loggedIn(notices: string[]): void {
    set({ loginNotices: notices, result: null, runError: null });
    void syncActions.refresh();
  },

  async logout(): Promise<void> {
    try {
      await api.call('sync.logout', {});
      set({ loginNotices: [], result: null });
    } catch (err) {
      set({ runError: errorText(err, '未能退出登录，请稍后重试') });
    }
    await syncActions.refresh();
  },

  /** Cases came in another way (an imported bundle): the queue should reload. */
  changed(): void {
    set((s) => ({ changes: s.changes + 1 }));
  },

  openPanel(): void {
    set({ panelOpen: true });
    tick();
    void syncActions.refresh();
  },

  /** The panel opened at its 导入案卷包 form (the empty queue's 导入案卷包…). */
  openImport(): void {
    set({ importAsked: true });
    syncActions.openPanel();
  },

  /** The 导入案卷包 form has the focus: opening the panel again some other way leaves the focus alone. */
  importShown(): void {
    set({ importAsked: false });
  },

  /** The drawer says it has opened (or closed). */
  panelShown(shown: boolean): void {
    set({ panelShown: shown });
  },

  closePanel(): void {
    set({ panelOpen: false, importAsked: false });
    tick();
  },
};
