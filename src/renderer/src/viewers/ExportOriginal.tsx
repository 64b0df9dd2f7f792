// 导出原件 for a file the pane cannot show: the original through evidence.exportOriginal, so the
// export policy's approval and the audit log apply (the approval dialog asks when required).
import { useState } from 'react';
import { App as AntApp, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api } from '../api';
import { useCaseActions } from '../casefile/CaseActions';
import type { CaseItem } from '../casefile/items';
import { errorText } from '../lib/errors';
import { save } from '../opinion/OpinionDownload';

export function ExportOriginal({ item }: { item: CaseItem }) {
  const actions = useCaseActions();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  if (!actions || item.derived) return null;
  const run = async () => {
    setBusy(true);
    try {
      const file = await api.call('evidence.exportOriginal', { caseId: actions.caseId, itemId: item.id });
      save(file.base64, file.mime, file.fileName);
    } catch (err) {
      message.error(errorText(err, '未能导出原件，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid="export-original">
      导出原件，用本机软件打开
    </Button>
  );
}
