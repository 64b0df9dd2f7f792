// Save-as-you-type: each change is saved after a pause, at once on flush (blur, leaving, reload, lock), and a
// failed save keeps the text and says so. Saves run one at a time; the latest value wins.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from './errors';
import { registerPendingSave } from './pendingSaves';

export type SaveStatus = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'error'; text: string };

interface Options {
  delay?: number;
  /** The failure as one line (the meeting fields name the refused field). */
  describe?: (err: unknown, fallback: string) => string;
}

export function useAutosave<T>(save: (value: T) => Promise<unknown>, { delay = 700, describe = errorText }: Options = {}): { schedule: (v: T) => void; flush: () => Promise<void>; cancel: () => Promise<void>; status: SaveStatus } {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const queued = useRef<{ value: T } | null>(null);
  const timer = useRef<number | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  const describeRef = useRef(describe);
  describeRef.current = describe;

  const run = useCallback(async (): Promise<void> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    if (running.current) await running.current;
    const next = queued.current;
    if (!next) return;
    queued.current = null;
    setStatus({ kind: 'saving' });
    const p = saveRef.current(next.value).then(
      () => setStatus(queued.current ? { kind: 'pending' } : { kind: 'saved', at: new Date() }),
      (err: unknown) => {
        // Keep the unsaved value for the next flush unless something newer came meanwhile.
        queued.current ??= next;
        setStatus({ kind: 'error', text: describeRef.current(err, '未能保存，请检查后重试') });
      },
    );
    running.current = p;
    await p;
    running.current = null;
  }, []);

  const schedule = useCallback(
    (value: T) => {
      queued.current = { value };
      setStatus({ kind: 'pending' });
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void run(), delay);
    },
    [delay, run],
  );

  /** Drops what is waiting to be saved (e.g. an entry being cleared); resolves once a save under way is done. */
  const cancel = useCallback(async (): Promise<void> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    queued.current = null;
    setStatus({ kind: 'idle' });
    if (running.current) await running.current;
  }, []);

  // Leaving (another case, another page) saves what was typed; so do a reload and a lock (pendingSaves).
  useEffect(() => () => void run(), [run]);
  useEffect(() => registerPendingSave(run), [run]);

  return { schedule, flush: run, cancel, status };
}

export function statusText(s: SaveStatus): string {
  switch (s.kind) {
    case 'idle':
      return '';
    case 'pending':
      return '输入中…';
    case 'saving':
      return '正在保存…';
    case 'saved':
      return `已保存 ${s.at.toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' })}`;
    case 'error':
      return `未保存：${s.text}`;
  }
}
