// Zoom picker shared by the viewers: shows the effective percent, offers presets and fit modes.
import { Select } from 'antd';

/**
 * `page` (PDF only): the 0-based page the fit is taken from — the page being read when the fit was
 * chosen, as pdf.js's page-width; absent when the picker emits it (the viewer fills it in).
 */
export type ZoomMode = { mode: 'width'; page?: number } | { mode: 'page'; page?: number } | { mode: 'custom'; zoom: number };

const PRESETS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

interface Props {
  mode: ZoomMode;
  zoom: number;
  onChange: (mode: ZoomMode) => void;
  widthLabel?: string;
  pageLabel?: string;
}

export function ZoomSelect({ mode, zoom, onChange, widthLabel = '适合宽度', pageLabel = '适合页面' }: Props) {
  const value = mode.mode === 'custom' ? String(mode.zoom) : mode.mode;
  return (
    <Select
      size="small"
      aria-label="缩放比例"
      value={value}
      style={{ width: 84 }}
      popupMatchSelectWidth={false}
      labelRender={() => <span className="num">{Math.round(zoom * 100)}%</span>}
      options={[
        { value: 'width', label: widthLabel },
        { value: 'page', label: pageLabel },
        ...PRESETS.map((p) => ({ value: String(p), label: `${Math.round(p * 100)}%` })),
      ]}
      // onSelect, not onChange: picking 适合宽度 again while it is on fits the page now being read.
      onSelect={(v: string) => onChange(v === 'width' ? { mode: 'width' } : v === 'page' ? { mode: 'page' } : { mode: 'custom', zoom: Number(v) })}
    />
  );
}
