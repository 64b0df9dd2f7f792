// An opinion PDF in a centre pane: the preview (exactly what 签署 will sign) or a signed version,
// shown by the ordinary viewer as a derived item (like the 公示版 copy), under a one-line header bar:
// 文号 · 版本 · 内容摘要 and 签署 / downloads for the preview (plus a note when no signing key exists yet:
// the preview works without one, 签署 does not); 已签署 · timestamp · submission state
// and the .pdf / .docx / 提交件 JSON downloads for a signed version.
import { useEffect, useMemo } from 'react';
import { App as AntApp, Button, Tooltip } from 'antd';
import { DownloadOutlined, EditOutlined, KeyOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import type { OpinionPreview, OpinionRecord } from '../../../shared/api/opinions';
import { chinaDateTime } from '../../../shared/format/date';
import { api } from '../api';
import { errorText } from '../lib/errors';
import type { CaseItem } from '../casefile/items';
import { ItemViewer } from '../viewers/ItemViewer';
import type { Reveal } from '../workspace/reveal';
import { OpinionDownload, RecordDownload, type OpinionFileKind } from './OpinionDownload';
import { fileBase, shortHash, SIGN_NEEDS_KEY, SUBMISSION_LABEL, timestampLabel } from './labels';
import { caseOpinions, opinionActions, PREVIEW_TAB, signedTab, takeOpenRequest, useOpinionState, type CaseOpinions } from './store';
import './opinion.css';

export { isOpinionTab } from './store';

function pdfItem(id: string, caseId: string, title: string, sha256: string, fileName: string): CaseItem {
  return {
    id,
    group: 'document',
    kind: '法制审核意见书',
    title,
    date: '',
    detail: null,
    derived: { sourceId: caseId },
    file: { path: fileName, sha256, size: 0, mime: 'application/pdf', present: true, state: 'ok', detectedMime: 'application/pdf', pageCount: null, textState: 'done', problem: null },
  };
}

function itemsOf(caseId: string, c: CaseOpinions): [string, CaseItem][] {
  const out: [string, CaseItem][] = [];
  if (c.preview) {
    const p = c.preview.content;
    out.push([PREVIEW_TAB, pdfItem(PREVIEW_TAB, caseId, `意见书预览（第${p.version}版）`, c.preview.pdfSha256, `${fileBase(p.documentNumber, p.version)}_预览.pdf`)]);
  }
  for (const id of c.opened) {
    const r = c.records?.find((x) => x.opinionId === id);
    if (r) out.push([signedTab(id), pdfItem(signedTab(id), caseId, `意见书 第${r.version}版（已签署）`, r.pdfSha256, `${fileBase(r.documentNumber, r.version)}.pdf`)]);
  }
  return out;
}

export interface OpinionTabs {
  open: (itemId: string) => void;
  close: (itemId: string) => void;
}

/**
 * For the case view: the opinion documents to add to its items, and its answer to "open this opinion
 * document" requests from the review panel and the sign dialog (each carried out once).
 */
export function useOpinionItems(caseId: string, tabs: OpinionTabs): [string, CaseItem][] {
  const c = useOpinionState((s) => caseOpinions(s, caseId));
  const request = useOpinionState((s) => s.openRequest);
  const items = useMemo(() => itemsOf(caseId, c), [caseId, c]);
  useEffect(() => {
    const r = takeOpenRequest(request, caseId);
    if (!r) return;
    for (const key of r.close) tabs.close(key);
    tabs.open(r.itemId);
    // `tabs` dispatch into the case view's reducer; only a new request should open anything.
  }, [request, caseId]);
  return items;
}

function PreviewDownload({ caseId, kind, name, label, testId }: { caseId: string; kind: 'pdf' | 'docx'; name: string; label: string; testId: string }) {
  return (
    <RecordDownload load={() => api.call('opinions.exportPreview', { caseId, kind })} kind={kind} name={name} className="op-dl" testId={testId}>
      <DownloadOutlined aria-hidden />
      {label}
    </RecordDownload>
  );
}

function SignedDownload({ record, kind, name, label, testId }: { record: OpinionRecord; kind: OpinionFileKind; name: string; label: string; testId: string }) {
  return (
    <OpinionDownload record={record} kind={kind} name={name} className="op-dl" testId={testId}>
      <DownloadOutlined aria-hidden />
      {label}
    </OpinionDownload>
  );
}

function PreviewBar({ caseId, preview }: { caseId: string; preview: OpinionPreview }) {
  const c = preview.content;
  const base = fileBase(c.documentNumber, c.version);
  const { message } = AntApp.useApp();
  // Without a usable key 签署… leads to creating one first (opinionActions.startSign).
  const noKey = useOpinionState((s) => s.keys !== null && !s.keys.active);
  const again = () => void opinionActions.preview(caseId).catch((err: unknown) => message.error(errorText(err, '未能重新生成预览，请稍后重试')));
  // Reassigned: the document stays to read; 签署 is not offered (the back end would refuse it).
  const reassigned = Boolean(preview.reassigned);
  return (
    <div className={`op-doc-bar is-preview${reassigned ? ' is-reassigned' : ''}`} role="toolbar" aria-label="意见书预览" data-testid="opinion-preview-bar">
      <div className="op-doc-info">
        <span className="op-doc-tag" data-testid="opinion-preview-tag">
          {reassigned ? '预览 · 已改派，不能签署' : '预览 · 未签署'}
        </span>
        <span className="num" data-testid="opinion-doc-number">
          {c.documentNumber}
        </span>
        <span className="num">第{c.version}版</span>
        {preview.signable ? (
          <Tooltip title={`内容摘要 SHA-256：${preview.contentHash}（签署的正是这一内容）`}>
            <span className="num muted op-hash" tabIndex={0} data-testid="opinion-content-hash">
              摘要 {shortHash(preview.contentHash)}
            </span>
          </Tooltip>
        ) : (
          <Tooltip title="意见书载明签名人的密钥与证书：创建签名密钥后重新生成预览，才有签署内容的摘要（SHA-256）。文书正文不变。">
            <span className="muted op-hash" tabIndex={0} data-testid="opinion-content-hash">
              内容摘要：待创建签名密钥后生成
            </span>
          </Tooltip>
        )}
      </div>
      <div className="op-doc-actions">
        <Button size="small" type="text" icon={<ReloadOutlined />} onClick={again} data-testid="opinion-repreview">
          重新生成
        </Button>
        <span className="muted">下载</span>
        <PreviewDownload caseId={caseId} kind="pdf" name={`${base}_预览.pdf`} label=".pdf" testId="opinion-preview-pdf" />
        <PreviewDownload caseId={caseId} kind="docx" name={`${base}.docx`} label=".docx" testId="opinion-preview-docx" />
        {!reassigned && (
          <Button size="small" type="primary" icon={<EditOutlined />} onClick={() => opinionActions.startSign(caseId)} title={noKey ? SIGN_NEEDS_KEY : undefined} data-testid="opinion-sign">
            签署…
          </Button>
        )}
      </div>
    </div>
  );
}

/** Under the bar of a keyless preview: the document is what will be signed; signing needs a key. */
function NoKeyNote({ preview }: { preview: OpinionPreview }) {
  return (
    <div className="op-doc-note" role="note" data-testid="opinion-preview-nokey">
      <KeyOutlined aria-hidden />
      <span className="op-doc-note-text">{preview.blocker ?? '尚未创建签名密钥，暂不能签署。'}</span>
      <Button size="small" onClick={opinionActions.openKeys} data-testid="opinion-preview-keys">
        创建签名密钥…
      </Button>
    </div>
  );
}

/**
 * Under the bar of a preview of a case the central system gave to another reviewer: plainly, that
 * this reviewer can no longer sign it, and since when this workstation knows (the central system does
 * not tell the previous reviewer who has it now).
 */
export function ReassignedNote({ at }: { at: string }) {
  const when = at ? `（本机于 ${chinaDateTime(at)} 同步时得知）` : '';
  return (
    <div className="op-doc-note is-reassigned" role="alert" data-testid="opinion-preview-reassigned">
      <StopOutlined aria-hidden />
      <span className="op-doc-note-text">
        <strong>本案已由中心系统改派给其他审核员{when}，您不能再签署这份意见书。</strong>
        此预览仅供查阅；您在本机所做的审核与已签署的意见书保留备查。
      </span>
    </div>
  );
}

function SignedBar({ record }: { record: OpinionRecord }) {
  const base = fileBase(record.documentNumber, record.version);
  return (
    <div className={`op-doc-bar is-signed${record.superseded ? ' is-superseded' : ''}`} role="toolbar" aria-label={`意见书第${record.version}版`} data-testid="opinion-signed-bar">
      <div className="op-doc-info">
        <span className={`op-doc-tag ${record.superseded ? '' : 'is-ok'}`} title={`签署于 ${chinaDateTime(record.signedAt)}，签名人 ${record.signer}`}>
          {record.superseded ? '已被取代' : '已签署'}
        </span>
        <span className="num">{record.documentNumber}</span>
        <span className="num">第{record.version}版</span>
        <span className="muted" data-testid="opinion-signed-state">
          {timestampLabel(record)} · {SUBMISSION_LABEL[record.submission]}
        </span>
      </div>
      <div className="op-doc-actions">
        <span className="muted">下载</span>
        <SignedDownload record={record} kind="pdf" name={`${base}.pdf`} label=".pdf" testId="opinion-dl-pdf" />
        <SignedDownload record={record} kind="docx" name={`${base}.docx`} label=".docx" testId="opinion-dl-docx" />
        {record.submissionSha256 && <SignedDownload record={record} kind="submission" name={`${base}_提交件.json`} label="提交件 JSON" testId="opinion-dl-json" />}
      </div>
    </div>
  );
}

export function OpinionDocument({ caseId, item, reveal = null }: { caseId: string; item: CaseItem; reveal?: Reveal | null }) {
  const c = useOpinionState((s) => caseOpinions(s, caseId));
  const record = item.id === PREVIEW_TAB ? null : (c.records?.find((r) => signedTab(r.opinionId) === item.id) ?? null);
  return (
    <div className="op-doc" data-testid="opinion-document" data-kind={item.id === PREVIEW_TAB ? 'preview' : 'signed'}>
      {item.id === PREVIEW_TAB && c.preview && <PreviewBar caseId={caseId} preview={c.preview} />}
      {item.id === PREVIEW_TAB && c.preview?.reassigned && <ReassignedNote at={c.preview.reassigned.at} />}
      {item.id === PREVIEW_TAB && c.preview && !c.preview.reassigned && !c.preview.signable && <NoKeyNote preview={c.preview} />}
      {record && <SignedBar record={record} />}
      <div className="op-doc-body">
        <ItemViewer key={item.file.sha256} item={item} reveal={reveal} />
      </div>
    </div>
  );
}
