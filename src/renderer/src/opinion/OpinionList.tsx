// 意见书: every signed version of this case's opinions (opinions.list), newest first; superseded ones
// greyed "已被第N版取代". Each can be opened, downloaded and verified (opinions.verify on its signed PDF
// and on its submission JSON), showing 有效 / 无效 with the reason, signer, chain, time and notes.
import { useId, useState } from 'react';
import { Alert, Spin } from 'antd';
import type { OpinionRecord, VerificationView } from '../../../shared/api/opinions';
import { chinaDateTime } from '../../../shared/format/date';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { OpinionDownload } from './OpinionDownload';
import { fileBase, SUBMISSION_LABEL, timestampLabel } from './labels';
import { opinionActions } from './store';
import { useCaseOpinions } from './useCaseOpinions';
import { VerificationResult } from './VerificationResult';
import './opinion.css';

type Check = { phase: 'busy' } | { phase: 'done'; pdf: VerificationView; submission: VerificationView | null } | { phase: 'error'; message: string };

function Row({ record, newest }: { record: OpinionRecord; newest: number }) {
  const id = useId();
  const [check, setCheck] = useState<Check | null>(null);
  const base = fileBase(record.documentNumber, record.version);

  const verify = async () => {
    setCheck({ phase: 'busy' });
    try {
      const [pdf, submission] = await Promise.all([
        api.call('opinions.verify', { sha256: record.pdfSha256 }),
        record.submissionSha256 ? api.call('opinions.verify', { sha256: record.submissionSha256 }) : Promise.resolve(null),
      ]);
      setCheck({ phase: 'done', pdf, submission });
    } catch (err) {
      setCheck({ phase: 'error', message: errorText(err, '未能验证该版本，请稍后重试') });
    }
  };

  const verdict = check?.phase === 'done' ? check.pdf.valid && (check.submission?.valid ?? true) : null;
  return (
    <li className={`op-row${record.superseded ? ' is-superseded' : ''}`} data-testid="opinion-row" data-version={record.version} data-superseded={record.superseded} aria-labelledby={`${id}-t`}>
      <div className="op-row-main">
        <span id={`${id}-t`} className="op-row-title">
          <span className="num">第{record.version}版</span>
          {record.superseded ? <span className="op-row-tag">已被第{newest}版取代</span> : <span className="op-row-tag is-ok">已签署</span>}
        </span>
        <span className={`rv-opinion-type type-${record.conclusion} small`}>{record.conclusion}</span>
        <span className="spacer" />
        {verdict !== null && (
          <span className={`small ${verdict ? 't-ok' : 't-fail'}`} data-testid="opinion-row-verdict">
            {verdict ? '验证有效' : '验证无效'}
          </span>
        )}
      </div>
      <div className="op-row-meta small muted">
        <span className="num">{record.documentNumber}</span>
        <span className="num">第{record.round}轮</span>
        <span className="num">{chinaDateTime(record.signedAt)}</span>
        <span>{record.signer}</span>
      </div>
      <div className="op-row-meta small">
        <span className={record.timestamp === 'pending' ? 't-warn' : 't-ok'}>{timestampLabel(record)}</span>
        <span className={record.submission === 'rejected' || record.submission === 'stale' ? 't-fail' : record.submission === 'accepted' ? 't-ok' : 'muted'} data-testid="opinion-row-submission">
          {SUBMISSION_LABEL[record.submission]}
        </span>
      </div>
      <div className="op-row-actions">
        <button type="button" className="rv-link" onClick={() => opinionActions.openSigned(record.caseId, record.opinionId)} data-testid="opinion-row-open">
          打开
        </button>
        <button type="button" className="rv-link" onClick={() => void verify()} disabled={check?.phase === 'busy'} aria-expanded={check !== null} aria-controls={`${id}-v`} data-testid="opinion-row-verify">
          {check?.phase === 'done' ? '重新验证' : '验证'}
        </button>
        <span className="op-sep" aria-hidden>
          |
        </span>
        <OpinionDownload record={record} kind="pdf" name={`${base}.pdf`} className="rv-link" testId="opinion-row-dl-pdf">
          .pdf
        </OpinionDownload>
        <OpinionDownload record={record} kind="docx" name={`${base}.docx`} className="rv-link" testId="opinion-row-dl-docx">
          .docx
        </OpinionDownload>
        {record.submissionSha256 && (
          <OpinionDownload record={record} kind="submission" name={`${base}_提交件.json`} className="rv-link" testId="opinion-row-dl-json">
            提交件 JSON
          </OpinionDownload>
        )}
        {check && (
          <button type="button" className="rv-link op-row-fold" onClick={() => setCheck(null)}>
            收起验证
          </button>
        )}
      </div>
      <div id={`${id}-v`} aria-live="polite">
        {check?.phase === 'busy' && (
          <div className="op-busy small">
            <Spin size="small" /> 正在验证签名与证书链…
          </div>
        )}
        {check?.phase === 'error' && <Alert type="error" showIcon title={check.message} />}
        {check?.phase === 'done' && (
          <div className="op-row-checks" data-testid="opinion-row-checks">
            <VerificationResult result={check.pdf} title="PDF 签名" compact />
            {check.submission && <VerificationResult result={check.submission} title="提交件签名" compact />}
          </div>
        )}
      </div>
    </li>
  );
}

export function OpinionList({ caseId }: { caseId: string }) {
  const id = useId();
  const { records, error } = useCaseOpinions(caseId);
  const newestOfRound = new Map<number, number>();
  for (const r of records ?? []) newestOfRound.set(r.round, Math.max(newestOfRound.get(r.round) ?? 0, r.version));
  return (
    <section className="rv-foot op-list" aria-labelledby={`${id}-h`} data-testid="opinion-list">
      <div className="rv-line">
        <h3 id={`${id}-h`} className="op-h3">
          意见书
        </h3>
        {records && records.length > 0 && <span className="small muted num">{records.length} 个版本</span>}
        <span className="spacer" />
        <button type="button" className="rv-link" onClick={opinionActions.openVerify} data-testid="opinion-list-verify-file">
          验证签名文件…
        </button>
      </div>
      {error && <Alert type="error" showIcon title={error} />}
      {records && records.length === 0 && <div className="small muted">尚未签署意见书。作出结论后点击“预览意见书”，核对无误再签署。</div>}
      {records && records.length > 0 && (
        <ol className="op-rows">
          {records.map((r) => (
            <Row key={r.opinionId} record={r} newest={newestOfRound.get(r.round) ?? r.version} />
          ))}
        </ol>
      )}
    </section>
  );
}
