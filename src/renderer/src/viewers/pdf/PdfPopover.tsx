// The small popovers on a page: actions for a fresh selection or rectangle (高亮 / 添加批注 /
// 标记隐私 / 标记商业秘密), and the editor of an existing mark. Esc closes either.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from 'antd';
import { EditOutlined, EyeInvisibleOutlined, HighlightOutlined, LockOutlined } from '@ant-design/icons';
import type { Annotation } from '../../../../shared/api/evidence';
import { AnnotationForm, type AnnotationValues } from '../../annotations/AnnotationForm';
import { kindLabel, quoteOf, whereLabel } from '../../annotations/labels';

export type SelectionAction = 'highlight' | 'note' | 'personal' | 'trade_secret';

function Frame({ x, y, label, onClose, children, wide }: { x: number; y: number; label: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div
      ref={ref}
      className={`pdf-popover${wide ? ' is-wide' : ''}`}
      style={{ left: x, top: y }}
      role="dialog"
      aria-label={label}
      onPointerDown={(e) => e.stopPropagation()}
      onMouseUp={(e) => e.stopPropagation()}
      data-testid="pdf-popover"
    >
      {children}
    </div>
  );
}

interface SelectionProps {
  x: number;
  y: number;
  busy: boolean;
  error: string | null;
  /** Text selection (quote) or rectangle: the wording differs a little. */
  area: boolean;
  onAction: (action: SelectionAction, values?: AnnotationValues) => void;
  onClose: () => void;
}

export function SelectionActions({ x, y, busy, error, area, onAction, onClose }: SelectionProps) {
  const [noting, setNoting] = useState(false);
  if (noting) {
    return (
      <Frame x={x} y={y} label="添加批注" onClose={onClose} wide>
        <AnnotationForm busy={busy} error={error} saveLabel="保存批注" onSave={(v) => onAction('note', v)} onCancel={onClose} />
      </Frame>
    );
  }
  return (
    <Frame x={x} y={y} label={area ? '框选区域的操作' : '所选文字的操作'} onClose={onClose}>
      <div className="pdf-popover-actions" role="toolbar" aria-label={area ? '框选区域的操作' : '所选文字的操作'}>
        <Button size="small" type="text" icon={<HighlightOutlined />} loading={busy} onClick={() => onAction('highlight')} data-testid="sel-highlight">
          高亮
        </Button>
        <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setNoting(true)} data-testid="sel-note">
          添加批注
        </Button>
        <span className="tb-sep" />
        <Button size="small" type="text" icon={<EyeInvisibleOutlined />} onClick={() => onAction('personal')} data-testid="sel-personal">
          标记隐私
        </Button>
        <Button size="small" type="text" icon={<LockOutlined />} onClick={() => onAction('trade_secret')} data-testid="sel-trade-secret">
          标记商业秘密
        </Button>
      </div>
      {error && (
        <div className="t-fail small" role="alert">
          {error}
        </div>
      )}
    </Frame>
  );
}

interface EditorProps {
  x: number;
  y: number;
  annotation: Annotation;
  busy: boolean;
  error: string | null;
  onSave: (values: AnnotationValues) => void;
  onDelete: () => void;
  onClose: () => void;
}

export function AnnotationEditor({ x, y, annotation, busy, error, onSave, onDelete, onClose }: EditorProps) {
  const quote = quoteOf(annotation);
  return (
    <Frame x={x} y={y} label={`编辑${kindLabel(annotation)}`} onClose={onClose} wide>
      <div className="pdf-popover-head small">
        <span className={`kind-chip kind-${annotation.kind}`}>{kindLabel(annotation)}</span>
        <span className="muted">{whereLabel(annotation)}</span>
      </div>
      {quote && <blockquote className={`annotation-quote quote-${annotation.kind}`}>{quote}</blockquote>}
      <AnnotationForm
        key={annotation.id}
        initial={{ note: annotation.note, reviewPoint: annotation.reviewPoint }}
        withPoint={annotation.kind !== 'redaction'}
        busy={busy}
        error={error}
        onSave={onSave}
        onCancel={onClose}
        onDelete={onDelete}
        existing={annotation}
      />
    </Frame>
  );
}
