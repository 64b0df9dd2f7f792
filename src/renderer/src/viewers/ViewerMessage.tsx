// What a pane shows instead of a document: loading, or a clear zh-CN reason it can't be shown.
import type { ReactNode } from 'react';
import { Alert, Progress, Spin } from 'antd';

export function ViewerLoading({ progress, label = '正在打开文件…' }: { progress?: number | null; label?: string }) {
  return (
    <div className="centre-hint" role="status">
      <Spin size="small" />
      <span>{label}</span>
      {progress !== null && progress !== undefined && <Progress percent={Math.round(progress * 100)} size="small" style={{ width: 200 }} />}
    </div>
  );
}

export function ViewerError({ title, text, extra }: { title: string; text: string; extra?: ReactNode }) {
  return (
    <div className="viewer-error" data-testid="viewer-error">
      <Alert type="error" showIcon title={title} description={text} action={extra} />
    </div>
  );
}
