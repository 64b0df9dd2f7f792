// 文书 / 证据 tree: evidence grouped by kind, dated, a red marker when a file is missing locally.
// Click opens into the active pane; the context menu opens into the other pane.
import { useEffect, useMemo } from 'react';
import { Dropdown, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { AudioOutlined, FileImageOutlined, FileOutlined, FilePdfOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { fileKind, groupSize, type CaseItem, type ItemGroup } from './items';
import './tree.css';

interface Props {
  groups: ItemGroup[];
  selectedId: string | null;
  /** "右侧" or "左侧": where the context action opens. */
  otherSide: string;
  onOpen: (id: string, target: 'active' | 'other') => void;
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

function ItemTitle({ item, otherSide, onOpen }: { item: CaseItem; otherSide: string; onOpen: Props['onOpen'] }) {
  const Icon = ICONS[fileKind(item.file)];
  const missing = !item.file.present;
  const tip = [item.title, item.kind !== item.title ? item.kind : '', item.detail ?? '', item.date, missing ? '文件缺失：本机存储中没有此文件' : ''].filter(Boolean).join('\n');
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
      <span className={`tree-item${missing ? ' is-missing' : ''}`} title={tip} data-item-id={item.id} data-testid="case-item">
        <Icon className="tree-icon" aria-hidden />
        <span className="tree-title">{item.title}</span>
        {missing && (
          <span className="missing-mark" role="img" aria-label="文件缺失">
            缺
          </span>
        )}
        <span className="tree-date num">{item.date.slice(5)}</span>
      </span>
    </Dropdown>
  );
}

export function ItemTree({ groups, selectedId, otherSide, onOpen }: Props) {
  const { treeData, byId } = useMemo(() => {
    const map = new Map<string, CaseItem>();
    return { treeData: toNodes(groups, map), byId: map };
  }, [groups]);
  const expanded = useMemo(() => allGroupKeys(groups), [groups]);

  useEffect(() => {
    if (!selectedId) return;
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
        titleRender={(node) => {
          const item = byId.get(String(node.key));
          return item ? <ItemTitle item={item} otherSide={otherSide} onOpen={onOpen} /> : (node.title as React.ReactNode);
        }}
        onSelect={(_keys, info) => {
          if (info.node.isLeaf) onOpen(String(info.node.key), 'active');
        }}
      />
    </nav>
  );
}
