// PDF toolbar: thumbnails, page navigation, zoom; find, 框选 and 导出公示版 for case items. In a
// narrow pane (split view on a 1366 screen) the less used buttons move into a 更多 menu, least used
// first, so page number, zoom and find stay on the bar longest and every action stays reachable.
import { memo, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Dropdown, Input, Tooltip, type MenuProps } from 'antd';
import { BorderOutlined, ColumnWidthOutlined, DownOutlined, EllipsisOutlined, ExpandOutlined, ExportOutlined, SearchOutlined, UnorderedListOutlined, UpOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { ToolButton } from '../ToolButton';
import { ZoomSelect, type ZoomMode } from '../ZoomSelect';
import { nextZoom } from './pdfLayout';
import type { CaseItem } from '../../casefile/items';
import { ExportRedactedButton, useExportRedacted } from './ExportRedacted';
import { shortcutKeys, shortcutTip } from '../../lib/shortcuts';

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
  /** The viewer's width: when it changes, the bar works out again what fits. */
  width: number;
}

type Key = 'thumbs' | 'prev' | 'next' | 'zoomOut' | 'zoomIn' | 'fitWidth' | 'fitPage' | 'draw' | 'export';

/** What goes into 更多 at each step, least used first; page number, zoom and find never do. */
const FOLD_STEPS: Key[][] = [['export'], ['draw'], ['fitWidth', 'fitPage'], ['thumbs'], ['zoomOut', 'zoomIn'], ['prev', 'next']];

interface Action {
  label: string;
  /** Shown beside the label in the menu and in the button's tooltip. */
  shortcut?: string;
  icon: ReactNode;
  onClick: () => void;
  disabled?: boolean;
  /** A toggle's state (undefined: not a toggle). */
  active?: boolean;
  testId?: string;
}

/** Memoised: the viewer re-renders on every scroll frame, the toolbar only when its props change. */
export const PdfToolbar = memo(function PdfToolbar({ page, pageCount, onGo, zoom, zoomMode, onZoom, thumbs, onToggleThumbs, onFind, findOpen, drawing, onToggleDrawing, item, width }: Props) {
  const [text, setText] = useState(String(page + 1));
  useEffect(() => setText(String(page + 1)), [page]);
  const commit = () => {
    const n = Number.parseInt(text, 10);
    if (Number.isFinite(n)) onGo(Math.min(pageCount, Math.max(1, n)) - 1);
    else setText(String(page + 1));
  };

  const barRef = useRef<HTMLDivElement>(null);
  const folds = useFolds(barRef, width);
  const folded = new Set(FOLD_STEPS.slice(0, folds).flat());

  // 导出公示版 runs from its button or, folded, from 更多, which then spins while the export runs.
  const exp = useExportRedacted(item);
  const [menuOpen, setMenuOpen] = useState(false);

  const actions: Record<Key, Action | null> = {
    thumbs: { label: '缩略图', icon: <UnorderedListOutlined />, onClick: onToggleThumbs, active: thumbs },
    prev: { label: '上一页', shortcut: shortcutKeys('pdfPage', '上一页'), icon: <UpOutlined />, disabled: page <= 0, onClick: () => onGo(page - 1) },
    next: { label: '下一页', shortcut: shortcutKeys('pdfPage', '下一页'), icon: <DownOutlined />, disabled: page >= pageCount - 1, onClick: () => onGo(page + 1) },
    zoomOut: { label: '缩小', shortcut: shortcutKeys('pdfZoom', '缩小'), icon: <ZoomOutOutlined />, onClick: () => onZoom({ mode: 'custom', zoom: nextZoom(zoom, -1) }) },
    zoomIn: { label: '放大', shortcut: shortcutKeys('pdfZoom', '放大'), icon: <ZoomInOutlined />, onClick: () => onZoom({ mode: 'custom', zoom: nextZoom(zoom, 1) }) },
    fitWidth: { label: '适合宽度', icon: <ColumnWidthOutlined />, active: zoomMode.mode === 'width', onClick: () => onZoom({ mode: 'width' }) },
    fitPage: { label: '适合页面', icon: <ExpandOutlined />, active: zoomMode.mode === 'page', onClick: () => onZoom({ mode: 'page' }) },
    draw: onToggleDrawing ? { label: '框选区域', shortcut: `也可 ${shortcutKeys('pdfArea')}`, icon: <BorderOutlined />, active: drawing, onClick: onToggleDrawing, testId: 'pdf-draw' } : null,
    export: item ? { label: '导出公示版', icon: <ExportOutlined />, onClick: exp.run } : null,
  };
  const button = (key: Exclude<Key, 'export'>) => {
    const a = actions[key];
    if (!a || folded.has(key)) return null;
    return <ToolButton label={a.shortcut ? `${a.label}（${a.shortcut}）` : a.label} icon={a.icon} active={a.active} disabled={a.disabled} onClick={a.onClick} testId={a.testId} />;
  };
  const menuKeys = FOLD_STEPS.slice(0, folds)
    .flat()
    .filter((k) => actions[k]);
  const menu: MenuProps = {
    items: menuKeys.map((k) => {
      const a = actions[k]!;
      return {
        key: k,
        label: a.label,
        icon: a.icon,
        extra: a.shortcut,
        disabled: a.disabled,
        'data-testid': `pdf-more-${k}`,
        // A toggle says whether it is on, as its toolbar button does (aria-pressed).
        ...(a.active === undefined ? {} : { role: 'menuitemcheckbox', 'aria-checked': a.active }),
      };
    }),
    selectable: true,
    multiple: true,
    selectedKeys: menuKeys.filter((k) => actions[k]!.active),
    // Closed by hand: antd leaves the menu open when an item is picked with Enter.
    onClick: ({ key }) => {
      setMenuOpen(false);
      actions[key as Key]?.onClick();
    },
  };

  return (
    <div ref={barRef} className="viewer-toolbar" role="toolbar" aria-label="PDF 工具栏" data-folds={folds}>
      {button('thumbs')}
      {!folded.has('thumbs') && <span className="tb-sep" />}
      {button('prev')}
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
      {button('next')}
      <span className="tb-sep" />
      {button('zoomOut')}
      <ZoomSelect mode={zoomMode} zoom={zoom} onChange={onZoom} />
      {button('zoomIn')}
      {button('fitWidth')}
      {button('fitPage')}
      <span className="tb-sep" />
      <ToolButton label={shortcutTip('find', '查找')} icon={<SearchOutlined />} active={findOpen} onClick={onFind} testId="pdf-find" />
      {button('draw')}
      <span className="spacer" />
      {item && !folded.has('export') && <ExportRedactedButton exp={exp} />}
      {exp.dialog}
      {menuKeys.length > 0 && (
        <Dropdown menu={menu} trigger={['click']} placement="bottomRight" autoFocus open={menuOpen} onOpenChange={setMenuOpen}>
          <Tooltip title="更多" mouseEnterDelay={0.4}>
            <Button type="text" size="small" icon={<EllipsisOutlined />} loading={folded.has('export') && exp.busy} aria-label="更多" aria-haspopup="menu" data-testid="pdf-more" />
          </Tooltip>
        </Dropdown>
      )}
    </div>
  );
});

/**
 * How many FOLD_STEPS the bar needs to fit: measured, not guessed (fonts, the count's digits and
 * the hidden label of 导出公示版 under 600 px all change it). On a new width it starts unfolded and
 * folds one step per layout pass until nothing overflows, all before the bar is painted.
 */
function useFolds(barRef: { current: HTMLDivElement | null }, width: number): number {
  const [folds, setFolds] = useState(0);
  const measuredAt = useRef(width);
  useLayoutEffect(() => {
    const bar = barRef.current;
    // A hidden tab (width 0) keeps what it had.
    if (!bar || width === 0) return;
    if (measuredAt.current !== width) {
      measuredAt.current = width;
      if (folds !== 0) {
        setFolds(0);
        return;
      }
    }
    if (bar.scrollWidth > bar.clientWidth && folds < FOLD_STEPS.length) setFolds(folds + 1);
  });
  return folds;
}
