// 集体讨论记录 after the meeting: one record per case, shown as the PDF exactly as it will be (or
// was) signed, with .docx/PDF downloads; on the right the signing — the host first, then the
// recorder, who closes the record and puts it in the outbox — and the signed files with 验证签名.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Segmented, Spin } from 'antd';
import type { MinutesPreview, MinutesSignerView } from '../../../shared/api/meetings';
import type { Meeting, MinutesSignerRole } from '../../../shared/meeting/schema';
import { api } from '../api';
import type { CaseItem } from '../casefile/items';
import { errorText } from '../lib/errors';
import { shortHash } from '../opinion/labels';
import { RecordDownload } from '../opinion/OpinionDownload';
import { ItemViewer } from '../viewers/ItemViewer';
import { KeysDialog } from '../opinion/KeysDialog';
import { useOpinionState } from '../opinion/store';
import { minutesFileName } from './labels';
import { MinutesOutcome, SubmitterNotice, submitterProblem } from './MinutesOutcome';
import { MinutesRecords } from './MinutesRecords';
import { SignerStep } from './SignerStep';

function pdfItem(id: string, title: string, sha256: string, fileName: string): CaseItem {
  return {
    id,
    group: 'document',
    kind: '集体讨论记录',
    title,
    date: '',
    detail: null,
    derived: { sourceId: id },
    file: { path: fileName, sha256, size: 0, mime: 'application/pdf', present: true, state: 'ok', detectedMime: 'application/pdf', pageCount: null, textState: 'done', problem: null },
  };
}

interface Props {
  meeting: Meeting;
  reload: () => void;
}

export function MinutesView({ meeting, reload }: Props) {
  const [preview, setPreview] = useState<MinutesPreview | null>(null);
  const [signers, setSigners] = useState<MinutesSignerView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [doc, setDoc] = useState(0);

  // Re-read on every change of the record: an edit before the first signature makes a new preview.
  const load = useCallback(() => {
    void Promise.all([api.call('meetings.previewMinutes', { id: meeting.id }), api.call('meetings.signers', { id: meeting.id })]).then(
      ([p, s]) => {
        setPreview(p);
        setSigners(s);
        setError(null);
      },
      (err: unknown) => setError(errorText(err, '未能生成集体讨论记录')),
    );
  }, [meeting.id]);
  // A reviewer key created in 签名密钥 (the submitter's) is picked up at once.
  const keys = useOpinionState((s) => s.keys);
  useEffect(load, [load, meeting.revision, keys]);

  const sign = async (role: MinutesSignerRole, passphrase: string | undefined, submitterPassphrase?: string) => {
    if (!preview) return;
    await api.call('meetings.signMinutes', { id: meeting.id, role, setHash: preview.setHash, ...(passphrase ? { passphrase } : {}), ...(submitterPassphrase ? { submitterPassphrase } : {}) });
    reload();
    load();
  };
  const createKey = async (role: MinutesSignerRole, passphrase: string | undefined) => {
    setSigners(await api.call('meetings.createSignerKey', { id: meeting.id, role, ...(passphrase ? { passphrase } : {}) }));
  };

  if (error) return <Alert className="mt-page-alert" type="error" showIcon title={error} />;
  if (!preview || !signers) return <Spin className="mt-spin" description="正在生成集体讨论记录…" />;

  const d = preview.documents[doc] ?? preview.documents[0]!;
  const record = meeting.minutes.find((r) => r.caseId === d.caseId);
  const pdf = record?.pdfSha256 ?? d.pdfSha256;
  const signedBy = record?.signatures.map((s) => (s.role === 'host' ? '主持人' : '记录人')) ?? [];
  const host = signers.find((s) => s.role === 'host')!;
  const recorder = signers.find((s) => s.role === 'recorder')!;
  const title = `集体讨论记录 ${d.caseNumber}`;
  const signed = signedBy.length > 0;
  const pdfName = minutesFileName(d.caseNumber, 'pdf', signed);
  const noSubmitter = submitterProblem(recorder.submitter) ? '待审核人员创建签名密钥后签署' : null;
  // The recorder's step signs the submission with the reviewer's key: asked for there when the recorder is someone else.
  const submitter = !recorder.usesReviewerKey && recorder.submitter.name && recorder.submitter.key ? { name: recorder.submitter.name, key: recorder.submitter.key } : null;

  return (
    <div className="mt-minutes" data-testid="minutes">
      <section className="mt-minutes-doc" aria-label="集体讨论记录">
        <div className="mt-minutes-bar">
          {preview.documents.length > 1 && (
            <Segmented size="small" value={doc} onChange={(v) => setDoc(Number(v))} options={preview.documents.map((x, i) => ({ value: i, label: <span className="num">{x.caseNumber}</span> }))} data-testid="minutes-docs" />
          )}
          <span className="mt-doc-tag" data-testid="minutes-state">
            {signedBy.length ? `已签署：${signedBy.join('、')}` : '预览 · 未签署'}
          </span>
          <span className="small muted num" title={d.contentHash}>
            摘要 {shortHash(d.contentHash)} …
          </span>
          <span className="spacer" />
          {/* Through meetings.exportMinutes: approval when required, and the audit log. */}
          <RecordDownload load={() => api.call('meetings.exportMinutes', { id: meeting.id, caseId: d.caseId, kind: 'docx' })} kind="docx" name={minutesFileName(d.caseNumber, 'docx', signed)} className="op-dl small" testId="minutes-preview-docx">
            下载 Word
          </RecordDownload>
          <RecordDownload load={() => api.call('meetings.exportMinutes', { id: meeting.id, caseId: d.caseId, kind: 'pdf' })} kind="pdf" name={pdfName} className="op-dl small" testId="minutes-preview-pdf">
            下载 PDF
          </RecordDownload>
        </div>
        <div className="mt-minutes-viewer">
          <ItemViewer key={pdf} item={pdfItem(`minutes-${d.caseId}`, title, pdf, pdfName)} />
        </div>
      </section>
      <aside className="mt-minutes-side">
        <h3 className="mt-h3">签署</h3>
        <p className="small muted">由主持人先签署，记录人最后签署，再以审核人员的签名提交中心系统。签署后记录不能再修改。</p>
        {meeting.state === 'ended' && <SubmitterNotice submitter={recorder.submitter} />}
        {/* The meeting screen has no status bar (where 签名密钥 lives): the notice opens the dialog here. */}
        <KeysDialog />
        <ol className="mt-signers">
          <SignerStep step={1} signer={host} blocked={noSubmitter} onCreateKey={(p) => createKey('host', p)} onSign={(p) => sign('host', p)} />
          <SignerStep
            step={2}
            signer={recorder}
            blocked={noSubmitter ?? (host.signed ? null : '待主持人签署后，由记录人签署并提交')}
            submitter={submitter}
            onCreateKey={(p) => createKey('recorder', p)}
            onSign={(p, sp) => sign('recorder', p, sp)}
          />
        </ol>
        <MinutesOutcome meeting={meeting} reload={reload} />
        {meeting.minutes.some((r) => r.signatures.length > 0 || r.submissions.length > 0) && (
          <>
            <h3 className="mt-h3">签署文件</h3>
            <MinutesRecords records={meeting.minutes} />
          </>
        )}
      </aside>
    </div>
  );
}
