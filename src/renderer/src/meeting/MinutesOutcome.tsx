// Around the minutes' signing: who submits them (the workstation's reviewer, whose key the central
// system knows — without it nothing can be signed, with a way to create one), and what became of
// the submission: queued, received, or refused by the central system — then 重新签署, which signs the
// same locked minutes again under a new submission id (the refused one stays listed with its reason).
import { useState } from 'react';
import { Alert, Button } from 'antd';
import type { MinutesSignerView } from '../../../shared/api/meetings';
import type { Meeting } from '../../../shared/meeting/schema';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { opinionActions } from '../opinion/store';

/** Null when the reviewer can sign the submission; else why not (zh-CN). */
export function submitterProblem(submitter: MinutesSignerView['submitter']): string | null {
  if (!submitter.name) return '集体讨论记录须由本机审核人员签名后提交中心系统：请先在“审核人员信息”中填写审核人员。';
  if (!submitter.key) return `集体讨论记录须由审核人员 ${submitter.name} 签名后提交中心系统，本机尚无其有效的签名密钥：请先创建，再由主持人、记录人签署。`;
  return null;
}

export function SubmitterNotice({ submitter }: { submitter: MinutesSignerView['submitter'] }) {
  const problem = submitterProblem(submitter);
  if (!problem) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={problem}
      action={
        submitter.name ? (
          <Button size="small" onClick={opinionActions.openKeys} data-testid="minutes-submitter-keys">
            签名密钥
          </Button>
        ) : undefined
      }
      data-testid="minutes-submitter-missing"
    />
  );
}

export function MinutesOutcome({ meeting, reload }: { meeting: Meeting; reload: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (meeting.state !== 'signed') return null;
  const rejected = meeting.minutes.filter((r) => r.submission === 'rejected');
  const stale = meeting.minutes.filter((r) => r.submission === 'stale');
  const resign = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.call('meetings.resignMinutes', { id: meeting.id });
      reload();
    } catch (err) {
      setError(errorText(err, '未能重新签署，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };

  if (rejected.length) {
    const reasons = rejected.map((r) => ({ caseNumber: r.caseNumber, reason: r.submissions.at(-1)?.reason ?? '（未说明）' }));
    return (
      <Alert
        type="error"
        showIcon
        title={`中心系统退回了 ${rejected.length} 份集体讨论记录`}
        description={
          <>
            <ul className="mt-minutes-reasons">
              {reasons.map((x) => (
                <li key={x.caseNumber}>
                  <span className="num">{x.caseNumber}</span>：{x.reason}
                </li>
              ))}
            </ul>
            <p>记录内容已锁定，不会改变。核对原因后点“重新签署”，由主持人、记录人重新签名后再次提交；退回的提交保留在下方备查。</p>
            {error && <p className="t-fail">{error}</p>}
          </>
        }
        action={
          <Button size="small" type="primary" loading={busy} onClick={() => void resign()} data-testid="minutes-resign">
            重新签署
          </Button>
        }
        data-testid="minutes-rejected"
      />
    );
  }
  if (stale.length)
    return <Alert type="warning" showIcon title="中心系统答复：案件已更新" description="本记录针对的是案件的较早修订，请在同步面板查看答复。" data-testid="minutes-stale" />;
  if (meeting.minutes.length && meeting.minutes.every((r) => r.submission === 'accepted'))
    return <Alert type="success" showIcon title="集体讨论记录已由中心系统接收" description="可下载签名 PDF 存档。" data-testid="minutes-done" />;
  return <Alert type="success" showIcon title="集体讨论记录已签署，已放入发送队列" description="联网同步时提交中心系统；也可下载签名 PDF 存档。" data-testid="minutes-done" />;
}
