// One verification result (opinions.verify / opinions.verifyUpload): 有效 in green or 无效 in red with
// the verdict's reason, then one labelled line each — signer, 证书来源 (本机开发 CA …), chain, signing
// time, 时间戳 (trusted / 待加盖 / none), case and round, notes — the same lines `fashen verify` prints
// (shared/opinion/verification-lines).
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { VerificationView } from '../../../shared/api/opinions';
import { verificationLines, type LineTone } from '../../../shared/opinion/verification-lines';

const KIND_LABEL = { pdf: 'PDF 签名', submission: '提交件签名' } as const;
const TONE_CLASS: Record<LineTone, string> = { ok: 't-ok', warn: 't-warn', fail: 't-fail' };

export function VerificationResult({ result, title, compact = false }: { result: VerificationView; title?: string; compact?: boolean }) {
  const ok = result.valid;
  const lines = verificationLines(result);
  const notes = lines.filter((l) => l.key === 'note');
  return (
    <div className={`op-verify${ok ? ' is-valid' : ' is-invalid'}${compact ? ' is-compact' : ''}`} data-testid="verification" data-valid={ok} data-kind={result.kind}>
      <div className="op-verify-head">
        <span className={`op-verdict ${ok ? 't-ok' : 't-fail'}`} data-testid="verification-verdict">
          {ok ? <CheckCircleFilled aria-hidden /> : <CloseCircleFilled aria-hidden />}
          {ok ? '有效' : '无效'}
        </span>
        <span className="op-verify-kind">{title ?? KIND_LABEL[result.kind]}</span>
        <span className={`op-verify-reason${ok ? '' : ' t-fail'}`} data-testid="verification-reason">
          {result.reason}
        </span>
      </div>
      <dl className="op-kv">
        {lines
          .filter((l) => l.key !== 'note')
          .map((l) => (
            <div key={l.key} className="op-kv-row" data-testid={`verification-${l.key}`}>
              <dt>{l.label}</dt>
              <dd className={[l.tone ? TONE_CLASS[l.tone] : '', l.key === 'signingTime' ? 'num' : ''].filter(Boolean).join(' ') || undefined}>
                {l.items && l.items.length > 1 ? (
                  <ol className="op-chain">
                    {l.items.map((c, i) => (
                      <li key={`${i}-${c}`}>{c}</li>
                    ))}
                  </ol>
                ) : (
                  l.text
                )}
              </dd>
            </div>
          ))}
        {notes.length > 0 && (
          <div className="op-kv-row">
            <dt>注意</dt>
            <dd>
              <ul className="op-notes" data-testid="verification-notes">
                {notes.map((n) => (
                  <li key={n.text} className="t-warn">
                    {n.text}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}
