// 导入案卷包 met a sealed bundle: the passphrase the central system's admin gave (by phone, not on
// the stick). Wrong, the dialog says so and stays open; nothing was imported meanwhile.
import { useState } from 'react';
import { Alert, Input, Modal } from 'antd';

export function BundleImportDialog({ path, onSubmit, onClose }: { path: string; onSubmit: (passphrase: string) => Promise<string | null>; onClose: () => void }) {
  const [pass, setPass] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    if (busy || !pass) return;
    setBusy(true);
    setError(null);
    const problem = await onSubmit(pass);
    setBusy(false);
    if (problem) setError(problem);
  };

  return (
    <Modal
      open
      title="输入交换包口令"
      okText="解密并导入"
      cancelText="取消"
      onOk={() => void run()}
      onCancel={onClose}
      okButtonProps={{ disabled: !pass, ...({ 'data-testid': 'sync-import-pass-confirm' } as object) }}
      cancelButtonProps={{ disabled: busy }}
      confirmLoading={busy}
      width={440}
      destroyOnHidden
      data-testid="sync-import-pass-dialog"
    >
      <div className="st-pass-form">
        <p className="small muted">此案卷交换包已加密。请输入中心系统管理员另行告知的交换包口令；口令核对无误、文件完整，才导入其中的案卷。</p>
        <div className="small num sync-break">{path}</div>
        <label className="st-pass-field">
          <span>交换包口令</span>
          <Input.Password value={pass} onChange={(e) => setPass(e.target.value)} onPressEnter={() => void run()} autoFocus autoComplete="off" maxLength={200} data-testid="sync-import-pass" />
        </label>
        {busy && <div className="small muted">正在解密并校验，大的交换包需要一些时间…</div>}
        {error && <Alert type="error" showIcon title={error} description="请核对口令（区分大小写与全角、半角）；口令无误时，文件可能在复制中损坏，请从 U 盘重新复制。" data-testid="sync-import-pass-error" />}
      </div>
    </Modal>
  );
}
