// First start: nothing to review yet. Offer the demo case files, with progress and a readable result.
import { useEffect, useState } from 'react';
import { Alert, Button, Progress } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { ImportOutcome } from '../../../shared/api/cases';
import type { ApiEvents } from '../../../shared/api/events';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { ImportResult } from './ImportResult';

interface Props {
  /** Called with the outcomes; the queue shows them once it has reloaded. */
  onImported: (outcomes: ImportOutcome[]) => void | Promise<void>;
}

export function EmptyQueue({ onImported }: Props) {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ApiEvents['import.progress'] | null>(null);
  const [outcomes, setOutcomes] = useState<ImportOutcome[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => api.on('import.progress', setProgress), []);

  const load = async () => {
    setBusy(true);
    setError(null);
    setOutcomes(null);
    setProgress(null);
    try {
      const result = await api.call('cases.loadDemo', {});
      setOutcomes(result);
      await onImported(result);
    } catch (err) {
      setError(errorText(err, '演示案卷载入失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="queue-empty" data-testid="queue-empty">
      <InboxOutlined style={{ fontSize: 32, color: 'rgba(0,0,0,0.35)' }} aria-hidden />
      <p>尚无待审案件 — 同步中心系统或导入案卷包</p>
      <Button type="primary" size="middle" loading={busy} onClick={() => void load()} data-testid="load-demo">
        载入演示案卷
      </Button>
      {busy && (
        <div style={{ width: '100%' }} aria-live="polite">
          <Progress percent={percent} size="small" status="active" />
          <div className="small muted ellipsis">{progress ? `${progress.done}/${progress.total} ${progress.label}` : '正在准备演示案卷…'}</div>
        </div>
      )}
      {error && <Alert type="error" showIcon title={error} className="import-result" />}
      {outcomes && <ImportResult outcomes={outcomes} />}
    </div>
  );
}
