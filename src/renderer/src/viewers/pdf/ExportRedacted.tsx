// 导出公示版: a copy of the PDF with the redaction marks' text truly removed (done by the back end);
// the result offers to open the copy in the other pane or to download it. The original is untouched.
// The state lives in a hook so that the toolbar can run the export from its button or from 更多
// (when the button is folded) and show that it is busy either way.
import { useState, type ReactNode } from 'react';
import { Alert, Button, Modal, Tooltip } from 'antd';
import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import type { RedactedCopy } from '../../../../shared/api/evidence';
import { api } from '../../api';
import { errorText } from '../../lib/errors';
import { formatBytes, type CaseItem } from '../../casefile/items';
import { useAnnotations } from '../../annotations/AnnotationsContext';
import { useCaseActions } from '../../casefile/CaseActions';

type State = { phase: 'idle' } | { phase: 'busy' } | { phase: 'none' } | { phase: 'done'; copy: RedactedCopy } | { phase: 'error'; message: string };

export interface RedactedExport {
  /** The item's redaction marks. */
  marks: number;
  busy: boolean;
  run: () => void;
  /** The result or error dialog; render it once, wherever the export was started from. */
  dialog: ReactNode;
}

/** 导出公示版 for a case item (undefined: nothing to export, e.g. a copy or outside a case). */
export function useExportRedacted(item: CaseItem | undefined): RedactedExport {
  const store = useAnnotations();
  const actions = useCaseActions();
  const [state, setState] = useState<State>({ phase: 'idle' });
  const marks = item ? (store?.byItem.get(item.id) ?? []).filter((a) => a.kind === 'redaction').length : 0;

  const run = async () => {
    if (!actions || !item || state.phase === 'busy') return;
    if (marks === 0) {
      setState({ phase: 'none' });
      return;
    }
    setState({ phase: 'busy' });
    try {
      const copy = await api.call('evidence.exportRedacted', { caseId: actions.caseId, itemId: item.id });
      setState({ phase: 'done', copy });
    } catch (err) {
      setState({ phase: 'error', message: errorText(err, '公示版未能导出，请稍后重试') });
    }
  };
  const close = () => setState({ phase: 'idle' });

  const copy = state.phase === 'done' ? state.copy : null;
  const pages = copy?.pagesRasterized ?? [];
  const moved = copy?.reanchored.filter((r) => r.to !== null) ?? [];
  const dialog = item ? (
    <Modal
      open={state.phase === 'done' || state.phase === 'error' || state.phase === 'none'}
      title={state.phase === 'done' ? '已导出公示版' : state.phase === 'none' ? '没有遮盖标记' : '导出失败'}
      onCancel={close}
      width={480}
      footer={
        copy ? (
          <>
            <Button onClick={close}>关闭</Button>
            <Button icon={<DownloadOutlined />} href={api.blobUrl(copy.sha256)} download={copy.fileName} data-testid="redacted-download">
              下载
            </Button>
            <Button
              type="primary"
              onClick={() => {
                actions?.openCopy(copy, item);
                close();
              }}
              data-testid="redacted-open"
            >
              在另一侧打开
            </Button>
          </>
        ) : (
          <Button type="primary" onClick={close}>
            知道了
          </Button>
        )
      }
    >
      {state.phase === 'none' && <p>“{item.title}”还没有遮盖标记。请先选中文字或框选区域，选择“标记隐私”或“标记商业秘密”，再导出公示版。</p>}
      {state.phase === 'error' && <Alert type="error" showIcon title={state.message} />}
      {copy && (
        <div data-testid="redacted-result">
          <dl className="kv">
            <dt>文件</dt>
            <dd>{copy.fileName}</dd>
            <dt>大小</dt>
            <dd className="num">{formatBytes(copy.size)}</dd>
            <dt>遮盖</dt>
            <dd className="num">
              {marks} 处标记，删除文字 {copy.removedTextItems} 段
            </dd>
            {moved.length > 0 && (
              <>
                <dt>重新定位</dt>
                <dd data-testid="redacted-reanchored">
                  文件已更新，{moved.length} 处标记按原文在新版本中定位：
                  {moved.map((r) => (r.to === r.from ? `第 ${r.to} 页` : `第 ${r.from} → ${r.to} 页`)).join('、')}
                </dd>
              </>
            )}
            <dt>处理页</dt>
            <dd className="num">{pages.length ? `共 ${pages.length} 页（第 ${pages.join('、')} 页）` : '无需重新生成页面'}</dd>
          </dl>
          <RedactionWarnings copy={copy} />
          <p className="small muted">副本中被遮盖的文字已真正删除，无法复制或检索。原始证据未作任何修改。</p>
        </div>
      )}
    </Modal>
  ) : null;
  return { marks, busy: state.phase === 'busy', run: () => void run(), dialog };
}

/** The toolbar's 导出公示版 button. */
export function ExportRedactedButton({ exp }: { exp: RedactedExport }) {
  return (
    <Tooltip title={`按本文件的 ${exp.marks} 处遮盖标记导出公示用副本`} mouseEnterDelay={0.4}>
      <Button size="small" type="text" icon={<ExportOutlined />} loading={exp.busy} onClick={exp.run} aria-label="导出公示版" data-testid="export-redacted">
        <span className="tb-label">导出公示版</span>
      </Button>
    </Tooltip>
  );
}

const quote = (t: string) => `「${t.length > 24 ? `${t.slice(0, 24)}…` : t}」`;

/** What the reviewer must still look at before publishing: text left in the copy, marks not found. */
function RedactionWarnings({ copy }: { copy: RedactedCopy }) {
  const lost = copy.reanchored.filter((r) => r.to === null);
  const left = copy.remainingOccurrences;
  if (!lost.length && !left.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="redacted-warnings"
      data-testid="redacted-warnings"
      title="公示前请核对"
      description={
        <ul>
          {left.map((o, i) => (
            <li key={`l${i}`}>
              第 {o.page} 页仍有 {quote(o.text)}：该处未标记，副本中未隐去
            </li>
          ))}
          {lost.map((r, i) => (
            <li key={`n${i}`}>
              {quote(r.text)}（原在第 {r.from} 页）在文件新版本中未找到，未作隐去
            </li>
          ))}
        </ul>
      }
    />
  );
}
