// The reviewer's note on a point: saved ~400 ms after typing stops (and when the point closes) —
// no save button; a quiet "已保存" says it is kept.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Input } from 'antd';
import { errorText } from '../lib/errors';
import { registerPendingSave } from '../lib/pendingSaves';

type SaveState = 'idle' | 'pending' | 'saved' | 'error';

interface Props {
  initial: string;
  disabled: boolean;
  save: (note: string) => Promise<unknown>;
  label: string;
}

export function NoteField({ initial, disabled, save, label }: Props) {
  const id = useId();
  const [text, setText] = useState(initial);
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback((): Promise<void> | undefined => {
    window.clearTimeout(timer.current);
    const note = pending.current;
    if (note === null) return;
    pending.current = null;
    return saveRef.current(note).then(
      () => {
        if (pending.current === null) setState('saved');
      },
      (err: unknown) => {
        setState('error');
        setError(errorText(err, '备注未能保存，请稍后重试'));
      },
    );
  }, []);

  // Closing the point or switching case saves what was typed; so do a reload and a lock.
  useEffect(
    () => () => {
      void flush();
    },
    [flush],
  );
  useEffect(() => registerPendingSave(flush), [flush]);

  const onChange = (value: string) => {
    setText(value);
    pending.current = value;
    setState('pending');
    setError(null);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, 400);
  };

  const status = state === 'pending' ? '正在保存…' : state === 'saved' ? '已保存' : state === 'error' ? error : '';
  return (
    <div className="rv-note">
      <div className="rv-field-label">
        <label htmlFor={id}>{label}</label>
        <span className={`rv-save-state${state === 'error' ? ' t-fail' : ''}`} role="status" aria-live="polite" data-testid="note-save-state">
          {status}
        </span>
      </div>
      <Input.TextArea
        id={id}
        value={text}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        onBlur={flush}
        autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={20_000}
        placeholder="写明审核意见、问题所在或核对情况（自动保存）"
        data-testid="point-note"
      />
    </div>
  );
}
