// 删除这条批注？ — and, when review points cite the annotation, which ones: their chips will read
// “批注已不存在”. Read from review.get each time the confirm opens (the review may have changed).
import { useRef, useState, type ReactNode } from 'react';
import { Popconfirm } from 'antd';
import type { Annotation } from '../../../shared/api/evidence';
import { api } from '../api';
import { citedWarning, pointsCiting } from './citedBy';

type Check = { state: 'checking' } | { state: 'done'; warning: string | null } | { state: 'failed' };

interface Props {
  /** Without it (a mark not yet known by id) the confirm says only that deleting cannot be undone. */
  annotation?: Pick<Annotation, 'id' | 'caseId'> | undefined;
  onConfirm: () => void;
  children: ReactNode;
}

export function DeleteAnnotationConfirm({ annotation, onConfirm, children }: Props) {
  const [check, setCheck] = useState<Check>({ state: 'checking' });
  // Only the answer for the latest opening counts.
  const seq = useRef(0);

  const onOpenChange = (open: boolean) => {
    if (!open || !annotation) return;
    const n = ++seq.current;
    setCheck({ state: 'checking' });
    api.call('review.get', { caseId: annotation.caseId }).then(
      (view) => n === seq.current && setCheck({ state: 'done', warning: citedWarning(pointsCiting(view, annotation.id)) }),
      () => n === seq.current && setCheck({ state: 'failed' }),
    );
  };

  const checking = !!annotation && check.state === 'checking';
  const description = (
    <div className="ann-delete-desc" data-testid="annotation-delete-confirm">
      {checking && (
        <div className="muted" role="status">
          正在核对审核认定中的引用…
        </div>
      )}
      {annotation && check.state === 'done' && check.warning && (
        <div className="ann-delete-cited" data-testid="annotation-delete-cited">
          {check.warning}
        </div>
      )}
      {annotation && check.state === 'failed' && <div className="muted">未能核对审核认定是否引用了这条批注。</div>}
      <div>删除后不能恢复。</div>
    </div>
  );

  return (
    <Popconfirm
      title="删除这条批注？"
      description={description}
      okText="删除"
      cancelText="取消"
      // Not before the reviewer can see whether a point cites it.
      okButtonProps={{ danger: true, disabled: checking }}
      onOpenChange={onOpenChange}
      onConfirm={onConfirm}
    >
      {children}
    </Popconfirm>
  );
}
