// The find bar under a viewer's toolbar (PDF, text, Word): Enter next, Shift+Enter previous, Esc
// closes; "3/12", 无结果 in red. The viewer owns the matching; the bar only drives it.
import { useEffect, useRef } from 'react';
import { Input, type InputRef } from 'antd';
import { CloseOutlined, DownOutlined, UpOutlined } from '@ant-design/icons';
import { ToolButton } from './ToolButton';
import './viewer.css';
import { shortcutTip } from '../lib/shortcuts';

export interface FindModel {
  query: string;
  setQuery: (q: string) => void;
  step: (dir: 1 | -1) => void;
  close: () => void;
  /** Matches found for the query. */
  count: number;
  /** Index of the current match, -1 when none. */
  current: number;
  /** Still matching the query as typed (the count is not yet its count). */
  counting: boolean;
}

interface Props {
  find: FindModel;
  /** Changes each time Ctrl+F is pressed: the input takes the focus, its text selected. */
  focusSeq: number;
  onClosed: () => void;
  /** data-testid prefix: `${testId}-findbar`, `${testId}-find-input`, `${testId}-find-count`. */
  testId: 'pdf' | 'text';
}

export function FindBar({ find, focusSeq, onClosed, testId }: Props) {
  const ref = useRef<InputRef>(null);
  useEffect(() => {
    ref.current?.focus({ cursor: 'all' });
  }, [focusSeq]);

  const close = () => {
    find.close();
    onClosed();
  };
  const total = find.count;
  const status = !find.query.trim() ? '' : find.counting ? '查找中…' : total ? `${find.current + 1}/${total}` : '无结果';
  return (
    <div className="viewer-findbar" role="search" aria-label="在文档中查找" data-testid={`${testId}-findbar`}>
      <Input
        ref={ref}
        size="small"
        value={find.query}
        placeholder="在本文件中查找"
        aria-label="在本文件中查找"
        onChange={(e) => find.setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            find.step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            close();
          }
        }}
        style={{ width: 180 }}
        data-testid={`${testId}-find-input`}
      />
      <span className={`small num find-count${status === '无结果' ? ' t-fail' : ''}`} aria-live="polite" data-testid={`${testId}-find-count`}>
        {status}
      </span>
      <ToolButton label={shortcutTip('findStep', '上一个')} icon={<UpOutlined />} disabled={!total} onClick={() => find.step(-1)} />
      <ToolButton label={shortcutTip('findStep', '下一个')} icon={<DownOutlined />} disabled={!total} onClick={() => find.step(1)} />
      <span className="spacer" />
      <ToolButton label={shortcutTip('closeFind', '关闭查找')} icon={<CloseOutlined />} onClick={close} />
    </div>
  );
}
