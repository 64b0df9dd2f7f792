// A Word document (.docx) in the pane as its text: the paragraphs the back end read at import
// (mammoth, raw text — no formatting, tables or images, nothing of the file rendered as HTML), in
// the face official papers are printed in. The original opens in the computer's own software
// through 导出原件.
import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { CaseItem } from '../../casefile/items';
import { useCaseActions } from '../../casefile/CaseActions';
import { ExportOriginal } from '../ExportOriginal';
import { ViewerLoading } from '../ViewerMessage';
import { FoundText } from '../text/FoundText';
import type { Reveal } from '../../workspace/reveal';
import '../text/text.css';

export function DocxViewer({ item, reveal = null }: { item: CaseItem; reveal?: Reveal | null }) {
  const actions = useCaseActions();
  const [state, setState] = useState<{ text: string | null } | 'loading' | 'failed'>('loading');
  const caseId = actions?.caseId ?? null;
  useEffect(() => {
    if (!caseId) return;
    let live = true;
    setState('loading');
    api.call('evidence.itemText', { caseId, itemId: item.id }).then(
      (r) => live && setState(r),
      () => live && setState('failed'),
    );
    return () => {
      live = false;
    };
  }, [caseId, item.id, item.file.textState]);
  if (state === 'loading') return <ViewerLoading />;
  const text = state === 'failed' ? null : state.text;
  const meta = (
    <>
      <span>Word 文档 · 文字预览（不含格式、表格线与图片）</span>
      <ExportOriginal item={item} />
    </>
  );
  return (
    <div className="viewer text-viewer docx-viewer" data-testid="docx-viewer">
      {text !== null ? (
        <FoundText className="text-viewer-body docx-viewer-body" text={text || '（文档中没有文字）'} reveal={reveal} meta={meta} positionKey={item.file.sha256} />
      ) : (
        <>
          <div className="text-viewer-meta muted small">{meta}</div>
          <div className="viewer-info muted" data-testid="docx-no-text">
            {item.file.textState === 'pending' ? '正在提取文档中的文字，请稍候再打开。' : (item.file.problem ?? '未能读取该 Word 文档的文字。')}可导出原件，用本机软件打开。
          </div>
        </>
      )}
    </div>
  );
}
