// A point's citations: chips (label + quoted text) that jump to the highlight or item, × to remove,
// and 添加引用 to pick a highlight or a document/evidence page.
import { Button, Tooltip } from 'antd';
import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import type { ResolvedCitation } from '../../../shared/api/review';
import { citationKey } from './model';

interface Props {
  citations: ResolvedCitation[];
  editable: boolean;
  onOpen: (c: ResolvedCitation) => void;
  onRemove: (c: ResolvedCitation) => void;
  onAdd: () => void;
}

const KIND_LABEL = { annotation: '标注', document: '文书', evidence: '证据' } as const;

export function Citations({ citations, editable, onOpen, onRemove, onAdd }: Props) {
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
          {citations.map((c) => (
            <li key={citationKey(c)} className={`rv-citation${c.valid ? '' : ' is-invalid'}`} data-testid="citation" data-kind={c.kind}>
              <button
                type="button"
                className="rv-citation-main"
                disabled={!c.valid}
                onClick={() => onOpen(c)}
                title={c.valid ? `转到：${c.label}${c.quote ? `\n“${c.quote}”` : ''}` : c.label}
              >
                <span className="rv-citation-kind">{KIND_LABEL[c.kind]}</span>
                <span className="rv-citation-label">{c.label}</span>
                {c.quote && <span className="rv-citation-quote">“{c.quote}”</span>}
              </button>
              {editable && (
                <Tooltip title="移除引用" mouseEnterDelay={0.4}>
                  <button type="button" className="rv-citation-remove" aria-label={`移除引用：${c.label}`} onClick={() => onRemove(c)} data-testid="citation-remove">
                    <CloseOutlined aria-hidden />
                  </button>
                </Tooltip>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
