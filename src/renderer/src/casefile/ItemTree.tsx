// 文书 / 证据 tree: evidence grouped by kind, dated; red markers for files tampered with (篡) or
// missing (缺), a green tick for files a 校验案卷 found intact.
// Click opens into the active pane; the context menu opens into the other pane. ↑/↓ move the
// keyboard's place in the tree from the item last clicked or opened, Enter opens.
import { useEffect, useMemo, useState, type Key } from 'react';
import { Dropdown, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { AudioOutlined, CheckOutlined, FileImageOutlined, FileOutlined, FilePdfOutlined, VideoCameraOutlined } from '@ant-design/icons';
import type { FileState } from '../../../shared/api/evidence';
import { fileKind, groupSize, type CaseItem, type ItemGroup } from './items';
import './tree.css';

interface Props {
  groups: ItemGroup[];
  selectedId: string | null;
  /** "右侧" or "左侧": where the context action opens. */
  otherSide: string;
  onOpen: (id: string, target: 'active' | 'other') => void;
  /** Integrity states known beyond the case view's (from checks on opening and 校验案卷). */
  states: Map<string, FileState>;
  /** Items a 校验案卷 found intact get a green tick. */
  verified: ReadonlySet<string>;
}

const ICONS = { pdf: FilePdfOutlined, image: FileImageOutlined, video: VideoCameraOutlined, audio: AudioOutlined, other: FileOutlined };

function toNodes(groups: readonly ItemGroup[], byId: Map<string, CaseItem>): DataNode[] {
  return groups.map((g) => ({
    key: g.key,
    selectable: false,
    title: (
      <span className="tree-group">
        {g.label}
        <span className="tree-count">{groupSize(g)}</span>
      </span>
    ),
    children: [
      ...toNodes(g.children, byId),
      ...g.items.map((item) => {
        byId.set(item.id, item);
        return { key: item.id, isLeaf: true, title: item.title };
      }),
    ],
  }));
}

function allGroupKeys(groups: readonly ItemGroup[]): string[] {
  return groups.flatMap((g) => [g.key, ...allGroupKeys(g.children)]);
}

interface TitleProps {
  item: CaseItem;
  otherSide: string;
  onOpen: Props['onOpen'];
  state: FileState;
  verified: boolean;
}

const STATE_TIP: Record<FileState, string> = { ok: '', tampered: '文件已篡改：内容与导入时的校验值不符', missing: '文件缺失：本机存储中没有此文件' };

function ItemTitle({ item, otherSide, onOpen, state, verified }: TitleProps) {
  const Icon = ICONS[fileKind(item.file)];
  const bad = state !== 'ok';
  const tip = [item.title, item.kind !== item.title ? item.kind : '', item.detail ?? '', item.date, STATE_TIP[state], verified && !bad ? '校验完好' : ''].filter(Boolean).join('\n');
  return (
    <Dropdown
      trigger={['contextMenu']}
      menu={{
        items: [
          { key: 'open', label: '打开' },
          { key: 'other', label: `在${otherSide}打开` },
        ],
        onClick: ({ key, domEvent }) => {
          domEvent.stopPropagation();
          onOpen(item.id, key === 'other' ? 'other' : 'active');
        },
      }}
    >
      <span className={`tree-item${bad ? ' is-missing' : ''}`} title={tip} data-item-id={item.id} data-testid="case-item" data-file-state={state}>
        <Icon className="tree-icon" aria-hidden />
        <span className="tree-title">{item.title}</span>
        {bad && (
          <span className="missing-mark" role="img" aria-label={state === 'tampered' ? '文件已篡改' : '文件缺失'} data-testid="tree-state-mark">
            {state === 'tampered' ? '篡' : '缺'}
          </span>
        )}
        {verified && !bad && <CheckOutlined className="t-ok tree-ok" role="img" aria-label="校验完好" />}
        <span className="tree-date num">{item.date.slice(5)}</span>
      </span>
    </Dropdown>
  );
}

export function ItemTree({ groups, selectedId, otherSide, onOpen, states, verified }: Props) {
  const { treeData, byId } = useMemo(() => {
    const map = new Map<string, CaseItem>();
    return { treeData: toNodes(groups, map), byId: map };
  }, [groups]);
  const expanded = useMemo(() => allGroupKeys(groups), [groups]);
  // The keyboard's place (the tree's "active" node), held here: the tree itself drops it when the
  // mouse moves over it and never sets it on a click, so ↓ after a click started from the top.
  // Null while the tree is not focused.
  const [activeKey, setActiveKey] = useState<Key | null>(null);

  // The item opened: the keyboard's place follows it (while the tree is focused), and it is scrolled into view.
  useEffect(() => {
    if (!selectedId) return;
    setActiveKey((k) => (k === null ? null : selectedId));
    document.querySelector(`.item-tree [data-item-id="${CSS.escape(selectedId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  return (
    <nav className="item-tree" aria-label="文书与证据">
      <Tree
        blockNode
        showLine={false}
        defaultExpandedKeys={expanded}
        treeData={treeData}
        selectedKeys={selectedId ? [selectedId] : []}
        activeKey={activeKey}
        onActiveChange={(key: Key | null) => key !== null && setActiveKey(key)}
        onBlur={() => setActiveKey(null)}
        titleRender={(node) => {
          const item = byId.get(String(node.key));
          if (!item) return node.title as React.ReactNode;
          const state = states.get(item.id) ?? (item.file.present ? item.file.state : 'missing');
          return <ItemTitle item={item} otherSide={otherSide} onOpen={onOpen} state={state} verified={verified.has(item.id)} />;
        }}
        onSelect={(_keys, info) => {
          setActiveKey(info.node.key);
          if (info.node.isLeaf) onOpen(String(info.node.key), 'active');
        }}
      />
    </nav>
  );
}
