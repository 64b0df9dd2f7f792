// Shared state of the signed-opinion UI, read by the review panel (预览 / 签署 / 意见书), the centre
// pane (the opinion PDF with its header bar) and the status bar (签名密钥 / 验证签名文件): the
// signing keys, each case's current preview and signed versions, which dialog is open, and requests
// to open an opinion PDF in the centre. A tiny external store (lib/createStore), no framework.
import type { KeysView, OpinionPreview, OpinionRecord } from '../../../shared/api/opinions';
import { api } from '../api';
import { createStore } from '../lib/createStore';

export interface CaseOpinions {
  /** The latest preview (what 签署 signs; `signable` false before a key exists); null before 预览 and after signing. */
  preview: OpinionPreview | null;
  /** Signed versions, newest first; null until loaded. */
  records: OpinionRecord[] | null;
  /** Signed versions opened in the centre (their tabs). */
  opened: string[];
}

export interface OpenRequest {
  caseId: string;
  itemId: string;
  /** Tabs to close first (the preview, once it has been signed). */
  close: string[];
  seq: number;
}

interface State {
  keys: KeysView | null;
  keysError: string | null;
  cases: Record<string, CaseOpinions>;
  /** The case whose 签署 dialog is open. */
  signFor: string | null;
  keysOpen: boolean;
  verifyOpen: boolean;
  openRequest: OpenRequest | null;
}

const store = createStore<State>({ keys: null, keysError: null, cases: {}, signFor: null, keysOpen: false, verifyOpen: false, openRequest: null });
const set = store.set;
let seq = 0;

export function useOpinionState<T>(select: (s: State) => T): T {
  return store.use(select);
}

const EMPTY_CASE: CaseOpinions = { preview: null, records: null, opened: [] };

export function caseOpinions(s: State, caseId: string): CaseOpinions {
  return s.cases[caseId] ?? EMPTY_CASE;
}

function patchCase(caseId: string, patch: (c: CaseOpinions) => Partial<CaseOpinions>): void {
  set((s) => {
    const c = caseOpinions(s, caseId);
    return { cases: { ...s.cases, [caseId]: { ...c, ...patch(c) } } };
  });
}

// Tab keys of opinion documents in the centre panes.
export const PREVIEW_TAB = 'opinion:preview';
export const signedTab = (opinionId: string) => `opinion:signed:${opinionId}`;
export const isOpinionTab = (key: string) => key.startsWith('opinion:');

function requestOpen(caseId: string, itemId: string, close: string[] = []): void {
  seq += 1;
  set({ openRequest: { caseId, itemId, close, seq } });
}

let handled = 0;
/** Each request is carried out once (a case view mounted later must not replay an old one). */
export function takeOpenRequest(r: OpenRequest | null, caseId: string): OpenRequest | null {
  if (!r || r.caseId !== caseId || r.seq <= handled) return null;
  handled = r.seq;
  return r;
}

/**
 * The opinion names the signing key and its certificate, so a preview made with another key (or none)
 * cannot be signed: once the active key changes, open previews are made again (the document text
 * stays the same; the content hash now binds the key). A failure leaves the old preview, which
 * 签署 then refuses with its own message.
 */
const refreshing = new Set<string>();
function refreshPreviews(keys: KeysView): void {
  const keyId = keys.active?.keyId ?? '';
  for (const [caseId, c] of Object.entries(store.get().cases)) {
    if (!c.preview || c.preview.content.reviewer.keyId === keyId || refreshing.has(caseId)) continue;
    refreshing.add(caseId);
    void opinionActions
      .preview(caseId, { open: false })
      .catch(() => undefined)
      .finally(() => refreshing.delete(caseId));
  }
}

function keysChanged(keys: KeysView): void {
  set({ keys, keysError: null });
  refreshPreviews(keys);
}

export const opinionActions = {
  async loadKeys(): Promise<KeysView | null> {
    try {
      const keys = await api.call('keys.status', {});
      keysChanged(keys);
      return keys;
    } catch {
      set({ keysError: '无法读取签名密钥状态' });
      return null;
    }
  },
  setKeys(keys: KeysView): void {
    keysChanged(keys);
  },
  async loadRecords(caseId: string): Promise<OpinionRecord[]> {
    const records = await api.call('opinions.list', { caseId });
    patchCase(caseId, () => ({ records }));
    return records;
  },
  /**
   * A sync ended (any run: the button, the automatic sync, the command line): the outbox may have
   * answered — 待发送 becomes 中心已接收 — or a timestamp been added. Every case whose signed versions
   * are shown is read again (the header bar, the conclusion card and the 意见书 list follow).
   */
  reloadLoaded(): Promise<void> {
    const loaded = Object.entries(store.get().cases)
      .filter(([, c]) => c.records !== null)
      .map(([caseId]) => caseId);
    return Promise.all(loaded.map((caseId) => opinionActions.loadRecords(caseId).catch(() => undefined))).then(() => undefined);
  },
  /**
   * Render the opinion as it will be signed (with or without a signing key) and show it in the centre
   * (`open: false` only refreshes it). Throws ApiFailure.
   */
  async preview(caseId: string, opts: { open?: boolean } = {}): Promise<OpinionPreview> {
    const preview = await api.call('opinions.preview', { caseId });
    patchCase(caseId, () => ({ preview }));
    if (opts.open !== false) requestOpen(caseId, PREVIEW_TAB);
    return preview;
  },
  /**
   * The case's reassignment as the review view now says (a sync learnt of it after the preview was
   * made, or it was assigned back): the preview on screen follows, so its bar never offers 签署 on a
   * case that is no longer this reviewer's. `at`: when the workstation learnt of it; null: hers again.
   */
  followReassignment(caseId: string, at: string | null): void {
    patchCase(caseId, (c) => {
      if (!c.preview || (c.preview.reassigned?.at ?? null) === at) return {};
      const { reassigned: _was, ...rest } = c.preview;
      return { preview: at !== null ? { ...rest, reassigned: { at } } : rest };
    });
  },
  /** Sign the previewed content; the signed PDF replaces the preview in the centre. Throws ApiFailure. */
  async sign(caseId: string, contentHash: string, passphrase: string | undefined): Promise<OpinionRecord> {
    const record = await api.call('opinions.sign', { caseId, contentHash, ...(passphrase ? { passphrase } : {}) });
    patchCase(caseId, (c) => ({ preview: null, opened: [...c.opened.filter((id) => id !== record.opinionId), record.opinionId], records: [record, ...(c.records ?? []).filter((r) => r.opinionId !== record.opinionId)].map((r) => (r.round === record.round && r.opinionId !== record.opinionId ? { ...r, superseded: true } : r)) }));
    requestOpen(caseId, signedTab(record.opinionId), [PREVIEW_TAB]);
    void opinionActions.loadRecords(caseId).catch(() => undefined);
    return record;
  },
  openSigned(caseId: string, opinionId: string): void {
    patchCase(caseId, (c) => ({ opened: c.opened.includes(opinionId) ? c.opened : [...c.opened, opinionId] }));
    requestOpen(caseId, signedTab(opinionId));
  },
  openSign(caseId: string): void {
    set({ signFor: caseId });
  },
  /**
   * 签署… in the review panel and the preview's bar. Without a usable key (none yet, or revoked) it
   * opens 签名密钥 at its create section, over the sign dialog: once the key is made and 签名密钥 closed,
   * the reviewer is in the sign dialog with the preview made again for the key. Keys not read yet: the
   * sign dialog alone, which says what is missing itself.
   */
  startSign(caseId: string): void {
    const keys = store.get().keys;
    set({ signFor: caseId, ...(keys && !keys.active ? { keysOpen: true } : {}) });
  },
  closeSign(): void {
    set({ signFor: null });
  },
  openKeys(): void {
    set({ keysOpen: true });
  },
  closeKeys(): void {
    set({ keysOpen: false });
  },
  openVerify(): void {
    set({ verifyOpen: true });
  },
  closeVerify(): void {
    set({ verifyOpen: false });
  },
};
