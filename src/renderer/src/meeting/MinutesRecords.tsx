// The minutes files of the meeting once signed: per case, who signed when, the outbox state, the
// downloads (signed PDF, .docx, 提交件) and 验证签名 on the signed PDF (opinions.verify, the same
// check as for opinions: both signatures, chain, timestamp). Submissions the central system refused
// stay listed with their reason, also after 重新签署.
import { useState } from 'react';
import { Alert, Button } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { VerificationView } from '../../../shared/api/opinions';
import type { MinutesRecord } from '../../../shared/meeting/schema';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { SUBMISSION_LABEL } from '../opinion/labels';
import { VerificationResult } from '../opinion/VerificationResult';
import { RecordDownload } from '../opinion/OpinionDownload';
import '../opinion/opinion.css';
import { minutesFileName, stamp } from './labels';

const ROLE = { host: '主持人', recorder: '记录人' } as const;
const SUBMISSION: Record<MinutesRecord['submission'], string> = { not_queued: '尚未提交', ...SUBMISSION_LABEL };

/** Through meetings.exportMinutes (approval when required, audit log), never a blob link. */
function Download({ r, kind, name, label }: { r: MinutesRecord; kind: 'pdf' | 'docx' | 'submission'; name: string; label: string }) {
  return (
    <RecordDownload load={() => api.call('meetings.exportMinutes', { id: r.meetingId, caseId: r.caseId, kind })} kind={kind} name={name} className="op-dl" testId={`minutes-dl-${kind}`}>
      <DownloadOutlined aria-hidden />
      {label}
    </RecordDownload>
  );
}

function RecordRow({ r }: { r: MinutesRecord }) {
  const [result, setResult] = useState<VerificationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signed = r.signatures.length > 0;
  const refused = r.submissions.filter((x) => x.state === 'rejected' || x.state === 'stale');
  const verify = async () => {
    if (!r.pdfSha256) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await api.call('opinions.verify', { sha256: r.pdfSha256 }));
    } catch (err) {
      setError(errorText(err, '未能验证，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="mt-minutes-rec" data-testid="minutes-record" data-case-id={r.caseId} data-submission={r.submission}>
      <div className="mt-minutes-rec-head">
        <strong className="num">{r.caseNumber}</strong>
        <span className={`small ${r.submission === 'rejected' || r.submission === 'stale' ? 't-fail' : r.submission === 'accepted' ? 't-ok' : 'muted'}`} data-testid="minutes-submission">
          {SUBMISSION[r.submission]}
        </span>
      </div>
      <ul className="mt-minutes-sigs small">
        {r.signatures.map((s) => (
          <li key={s.role}>
            {ROLE[s.role]} {s.name} · <span className="num">{stamp(s.signedAt)}</span>
          </li>
        ))}
        {r.signatures.length === 0 && <li className="muted">{refused.length ? '重新签署中，尚未签署' : '尚未签署'}</li>}
      </ul>
      {refused.length > 0 && (
        <ul className="mt-minutes-sigs small" data-testid="minutes-refused">
          {refused.map((x) => (
            <li key={x.submissionId} className="t-fail">
              {x.state === 'rejected' ? '中心已退回' : '中心答复案卷已更新'} · <span className="num">{stamp(x.at)}</span>：{x.reason ?? '（未说明）'}
            </li>
          ))}
        </ul>
      )}
      <div className="mt-minutes-links">
        {r.pdfSha256 && <Download r={r} kind="pdf" name={minutesFileName(r.caseNumber, 'pdf', signed)} label="PDF" />}
        <Download r={r} kind="docx" name={minutesFileName(r.caseNumber, 'docx', signed)} label="Word" />
        {r.submissionSha256 && <Download r={r} kind="submission" name={minutesFileName(r.caseNumber, 'submission', signed)} label="提交件" />}
        <span className="spacer" />
        {r.pdfSha256 && signed && (
          <Button size="small" icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void verify()} data-testid="minutes-verify">
            验证签名
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon title={error} />}
      {result && <VerificationResult result={result} title="集体讨论记录 PDF 签名" compact />}
    </li>
  );
}

export function MinutesRecords({ records }: { records: MinutesRecord[] }) {
  if (records.length === 0) return null;
  return (
    <ul className="mt-minutes-recs" data-testid="minutes-records">
      {records.map((r) => (
        <RecordRow key={r.minutesId} r={r} />
      ))}
    </ul>
  );
}
