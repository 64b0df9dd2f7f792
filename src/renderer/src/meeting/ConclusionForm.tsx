// 结论性意见 of one case: the text, whether it follows the legal-review opinion (与审核意见一致), and
// — when it does not — the reasons, which the minutes must carry. The back end also checks that
// enough heads gave an opinion; its message is shown here.
import { useState } from 'react';
import { Alert, Button, Input, Switch } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { ConclusionInput, type Meeting, type MeetingCase } from '../../../shared/meeting/schema';
import { api } from '../api';
import { problemLine } from './errors';
import { clock } from './labels';

interface Props {
  meetingId: string;
  item: MeetingCase;
  readOnly: boolean;
  onDone: (m: Meeting) => void;
}

function suggestion(item: MeetingCase): string {
  return item.review.type === '同意' ? '同意法制审核意见，按拟处罚决定作出行政处罚决定。' : `采纳法制审核意见（${item.review.type}），由承办机构按审核意见纠正后作出行政处罚决定。`;
}

export function ConclusionForm({ meetingId, item, readOnly, onDone }: Props) {
  const c = item.conclusion;
  const [text, setText] = useState(c?.text ?? '');
  const [follows, setFollows] = useState(c?.followsReview ?? true);
  const [reason, setReason] = useState(c?.differingReason ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const changed = !c || c.text !== text.trim() || c.followsReview !== follows || (c.differingReason ?? '') !== (follows ? '' : reason.trim());

  const submit = async () => {
    const input = { text, followsReview: follows, ...(follows ? {} : { differingReason: reason }) };
    const parsed = ConclusionInput.safeParse(input);
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? '请检查结论性意见');
    setBusy(true);
    setProblem(null);
    try {
      onDone(await api.call('meetings.conclude', { id: meetingId, caseId: item.caseId, conclusion: parsed.data }));
    } catch (err) {
      setProblem(problemLine(err, '结论未能保存，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mt-conclusion" data-testid="conclusion-form" data-concluded={c !== null}>
      <div className="mt-label">
        结论性意见
        {c && (
          <span className="small t-ok" data-testid="conclusion-saved">
            <CheckCircleFilled aria-hidden /> 已形成结论 {clock(c.concludedAt)}
          </span>
        )}
        <span className="spacer" />
        {!readOnly && !text.trim() && (
          <Button type="link" size="small" onClick={() => setText(suggestion(item))}>
            按审核意见填入
          </Button>
        )}
      </div>
      <Input.TextArea value={text} readOnly={readOnly} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={10_000} placeholder="集体讨论决定：…" aria-label="结论性意见" data-testid="conclusion-text" />
      <label className="mt-switch">
        <Switch size="small" checked={follows} disabled={readOnly} onChange={setFollows} data-testid="conclusion-follows" />
        与法制审核意见一致（审核意见：{item.review.type}）
      </label>
      {!follows && (
        <Input.TextArea
          value={reason}
          readOnly={readOnly}
          onChange={(e) => setReason(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={10_000}
          placeholder="与法制审核意见不一致的理由（必填，载入集体讨论记录）"
          aria-label="与审核意见不一致的理由"
          status={reason.trim().length < 4 ? 'warning' : undefined}
          data-testid="conclusion-reason"
        />
      )}
      {problem && <Alert type="error" showIcon title={problem} data-testid="conclusion-error" />}
      {!readOnly && (
        <div className="mt-conclusion-actions">
          <Button type="primary" loading={busy} disabled={!changed} onClick={() => void submit()} data-testid="conclusion-submit">
            {c ? '更新结论' : '形成结论'}
          </Button>
        </div>
      )}
    </div>
  );
}
