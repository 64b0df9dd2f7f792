// Under a concluded review: 预览意见书 (opinions.preview → the PDF in the centre; works before any
// signing key exists) and 签署… (the sign dialog over that preview). Once this conclusion is signed: the signed version and its state instead.
import { useState } from 'react';
import { Alert, Button } from 'antd';
import { EditOutlined, EyeOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { OpinionRecord } from '../../../shared/api/opinions';
import type { ReviewView } from '../../../shared/api/review';
import { errorText } from '../lib/errors';
import { SIGN_NEEDS_KEY, SUBMISSION_LABEL, timestampLabel } from './labels';
import { opinionActions, useOpinionState } from './store';
import { useCaseOpinions } from './useCaseOpinions';
import { latestKeyRevoked } from './keyState';
import './opinion.css';

/** The submission state's colour, as in the 意见书 list: refused red, received green, otherwise neutral. */
function submissionTone(s: OpinionRecord['submission']): string {
  if (s === 'rejected' || s === 'stale') return 't-fail';
  return s === 'accepted' ? 't-ok' : '';
}

export function OpinionActions({ view }: { view: ReviewView }) {
  const { caseId, round, conclusion } = view;
  const { records, preview } = useCaseOpinions(caseId);
  const [busy, setBusy] = useState<'preview' | 'sign' | null>(null);
  const [failure, setError] = useState<string | null>(null);
  const keys = useOpinionState((s) => s.keys);
  const hasKey = Boolean(keys?.active);
  const revoked = latestKeyRevoked(keys);
  // "尚未创建签名密钥" goes away once a key has been created (in the dialog it points to).
  const error = failure !== null && hasKey && /尚未创建签名密钥/.test(failure) ? null : failure;
  if (!conclusion) return null;

  const ofRound = (records ?? []).filter((r) => r.round === round);
  const latest = ofRound.find((r) => !r.superseded) ?? null;
  // Signed after this conclusion was made: the points are locked while concluded, so it is current.
  const signed = latest && latest.signedAt >= conclusion.concludedAt ? latest : null;
  const freshPreview = preview && preview.content.round === round && preview.content.signedAt >= conclusion.concludedAt ? preview : null;

  const run = async (what: 'preview' | 'sign') => {
    setBusy(what);
    setError(null);
    try {
      if (what === 'preview' || !freshPreview) await opinionActions.preview(caseId);
      if (what === 'sign') opinionActions.startSign(caseId);
    } catch (err) {
      setError(errorText(err, '未能生成意见书预览，请稍后重试'));
    } finally {
      setBusy(null);
    }
  };

  if (signed) {
    // Where it stands with the central system (待发送 / 已发送 / 中心已退回…) is what the reviewer acts on:
    // it comes first and the line wraps rather than cutting it off; the hover gives the whole line.
    const submission = SUBMISSION_LABEL[signed.submission];
    const stamp = timestampLabel(signed);
    return (
      <div className="op-conclusion-signed" data-testid="opinion-signed-line" title={`已签署 第${signed.version}版 · ${submission} · ${stamp}`}>
        <FilePdfOutlined aria-hidden className="t-ok" />
        <span className="op-signed-text">
          <span className="op-nobr">
            已签署 <span className="num">第{signed.version}版</span>
          </span>
          <span className={`op-nobr ${submissionTone(signed.submission)}`}>
            {submission}
          </span>
          <span className="muted small">{stamp}</span>
        </span>
        <Button size="small" onClick={() => opinionActions.openSigned(caseId, signed.opinionId)} data-testid="opinion-open-signed">
          打开意见书
        </Button>
      </div>
    );
  }

  const noKey = error !== null && /签名密钥/.test(error);
  return (
    <div className="op-conclusion-actions" data-testid="opinion-actions">
      {latest && <div className="small muted">第{latest.version}版已签署；本结论作出后尚未签署，签署后将形成第{latest.version + 1}版。</div>}
      {keys && !hasKey && (
        <div className="op-nokey small" data-testid="opinion-nokey">
          <span>{revoked ? '签名密钥已吊销：可先预览意见书，签署前需创建新的签名密钥。' : '尚未创建签名密钥：可先预览意见书，签署前需创建密钥。'}</span>
          <button type="button" className="rv-link" onClick={opinionActions.openKeys} data-testid="opinion-nokey-keys">
            {revoked ? '创建新的签名密钥…' : '创建签名密钥…'}
          </button>
        </div>
      )}
      {error && (
        <Alert
          type={noKey ? 'warning' : 'error'}
          showIcon
          title={error}
          data-testid="opinion-action-error"
          action={
            noKey ? (
              <Button size="small" onClick={opinionActions.openKeys} data-testid="opinion-open-keys">
                签名密钥…
              </Button>
            ) : undefined
          }
        />
      )}
      <div className="rv-conclusion-actions">
        <Button icon={<EyeOutlined />} loading={busy === 'preview'} disabled={busy !== null} onClick={() => void run('preview')} data-testid="opinion-preview">
          预览意见书
        </Button>
        {/* Reassigned to another reviewer: not this reviewer's to sign (the panel's banner says so). */}
        {!view.reassigned && (
          <Button
            type="primary"
            icon={<EditOutlined />}
            loading={busy === 'sign'}
            disabled={busy !== null}
            onClick={() => void run('sign')}
            title={keys && !hasKey ? SIGN_NEEDS_KEY : undefined}
            data-testid="opinion-sign-start"
          >
            签署…
          </Button>
        )}
      </div>
    </div>
  );
}
