// 导出离线交换包 › the passphrases: the signing key's (when it is kept under one) and the bundle
// passphrase, typed twice. The file is sealed with the latter (a lost stick leaks nothing); the
// admin opens it with `fashen central receive --passphrase-env`. A failed export keeps what was
// typed, so a wrong key passphrase is corrected in place.
import { useState } from 'react';
import { Alert, Input, Modal } from 'antd';
import type { BundleExport } from '../../../shared/api/sync';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { BundlePassphraseFields, bundlePassProblem } from './BundlePassphraseFields';

export function BundleExportDialog({ path, needsKeyPass, onDone, onClose }: { path: string; needsKeyPass: boolean; onDone: (r: BundleExport) => void; onClose: () => void }) {
  const [keyPass, setKeyPass] = useState('');
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const blocked = (needsKeyPass && keyPass.length < 8) || bundlePassProblem(pass, again) !== null;

  const run = async () => {
    if (busy) return;
    if (needsKeyPass && keyPass.length < 8) return setError('请输入签名密钥口令');
    const problem = bundlePassProblem(pass, again);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      onDone(await api.call('sync.exportBundle', { path, bundlePassphrase: pass, ...(needsKeyPass ? { passphrase: keyPass } : {}) }));
    } catch (err) {
      setError(errorText(err, '离线交换包未能导出，请检查路径后重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="加密导出离线交换包"
      okText="加密并导出"
      cancelText="取消"
      onOk={() => void run()}
      onCancel={onClose}
      okButtonProps={{ disabled: blocked, ...({ 'data-testid': 'sync-export-confirm' } as object) }}
      confirmLoading={busy}
      width={460}
      destroyOnHidden
      data-testid="sync-export-dialog"
    >
      <div className="st-pass-form">
        <p className="small muted">
          交换包用下面设置的口令加密，U 盘丢失也无法读出其中的当事人信息。中心系统管理员导入时需要这个口令：请通过电话或当面告知，不要写在 U 盘上或与 U 盘放在一起。
        </p>
        <div className="small num sync-break" data-testid="sync-export-dialog-path">
          保存到：{path}
        </div>
        {needsKeyPass && (
          <label className="st-pass-field">
            <span>签名密钥口令</span>
            <Input.Password value={keyPass} onChange={(e) => setKeyPass(e.target.value)} autoComplete="off" maxLength={200} autoFocus aria-label="签名密钥口令" data-testid="sync-export-passphrase" />
          </label>
        )}
        <BundlePassphraseFields pass={pass} again={again} onPass={setPass} onAgain={setAgain} onEnter={() => void run()} />
        {error && <Alert type="error" showIcon title={error} data-testid="sync-export-error" />}
      </div>
    </Modal>
  );
}
