// Every keyboard shortcut the workbench handles, in one table: the 快捷键 overview (shell/
// ShortcutsDialog, “?”) lists it, the Ctrl shortcuts' handlers take their key from CTRL_KEY, and
// tests/unit/shortcuts.test.ts checks both ways against the handlers' sources — each key listed
// here appears in a file named in `sources`, and each file that reads keys is named by some entry —
// so a shortcut added, changed or removed in code without this table fails the test. Tooltips and
// labels that name a key take it from here too (shortcutTip / shortcutKeys, by the entry's `id`), as
// do the hints that draw keys as <kbd> (ShortcutKeys.tsx); tests/unit/shortcut-tips.test.ts fails on
// a key written into a label, or a <kbd> written, by hand.

export const SHORTCUT_GROUPS = ['全局', '队列', '案卷与材料', 'PDF', '审核要点', '集体讨论'] as const;
export type ShortcutGroup = (typeof SHORTCUT_GROUPS)[number];

/** Ctrl (⌘ on macOS) shortcuts, as KeyboardEvent.key in lower case: `isCtrl(e, CTRL_KEY.search)`. */
export const CTRL_KEY = { search: 'k', settings: ',', split: '\\', find: 'f' } as const;

/** Not keys: shown as words beside the keys (Alt+拖动), not drawn as <kbd>. */
export const GESTURES: ReadonlySet<string> = new Set(['拖动', '滚轮']);

/** Keys pressed together, as shown: ['Ctrl', 'K']. */
export type Combo = readonly string[];

export interface Shortcut {
  group: ShortcutGroup;
  /** Alternatives: each combo does it (J / PageDown). */
  keys: readonly Combo[];
  action: string;
  /** Where or when it applies, when not everywhere. */
  where?: string;
  /** Files under src/renderer/src that handle it (checked by the unit test). */
  sources: readonly string[];
  /** Named by tooltips and labels (shortcutTip / shortcutKeys) that show its keys. */
  id?: string;
  /**
   * With alternatives that do different things (J / K), the label of each, in the order of `keys`:
   * a tooltip gets the key of the alternative its label names, never the other one.
   */
  tips?: readonly string[];
}

const ctrl = (key: keyof typeof CTRL_KEY): Combo => ['Ctrl', CTRL_KEY[key].toUpperCase()];

export const SHORTCUTS: readonly Shortcut[] = [
  { group: '全局', keys: [ctrl('search')], action: '筛选待审案件，回车搜索全部内容', where: '队列收起时先展开', sources: ['App.tsx'], id: 'search' },
  { group: '全局', keys: [ctrl('settings')], action: '打开设置', sources: ['settings/SettingsHost.tsx'], id: 'settings' },
  { group: '全局', keys: [['?']], action: '打开或关闭本快捷键一览', sources: ['shell/ShortcutsDialog.tsx'], id: 'shortcuts' },

  { group: '队列', keys: [['↑'], ['↓']], action: '选择上一个 / 下一个案件', sources: ['queue/QueueTable.tsx'], id: 'queueMove' },
  { group: '队列', keys: [['PageUp'], ['PageDown']], action: '向上 / 向下翻一屏', sources: ['queue/QueueTable.tsx'] },
  { group: '队列', keys: [['Home'], ['End']], action: '第一个 / 最后一个案件', sources: ['queue/QueueTable.tsx'] },
  { group: '队列', keys: [['Enter'], ['空格']], action: '打开所选案件', sources: ['queue/QueueTable.tsx'], id: 'queueOpen' },
  { group: '队列', keys: [['Enter']], action: '在全部案卷和文书全文中搜索', where: '在筛选框中', sources: ['queue/QueueToolbar.tsx'], id: 'searchAll' },
  { group: '队列', keys: [['↓']], action: '从筛选框移到搜索结果或队列第一行', sources: ['queue/QueueToolbar.tsx'] },
  { group: '队列', keys: [['↑'], ['↓']], action: '在搜索结果间移动', sources: ['search/SearchResults.tsx'] },
  { group: '队列', keys: [['Esc']], action: '关闭搜索结果，回到队列', sources: ['search/SearchResults.tsx', 'queue/QueueToolbar.tsx'], id: 'closeSearch' },

  { group: '案卷与材料', keys: [['J'], ['K']], action: '打开下一项 / 上一项材料', where: '按材料目录顺序', sources: ['casefile/CaseView.tsx'], id: 'itemStep' },
  { group: '案卷与材料', keys: [['PageDown'], ['PageUp']], action: '同 J / K', where: '焦点不在 PDF 或队列中时', sources: ['casefile/CaseView.tsx'] },
  { group: '案卷与材料', keys: [ctrl('split')], action: '并排显示 / 取消并排', sources: ['casefile/CaseView.tsx'], id: 'split' },
  { group: '案卷与材料', keys: [['←'], ['→']], action: '切换标签页', where: '焦点在标签栏上', sources: ['workspace/PaneTabs.tsx', 'casefile/CaseSidebar.tsx'] },
  { group: '案卷与材料', keys: [['Delete']], action: '关闭标签页', where: '焦点在标签栏上', sources: ['workspace/PaneTabs.tsx'] },
  { group: '案卷与材料', keys: [ctrl('find')], action: '在当前文书中查找', where: 'PDF、文本、Word', sources: ['viewers/useFindKey.ts'], id: 'find' },
  { group: '案卷与材料', keys: [['Enter'], ['Shift', 'Enter']], action: '查找下一个 / 上一个', where: '在查找栏中', sources: ['viewers/FindBar.tsx'], id: 'findStep', tips: ['下一个', '上一个'] },
  { group: '案卷与材料', keys: [['Esc']], action: '关闭查找栏，再按一次清除搜索标记', sources: ['viewers/FindBar.tsx', 'viewers/text/FoundText.tsx', 'viewers/pdf/PdfViewer.tsx'], id: 'closeFind' },
  { group: '案卷与材料', keys: [['+'], ['-']], action: '放大 / 缩小图片', sources: ['viewers/image/ImageViewer.tsx'], id: 'imageZoom', tips: ['放大', '缩小'] },
  { group: '案卷与材料', keys: [['0']], action: '图片适合窗口', where: '焦点在图片上', sources: ['viewers/image/ImageViewer.tsx'], id: 'imageFit' },
  { group: '案卷与材料', keys: [['R'], ['Shift', 'R']], action: '向右 / 向左旋转图片', sources: ['viewers/image/ImageViewer.tsx'], id: 'imageRotate', tips: ['向右旋转 90°', '向左旋转 90°'] },
  { group: '案卷与材料', keys: [['空格']], action: '播放 / 暂停音视频', sources: ['viewers/media/MediaViewer.tsx'], id: 'mediaPlay' },
  { group: '案卷与材料', keys: [['←'], ['→']], action: '音视频后退 / 前进 5 秒', sources: ['viewers/media/MediaViewer.tsx'], id: 'mediaSeek', tips: ['后退 5 秒', '前进 5 秒'] },

  { group: 'PDF', keys: [['PageUp'], ['PageDown']], action: '上一页 / 下一页', sources: ['viewers/pdf/PdfViewer.tsx'], id: 'pdfPage', tips: ['上一页', '下一页'] },
  { group: 'PDF', keys: [['Home'], ['End']], action: '第一页 / 最后一页', sources: ['viewers/pdf/PdfViewer.tsx'] },
  { group: 'PDF', keys: [['Ctrl', '='], ['Ctrl', '-']], action: '放大 / 缩小', sources: ['viewers/pdf/PdfViewer.tsx'], id: 'pdfZoom', tips: ['放大', '缩小'] },
  { group: 'PDF', keys: [['Ctrl', '滚轮']], action: '缩放', sources: ['viewers/pdf/PdfViewer.tsx'] },
  { group: 'PDF', keys: [['Alt', '拖动']], action: '框选区域，添加批注或标记', sources: ['viewers/pdf/PdfPage.tsx', 'viewers/pdf/useMarking.tsx'], id: 'pdfArea' },
  { group: 'PDF', keys: [['Esc']], action: '关闭页面上的弹出框（高亮、批注、标记）', sources: ['viewers/pdf/PdfViewer.tsx', 'viewers/pdf/PdfPopover.tsx'] },
  { group: 'PDF', keys: [['Ctrl', 'Enter']], action: '保存批注', where: '在批注框中', sources: ['annotations/AnnotationForm.tsx'] },
  { group: 'PDF', keys: [['Esc']], action: '取消批注', where: '在批注框中', sources: ['annotations/AnnotationForm.tsx'] },

  { group: '审核要点', keys: [['1–9']], action: '跳到审核要点 P1–P9', where: '已打开案件', sources: ['review/usePointKeys.ts'] },
  { group: '审核要点', keys: [['0']], action: '跳到审核要点 P10', where: '已打开案件', sources: ['review/usePointKeys.ts'] },
  { group: '审核要点', keys: [['Ctrl', 'Enter']], action: '确认不采纳', where: '在不采纳理由框中', sources: ['review/OverrideForm.tsx'] },

  { group: '集体讨论', keys: [['→'], ['PageDown'], ['空格']], action: '下一项', where: '会议进行中，翻页笔同样可用', sources: ['meeting/usePresenterKeys.ts'], id: 'meetingNext' },
  { group: '集体讨论', keys: [['←'], ['PageUp']], action: '上一项', sources: ['meeting/usePresenterKeys.ts'], id: 'meetingPrev' },
  { group: '集体讨论', keys: [['F']], action: '投屏页全屏 / 退出全屏', where: '在投屏页上，也可双击', sources: ['meeting/audience/AudiencePage.tsx'] },
];

/** The entry named `id` (Shortcut.id), if the table has one. */
export function shortcutEntry(id: string): Shortcut | undefined {
  return SHORTCUTS.find((s) => s.id === id);
}

/** 'Ctrl+K', for tooltips and aria labels. */
export function comboText(combo: Combo): string {
  return combo.join('+');
}

/**
 * The key text for a label from the entry `id`: 'Ctrl+F'; with `tips`, the key of the alternative
 * named `label` ('' when it names none: tests/unit/shortcut-tips.test.ts checks every call); without,
 * all alternatives ('J / K').
 */
export function shortcutKeys(id: string, label?: string): string {
  const entry = shortcutEntry(id);
  if (!entry) return '';
  if (!entry.tips) return entry.keys.map(comboText).join(' / ');
  const combo = label === undefined ? undefined : entry.keys[entry.tips.indexOf(label)];
  return combo ? comboText(combo) : '';
}

/** A tooltip or aria label with its shortcut, from the table: '查找（Ctrl+F）'. */
export function shortcutTip(id: string, label: string): string {
  const keys = shortcutKeys(id, label);
  return keys ? `${label}（${keys}）` : label;
}
