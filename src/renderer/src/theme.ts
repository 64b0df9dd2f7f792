// The workstation's antd theme: compact, neutral, colour only where it means something.
// Meaning colours are chosen dark enough for 4.5:1 contrast on white at 12 px.
import { theme, type ThemeConfig } from 'antd';

export const FONT_STACK = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

/** Colours that carry meaning (UI.md): red fail/overdue, amber warn, green ok, blue selection. */
export const meaning = {
  fail: '#c4161c',
  warn: '#a15c00',
  ok: '#237804',
  link: '#0b57c9',
  selectionBg: '#e6efff',
} as const;

export const workstationTheme: ThemeConfig = {
  algorithm: [theme.defaultAlgorithm, theme.compactAlgorithm],
  cssVar: { key: 'fashen' },
  token: {
    fontFamily: FONT_STACK,
    fontSize: 14,
    fontSizeSM: 12,
    lineHeight: 1.5715,
    borderRadius: 3,
    borderRadiusSM: 2,
    borderRadiusLG: 4,
    colorPrimary: meaning.link,
    colorLink: meaning.link,
    colorError: meaning.fail,
    colorWarning: meaning.warn,
    colorSuccess: meaning.ok,
    colorErrorBg: '#fff1f0',
    colorErrorBorder: '#ffccc7',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorSuccessBg: '#f3faf0',
    colorSuccessBorder: '#c7e6b5',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorBgLayout: '#f3f4f6',
    motion: false,
  },
  components: {
    Tabs: { horizontalMargin: '0', cardPadding: '3px 10px', cardHeight: 30, horizontalItemPadding: '6px 0' },
    Tree: { titleHeight: 24 },
    Splitter: { splitBarSize: 2, splitTriggerSize: 6 },
  },
};
