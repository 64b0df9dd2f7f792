// One verification result (opinions.verify / opinions.verifyUpload): 有效 in green or 无效 in red with
// the reason, then signer, certificate chain, signing time, case and round, and the notes (本地开发 CA,
// 待加盖时间戳 …) — the same facts `fashen verify` prints.
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { VerificationView } from '../../../shared/api/opinions';
import { chinaDateTime } from '../../../shared/format/date';

const KIND_LABEL = { pdf: 'PDF 签名', submission: '提交件签名' } as const;

/** Notes that qualify a valid signature (not official, no trusted time yet) are shown in amber. */
const isCaveat = (note: string) => /开发 CA|非正式|加盖|时间戳|追加|吊销/.test(note);

export function VerificationResult({ result, title, compact = false }: { result: VerificationView; title?: string; compact?: boolean }) {
  const ok = result.valid;
  // The reason reads "签名有效；证书由本地开发 CA 签发…；未加盖可信时间戳…": the verdict's reason first,
  // its qualifications listed with the notes (once).
  const [headline = result.reason, ...rest] = result.reason.split('；');
  const notes = [...result.notes, ...rest.filter((r) => r && !result.notes.some((n) => n.includes(r) || r.includes(n)))];
  return (
    <div className={`op-verify${ok ? ' is-valid' : ' is-invalid'}${compact ? ' is-compact' : ''}`} data-testid="verification" data-valid={ok} data-kind={result.kind}>
      <div className="op-verify-head">
        <span className={`op-verdict ${ok ? 't-ok' : 't-fail'}`} data-testid="verification-verdict">
          {ok ? <CheckCircleFilled aria-hidden /> : <CloseCircleFilled aria-hidden />}
          {ok ? '有效' : '无效'}
        </span>
        <span className="op-verify-kind">{title ?? KIND_LABEL[result.kind]}</span>
        <span className={`op-verify-reason${ok ? '' : ' t-fail'}`} data-testid="verification-reason">
          {headline}
        </span>
      </div>
      <dl className="op-kv">
        <dt>签名人</dt>
        <dd data-testid="verification-signer">{result.signer ?? '—'}</dd>
        <dt>证书链</dt>
        <dd>
          {result.chain.length ? (
            <ol className="op-chain">
              {result.chain.map((c, i) => (
                <li key={`${i}-${c}`}>{c}</li>
              ))}
            </ol>
          ) : (
            '—'
          )}
        </dd>
        <dt>签署时间</dt>
        <dd className="num">{result.signingTime ? `${chinaDateTime(result.signingTime)}（签名人本机时钟）` : '—'}</dd>
        {result.kind === 'submission' && (
          <>
            <dt>案号</dt>
            <dd>{result.caseNumber ?? '—'}</dd>
            <dt>审核轮次</dt>
            <dd className="num">{result.round ? `第${result.round}轮` : '—'}</dd>
          </>
        )}
        {notes.length > 0 && (
          <>
            <dt>说明</dt>
            <dd>
              <ul className="op-notes" data-testid="verification-notes">
                {notes.map((n) => (
                  <li key={n} className={isCaveat(n) ? 't-warn' : undefined}>
                    {n}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
