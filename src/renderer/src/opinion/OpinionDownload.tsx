// 下载 of a record the workstation made — a signed opinion's file, the unsigned preview, a meeting's
// minutes: through an export call (opinions.export / opinions.exportPreview / meetings.exportMinutes),
// never a blob link, so the copy passes the export policy — the approval dialog asks for
// 批准文号/批准人 when required (audit/approval.ts) — and is recorded in the audit log. The bytes
// come back over the Api and are saved by the browser. (The blob links only display these files.)
import { useState, type ReactNode } from 'react';
import { App as AntApp } from 'antd';
import type { OpinionExport, OpinionRecord } from '../../../shared/api/opinions';
import { api } from '../api';
import { errorText } from '../lib/errors';

export type OpinionFileKind = 'pdf' | 'docx' | 'submission';

/** The answer's bytes saved by the browser under `name`. */
export function save(base64: string, mime: string, name: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The click has started the download; the URL is not needed afterwards.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

interface DownloadProps {
  /** The export call that returns the file. */
  load: () => Promise<OpinionExport>;
  kind: OpinionFileKind;
  name: string;
  className: string;
  testId?: string;
  children: ReactNode;
}

export function RecordDownload({ load, kind, name, className, testId, children }: DownloadProps) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const file = await load();
      save(file.base64, file.mime, name);
    } catch (err) {
      message.error(errorText(err, '未能下载该文件，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className={className} onClick={() => void download()} disabled={busy} aria-busy={busy} data-testid={testId} data-kind={kind}>
      {children}
    </button>
  );
}

export function OpinionDownload({ record, kind, ...rest }: Omit<DownloadProps, 'load'> & { record: OpinionRecord }) {
  return <RecordDownload load={() => api.call('opinions.export', { caseId: record.caseId, opinionId: record.opinionId, kind })} kind={kind} {...rest} />;
}
