// The find bar under the PDF toolbar: Enter next, Shift+Enter previous, Esc closes; "3/12".
import { useEffect, useRef } from 'react';
import { Input, type InputRef } from 'antd';
import { CloseOutlined, DownOutlined, UpOutlined } from '@ant-design/icons';
import { ToolButton } from '../ToolButton';
import type { PdfFind } from './usePdfFind';

export function PdfFindBar({ find, focusSeq, onClosed }: { find: PdfFind; focusSeq: number; onClosed: () => void }) {
  const ref = useRef<InputRef>(null);
  useEffect(() => {
    ref.current?.focus({ cursor: 'all' });
  }, [focusSeq]);

  const close = () => {
    find.close();
    onClosed();
  };
  const total = find.matches.length;
  const status = !find.query.trim() ? '' : find.counting ? '查找中…' : total ? `${find.current + 1}/${total}` : '无结果';
  return (
    <div className="pdf-findbar" role="search" aria-label="在文档中查找" data-testid="pdf-findbar">
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
        data-testid="pdf-find-input"
      />
      <span className={`small num find-count${total === 0 && status === '无结果' ? ' t-fail' : ''}`} aria-live="polite" data-testid="pdf-find-count">
        {status}
      </span>
      <ToolButton label="上一个（Shift+Enter）" icon={<UpOutlined />} disabled={!total} onClick={() => find.step(-1)} />
      <ToolButton label="下一个（Enter）" icon={<DownOutlined />} disabled={!total} onClick={() => find.step(1)} />
      <span className="spacer" />
      <ToolButton label="关闭查找（Esc）" icon={<CloseOutlined />} onClick={close} />
    </div>
  );
}
