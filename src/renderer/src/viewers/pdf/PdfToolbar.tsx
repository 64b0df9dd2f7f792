// PDF toolbar: thumbnails, page navigation, zoom; find, 框选 and 导出公示版 for case items.
import { memo, useEffect, useState } from 'react';
import { Input } from 'antd';
import { BorderOutlined, ColumnWidthOutlined, DownOutlined, ExpandOutlined, SearchOutlined, UnorderedListOutlined, UpOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { ToolButton } from '../ToolButton';
import { ZoomSelect, type ZoomMode } from '../ZoomSelect';
import { nextZoom } from './pdfLayout';
import type { CaseItem } from '../../casefile/items';
import { ExportRedacted } from './ExportRedacted';

interface Props {
  page: number;
  pageCount: number;
  onGo: (index: number) => void;
  zoom: number;
  zoomMode: ZoomMode;
  onZoom: (mode: ZoomMode) => void;
  thumbs: boolean;
  onToggleThumbs: () => void;
  onFind: () => void;
  findOpen: boolean;
  drawing: boolean;
  /** Absent when marks can't be made (a copy, or outside a case). */
  onToggleDrawing: (() => void) | undefined;
  /** The case item, for 导出公示版. */
  item: CaseItem | undefined;
}

/** Memoised: the viewer re-renders on every scroll frame, the toolbar only when its props change. */
export const PdfToolbar = memo(function PdfToolbar({ page, pageCount, onGo, zoom, zoomMode, onZoom, thumbs, onToggleThumbs, onFind, findOpen, drawing, onToggleDrawing, item }: Props) {
  const [text, setText] = useState(String(page + 1));
  useEffect(() => setText(String(page + 1)), [page]);
  const commit = () => {
    const n = Number.parseInt(text, 10);
    if (Number.isFinite(n)) onGo(Math.min(pageCount, Math.max(1, n)) - 1);
    else setText(String(page + 1));
  };
  return (
    <div className="viewer-toolbar" role="toolbar" aria-label="PDF 工具栏">
      <ToolButton label="缩略图" icon={<UnorderedListOutlined />} active={thumbs} onClick={onToggleThumbs} />
      <span className="tb-sep" />
      <ToolButton label="上一页（PageUp）" icon={<UpOutlined />} disabled={page <= 0} onClick={() => onGo(page - 1)} />
      <Input
        size="small"
        className="page-input num"
        aria-label="页码"
        value={text}
        onChange={(e) => setText(e.target.value.replace(/\D/g, ''))}
        onPressEnter={commit}
        onBlur={commit}
        data-testid="pdf-page-input"
      />
      <span className="small muted num" data-testid="pdf-page-count">
        / {pageCount}
      </span>
      <ToolButton label="下一页（PageDown）" icon={<DownOutlined />} disabled={page >= pageCount - 1} onClick={() => onGo(page + 1)} />
      <span className="tb-sep" />
      <ToolButton label="缩小" icon={<ZoomOutOutlined />} onClick={() => onZoom({ mode: 'custom', zoom: nextZoom(zoom, -1) })} />
      <ZoomSelect mode={zoomMode} zoom={zoom} onChange={onZoom} />
      <ToolButton label="放大" icon={<ZoomInOutlined />} onClick={() => onZoom({ mode: 'custom', zoom: nextZoom(zoom, 1) })} />
      <ToolButton label="适合宽度" icon={<ColumnWidthOutlined />} active={zoomMode.mode === 'width'} onClick={() => onZoom({ mode: 'width' })} />
      <ToolButton label="适合页面" icon={<ExpandOutlined />} active={zoomMode.mode === 'page'} onClick={() => onZoom({ mode: 'page' })} />
      <span className="tb-sep" />
      <ToolButton label="查找（Ctrl+F）" icon={<SearchOutlined />} active={findOpen} onClick={onFind} testId="pdf-find" />
      {onToggleDrawing && <ToolButton label="框选区域（也可 Alt+拖动）" icon={<BorderOutlined />} active={drawing} onClick={onToggleDrawing} testId="pdf-draw" />}
      {item && (
        <>
          <span className="spacer" />
          <ExportRedacted item={item} />
        </>
      )}
    </div>
  );
});
