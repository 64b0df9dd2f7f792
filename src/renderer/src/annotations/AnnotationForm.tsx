// Note + review point for a highlight (new or existing). Ctrl+Enter saves, Esc cancels.
import { useState, type KeyboardEvent } from 'react';
import { Button, Input, Select } from 'antd';
import type { Annotation, ReviewPointId } from '../../../shared/api/evidence';
import { REVIEW_POINT_OPTIONS } from '../lib/reviewPoints';
import { DeleteAnnotationConfirm } from './DeleteAnnotationConfirm';
import './annotations.css';

export interface AnnotationValues {
  note: string;
  reviewPoint: ReviewPointId | null;
}

interface Props {
  initial?: Partial<AnnotationValues>;
  saveLabel?: string;
  busy?: boolean;
  error?: string | null;
  /** Offer to link a review point (not for redaction marks). */
  withPoint?: boolean;
  onSave: (values: AnnotationValues) => void;
  onCancel: () => void;
  onDelete?: () => void;
  /** The annotation being edited: the delete confirm then names the review points citing it. */
  existing?: Pick<Annotation, 'id' | 'caseId'>;
}

export function AnnotationForm({ initial, saveLabel = '保存', busy, error, withPoint = true, onSave, onCancel, onDelete, existing }: Props) {
  const [note, setNote] = useState(initial?.note ?? '');
  const [point, setPoint] = useState<ReviewPointId | null>(initial?.reviewPoint ?? null);
  const save = () => onSave({ note: note.trim(), reviewPoint: point });
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
  };
  return (
    <div className="annotation-form" onKeyDown={onKeyDown} data-testid="annotation-form">
      <Input.TextArea
        autoFocus
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder="批注（可留空）"
        aria-label="批注内容"
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={10_000}
        data-testid="annotation-note"
      />
      {withPoint && (
        <Select
          allowClear
          value={point ?? undefined}
          onChange={(v?: ReviewPointId) => setPoint(v ?? null)}
          placeholder="关联审核要点（可选）"
          aria-label="关联审核要点"
          options={REVIEW_POINT_OPTIONS}
          popupMatchSelectWidth={false}
          style={{ width: '100%' }}
          data-testid="annotation-point"
        />
      )}
      {error && (
        <div className="t-fail small" role="alert">
          {error}
        </div>
      )}
      <div className="annotation-form-actions">
        {onDelete && (
          <DeleteAnnotationConfirm annotation={existing} onConfirm={onDelete}>
            <Button danger size="small" data-testid="annotation-delete">
              删除
            </Button>
          </DeleteAnnotationConfirm>
        )}
        <span className="spacer" />
        <Button size="small" onClick={onCancel}>
          取消
        </Button>
        <Button type="primary" size="small" loading={busy} onClick={save} data-testid="annotation-save">
          {saveLabel}
        </Button>
      </div>
    </div>
  );
}
