// A point's citations: chips (label + quoted text) that jump to the highlight or item, × to remove,
// and 添加引用 to pick a highlight or a document/evidence page.
import { Button, Tooltip } from 'antd';
import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import type { ResolvedCitation } from '../../../shared/api/review';
import { useEditedAnnotations, useRemovedAnnotations } from '../annotations/annotationEvents';
import { citationKey } from './model';

interface Props {
  citations: ResolvedCitation[];
  editable: boolean;
  onOpen: (c: ResolvedCitation) => void;
  onRemove: (c: ResolvedCitation) => void;
  onAdd: () => void;
}

// For the tooltip: the chip itself reads like the opinion cites it — “询问笔录 第1页”.
const KIND_LABEL = { annotation: '批注', document: '文书', evidence: '证据' } as const;

interface Shown {
  valid: boolean;
  /** 第N页, kept out of the title so a long title cannot cut it off. */
  page: string | null;
  title: string;
  quote: string | null;
  /** The whole label, for the tooltip and the remove button. */
  label: string;
}

function shown(c: ResolvedCitation, removed: ReadonlySet<string>, edited: ReadonlyMap<string, string | null>): Shown {
  // Deleted in the 批注 list since the review was read: as review.get will resolve it.
  if (!c.valid || (c.kind === 'annotation' && removed.has(c.id))) {
    const label = c.valid || c.kind === 'annotation' ? '（批注已不存在）' : c.label;
    return { valid: false, page: null, title: label, quote: null, label };
  }
  // review.get labels a page citation "<title> 第N页".
  const suffix = c.page ? ` 第${c.page}页` : '';
  const title = suffix && c.label.endsWith(suffix) ? c.label.slice(0, -suffix.length) : c.label;
  // Edited in the 批注 list since the review was read: its current text, as review.get will resolve it
  // (a citation keeps no copy of what it quoted, so there is no older text to show as changed).
  const quote = c.kind === 'annotation' && edited.has(c.id) ? (edited.get(c.id) ?? null) : c.quote;
  return { valid: true, page: c.page ? `第${c.page}页` : null, title, quote, label: c.label };
}

export function Citations({ citations, editable, onOpen, onRemove, onAdd }: Props) {
  const removed = useRemovedAnnotations();
  const edited = useEditedAnnotations();
  return (
    <div className="rv-citations">
      <div className="rv-field-label">
        <span>引用</span>
        <span className="muted small">{citations.length ? `${citations.length} 项` : '尚未引用证据或文书'}</span>
        <span className="spacer" />
        {editable && (
          <Button type="link" size="small" icon={<PlusOutlined />} onClick={onAdd} data-testid="citation-add">
            添加引用
          </Button>
        )}
      </div>
      {citations.length > 0 && (
        <ul className="rv-chip-list" aria-label="引用">
          {citations.map((c) => {
            const v = shown(c, removed, edited);
            return (
              <li key={citationKey(c)} className={`rv-citation${v.valid ? '' : ' is-invalid'}`} data-testid="citation" data-kind={c.kind}>
                <button type="button" className="rv-citation-main" disabled={!v.valid} onClick={() => onOpen(c)} title={v.valid ? `转到${KIND_LABEL[c.kind]}：${v.label}${v.quote ? `\n“${v.quote}”` : ''}` : v.label}>
                  <span className="rv-citation-label">{v.title}</span>
                  {v.page && <span className="rv-citation-page num">{v.page}</span>}
                  {v.quote && <span className="rv-citation-quote">“{v.quote}”</span>}
                </button>
                {editable && (
                  <Tooltip title="移除引用" mouseEnterDelay={0.4}>
                    {/* The citation as review.get gave it: PointDetail removes it by identity. */}
                    <button type="button" className="rv-citation-remove" aria-label={`移除引用：${v.label}`} onClick={() => onRemove(c)} data-testid="citation-remove">
                      <CloseOutlined aria-hidden />
                    </button>
                  </Tooltip>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
