// 不采纳 an automatic `fail`: the reason is required (at least 4 characters) and kept with the review.
import { useId, useState } from 'react';
import { Button, Input } from 'antd';
import { errorText } from '../lib/errors';

interface Props {
  message: string;
  onSubmit: (reason: string) => Promise<unknown>;
  onCancel?: () => void;
}

const MIN = 4;

export function OverrideForm({ message, onSubmit, onCancel }: Props) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const short = reason.trim().length < MIN;

  const submit = async () => {
    if (short) {
      setError(`请写明不采纳的理由（至少 ${MIN} 个字）`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(reason.trim());
    } catch (err) {
      setError(errorText(err, '未能保存不采纳的理由，请稍后重试'));
      setBusy(false);
    }
  };

  return (
    <div className="rv-override-form" data-testid="override-form">
      <label htmlFor={id} className="rv-field-label">
        不采纳“{message}”的理由
      </label>
      <Input.TextArea
        id={id}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 5 }}
        maxLength={2000}
        placeholder="例如：经核对原始凭证，违法所得应为……，拟罚款在法定幅度内"
        data-testid="override-reason"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
        }}
      />
      {error && (
        <div className="t-fail small" role="alert">
          {error}
        </div>
      )}
      <div className="rv-form-actions">
        {onCancel && (
          <Button size="small" onClick={onCancel}>
            取消
          </Button>
        )}
        <Button size="small" type="primary" loading={busy} onClick={() => void submit()} data-testid="override-submit">
          确认不采纳
        </Button>
      </div>
    </div>
  );
}
