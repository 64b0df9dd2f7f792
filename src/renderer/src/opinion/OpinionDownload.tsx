// 下载 of a signed opinion's file: through opinions.export (not a blob link), so the copy passes the
// export policy — the approval dialog asks for 批准文号/批准人 when required (audit/approval.ts) —
// and is recorded in the audit log. The bytes come back over the Api and are saved by the browser.
import { useState, type ReactNode } from 'react';
import { App as AntApp } from 'antd';
import type { OpinionRecord } from '../../../shared/api/opinions';
import { api } from '../api';
import { errorText } from '../lib/errors';

export type OpinionFileKind = 'pdf' | 'docx' | 'submission';

function save(base64: string, mime: string, name: string): void {
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

export function OpinionDownload({ record, kind, name, className, testId, children }: { record: OpinionRecord; kind: OpinionFileKind; name: string; className: string; testId?: string; children: ReactNode }) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const file = await api.call('opinions.export', { caseId: record.caseId, opinionId: record.opinionId, kind });
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
