// Centre region: the selected case file, or what to do when none is open.
import { Alert, Spin } from 'antd';
import { useCaseFile } from '../casefile/useCaseFile';
import { CaseView } from '../casefile/CaseView';
import { ShortcutKeys } from '../lib/ShortcutKeys';
import type { Reveal } from '../workspace/reveal';

interface Props {
  caseId: string | null;
  hasCases: boolean;
  reveal: Reveal | null;
  version?: number;
  /** The reviewer split the case file's panes (queueFold.ts). */
  onSplit?: () => void;
}

export function Centre({ caseId, hasCases, reveal, version = 0, onSplit }: Props) {
  const { view, loading, error } = useCaseFile(caseId, version);
  if (error) {
    return (
      <div className="viewer-error">
        <Alert type="error" showIcon title="无法打开案卷" description={error} />
      </div>
    );
  }
  if (view) return <CaseView key={view.id} view={view} reveal={view.id === caseId ? reveal : null} onSplit={onSplit} />;
  if (loading) {
    return (
      <div className="centre-hint" role="status">
        <Spin size="small" />
        正在打开案卷…
      </div>
    );
  }
  return (
    <div className="centre-hint" data-testid="centre-empty">
      {hasCases ? (
        <>
          <span>从左侧队列选择一个案件开始审核</span>
          <span className="small">
            <ShortcutKeys id="queueMove" /> 选择 · <ShortcutKeys id="queueOpen" /> 打开 · <ShortcutKeys id="search" /> 筛选队列或搜索全部内容
          </span>
        </>
      ) : (
        <span>导入或同步案卷后，案卷内容将显示在这里</span>
      )}
    </div>
  );
}
