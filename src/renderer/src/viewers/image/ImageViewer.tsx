// Image viewer for photo evidence: wheel and button zoom, rotate 90°, fit, drag to pan.
import { useState, type KeyboardEvent } from 'react';
import { ColumnWidthOutlined, ExpandOutlined, RotateLeftOutlined, RotateRightOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { ToolButton } from '../ToolButton';
import { ZoomSelect } from '../ZoomSelect';
import { ViewerError } from '../ViewerMessage';
import { nextZoom } from '../pdf/pdfLayout';
import { useImageView } from './useImageView';
import './image.css';
import { ExportOriginal } from '../ExportOriginal';
import type { CaseItem } from '../../casefile/items';
import { shortcutTip } from '../../lib/shortcuts';

export function ImageViewer({ url, title, item }: { url: string; title: string; item?: CaseItem }) {
  const v = useImageView();
  const [failed, setFailed] = useState(false);

  const step = (dir: 1 | -1) => v.setMode({ mode: 'custom', zoom: nextZoom(v.zoom, dir) });
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [40, 0], ArrowRight: [-40, 0], ArrowUp: [0, 40], ArrowDown: [0, -40] };
    const move = moves[e.key];
    if (e.key === '+' || e.key === '=') step(1);
    else if (e.key === '-') step(-1);
    else if (e.key === '0') v.setMode({ mode: 'page' });
    else if (e.key.toLowerCase() === 'r' && !e.ctrlKey) v.rotate(e.shiftKey ? -1 : 1);
    else if (move) v.setOffset((o) => ({ x: o.x + move[0], y: o.y + move[1] }));
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  if (failed) return <ViewerError title={`无法显示“${title}”`} text="工作台不支持该图片格式（如 TIFF），或文件内容无法解码。可导出原件，用本机软件打开。" extra={item && <ExportOriginal item={item} />} />;
  const transform = `translate(calc(-50% + ${v.offset.x}px), calc(-50% + ${v.offset.y}px)) rotate(${v.rotation}deg) scale(${v.zoom})`;
  return (
    <div className="viewer image-viewer" data-testid="image-viewer">
      <div className="viewer-toolbar" role="toolbar" aria-label="图片工具栏">
        <ToolButton label={shortcutTip('imageZoom', '缩小')} icon={<ZoomOutOutlined />} onClick={() => step(-1)} />
        <ZoomSelect mode={v.mode} zoom={v.zoom} onChange={v.setMode} pageLabel="适合窗口" />
        <ToolButton label={shortcutTip('imageZoom', '放大')} icon={<ZoomInOutlined />} onClick={() => step(1)} />
        <ToolButton label={shortcutTip('imageFit', '适合窗口')} icon={<ExpandOutlined />} active={v.mode.mode === 'page'} onClick={() => v.setMode({ mode: 'page' })} />
        <ToolButton label="适合宽度" icon={<ColumnWidthOutlined />} active={v.mode.mode === 'width'} onClick={() => v.setMode({ mode: 'width' })} />
        <span className="tb-sep" />
        <ToolButton label={shortcutTip('imageRotate', '向左旋转 90°')} icon={<RotateLeftOutlined />} onClick={() => v.rotate(-1)} />
        <ToolButton label={shortcutTip('imageRotate', '向右旋转 90°')} icon={<RotateRightOutlined />} onClick={() => v.rotate(1)} />
        <span className="spacer" />
        {v.natural && (
          <span className="small muted num">
            {v.natural.w}×{v.natural.h} · {v.rotation}°
          </span>
        )}
      </div>
      <div ref={v.stage} className="image-stage" tabIndex={0} role="img" aria-label={title} onKeyDown={onKeyDown} {...v.pan}>
        <img
          src={url}
          alt=""
          draggable={false}
          style={{ transform }}
          onLoad={(e) => v.setNatural({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
          onError={() => setFailed(true)}
        />
      </div>
    </div>
  );
}
