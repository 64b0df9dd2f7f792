// 签名密钥: the reviewer's signing keys on this workstation (keys.status) — 使用中 / 已停用 / 已吊销,
// algorithm, certificate subject and issuer, a plain warning when the certificate comes from the local
// development CA — and 创建签名密钥 (keys.create). In the browser host the new key is protected by a
// passphrase typed twice (never stored); on the desktop the OS keychain protects it.
import { useEffect, useId, useState } from 'react';
import { Alert, App as AntApp, Button, Input, Modal } from 'antd';
import type { KeySummary, KeysView } from '../../../shared/api/opinions';
import type { ReviewerProfile } from '../../../shared/api/review';
import { chinaDateTime } from '../../../shared/format/date';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { ALGORITHM_LABEL, DEV_CA_TEXT, KEY_STATUS_LABEL, PROTECTION_LABEL } from './labels';
import { opinionActions, useOpinionState } from './store';

const MIN_PASSPHRASE = 8;

function KeyRow({ k }: { k: KeySummary }) {
  return (
    <tr data-testid="key-row" data-status={k.status} data-key-id={k.keyId}>
      <td>
        <span className={`op-key-status status-${k.status}`}>{KEY_STATUS_LABEL[k.status]}</span>
      </td>
      <td className="num op-nowrap">{ALGORITHM_LABEL[k.algorithm]}</td>
      <td>
        <div>{k.subject}</div>
        {k.status === 'revoked' && (
          <div className="small t-fail">
            {k.revokedAt ? `${chinaDateTime(k.revokedAt)} 吊销` : '已吊销'}
            {k.revocationReason ? `：${k.revocationReason}` : ''}
          </div>
        )}
      </td>
      <td className={k.devCa ? 't-warn' : undefined}>{k.devCa ? DEV_CA_TEXT : (k.issuer ?? '无证书')}</td>
      <td className="num small op-nowrap">{chinaDateTime(k.created)}</td>
      <td className="small op-nowrap">{PROTECTION_LABEL[k.protection]}</td>
    </tr>
  );
}

function CreateKey({ keys, onCreated, onCancel }: { keys: KeysView; onCreated: (v: KeysView) => void; onCancel?: () => void }) {
  const id = useId();
  const [reviewer, setReviewer] = useState<ReviewerProfile | null | undefined>(undefined);
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const needsPass = keys.protection === 'passphrase';

  useEffect(() => {
    let alive = true;
    api.call('settings.getReviewer', {}).then(
      (r) => alive && setReviewer(r),
      () => alive && setReviewer(null),
    );
    return () => {
      alive = false;
    };
  }, []);

  const create = async () => {
    if (needsPass) {
      if (pass.length < MIN_PASSPHRASE) return setError(`口令至少 ${MIN_PASSPHRASE} 个字符`);
      if (pass !== again) return setError('两次输入的口令不一致，请重新输入');
    }
    setBusy(true);
    setError(null);
    try {
      const view = await api.call('keys.create', needsPass ? { passphrase: pass } : {});
      setPass('');
      setAgain('');
      onCreated(view);
    } catch (err) {
      setError(errorText(err, '签名密钥未能创建，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="op-create" aria-labelledby={`${id}-h`} data-testid="key-create">
      <h3 id={`${id}-h`} className="op-h3">
        {keys.active ? '更换签名密钥' : '创建签名密钥'}
      </h3>
      <dl className="op-kv">
        <dt>证书主体</dt>
        <dd data-testid="key-subject">
          {reviewer === undefined ? '…' : reviewer ? `${reviewer.name}（${reviewer.agency ?? '未填写单位'}）` : <span className="t-warn">未设置审核人员</span>}
        </dd>
        <dt>签发者</dt>
        <dd>{DEV_CA_TEXT}：尚未连接中心系统，证书由本机的开发 CA 签发</dd>
        <dt>保护方式</dt>
        <dd>{needsPass ? '口令保护：私钥以口令加密保存在本机，签署时需输入口令' : '系统钥匙串保护：签署时无需输入口令'}</dd>
      </dl>
      {reviewer === null && <Alert type="warning" showIcon title="请先设置审核人员信息（姓名、单位）" description="在右侧“审核要点”面板顶部点击“设置审核人员”。证书将以审核人员的姓名和单位签发。" />}
      {needsPass && (
        <div className="op-pass-grid">
          <label htmlFor={`${id}-p1`}>口令</label>
          <Input.Password id={`${id}-p1`} value={pass} onChange={(e) => setPass(e.target.value)} autoComplete="new-password" maxLength={200} data-testid="key-passphrase" />
          <label htmlFor={`${id}-p2`}>再次输入</label>
          <Input.Password id={`${id}-p2`} value={again} onChange={(e) => setAgain(e.target.value)} onPressEnter={() => void create()} autoComplete="new-password" maxLength={200} data-testid="key-passphrase-again" />
          <span />
          <span className="small muted">至少 {MIN_PASSPHRASE} 个字符。工作台不保存口令；遗忘口令只能重新创建密钥，已签署的意见书不受影响。</span>
        </div>
      )}
      {keys.active && <div className="small muted">创建后，当前使用中的密钥将停用；用它签署的意见书仍可验证。</div>}
      {error && <Alert type="error" showIcon title={error} data-testid="key-error" />}
      <div className="op-actions">
        {onCancel && <Button onClick={onCancel}>取消更换</Button>}
        <Button type="primary" loading={busy} onClick={() => void create()} data-testid="key-create-submit">
          {keys.active ? '创建新密钥' : '创建签名密钥'}
        </Button>
      </div>
    </section>
  );
}

export function KeysDialog() {
  const open = useOpinionState((s) => s.keysOpen);
  const keys = useOpinionState((s) => s.keys);
  const keysError = useOpinionState((s) => s.keysError);
  const { message } = AntApp.useApp();
  const [replacing, setReplacing] = useState(false);

  useEffect(() => {
    if (open) void opinionActions.loadKeys();
    setReplacing(false);
  }, [open]);

  const active = keys?.active ?? null;
  const list = keys ? [...keys.keys].sort((a, b) => (a.status === 'active' ? -1 : b.status === 'active' ? 1 : b.created.localeCompare(a.created))) : [];

  return (
    <Modal
      open={open}
      title="签名密钥"
      onCancel={opinionActions.closeKeys}
      width={720}
      destroyOnHidden
      footer={
        <Button onClick={opinionActions.closeKeys} data-testid="keys-close">
          关闭
        </Button>
      }
    >
      <div className="op-dialog" data-testid="keys-dialog">
        {keysError && <Alert type="error" showIcon title={keysError} />}
        {!keys && !keysError && <div className="muted">正在读取签名密钥…</div>}
        {keys && (
          <>
            {active ? (
              active.devCa && (
                <Alert
                  type="warning"
                  showIcon
                  title={`当前证书由${DEV_CA_TEXT}签发`}
                  description="用它签署的意见书可以验证未被修改，但不是机构 CA 签发的正式证书。连接中心系统后应重新创建密钥。"
                  data-testid="keys-devca"
                />
              )
            ) : (
              <Alert type="info" showIcon title="本机尚无签名密钥" description="签署审核意见书前，请先创建签名密钥。私钥只保存在本机，不会离开这台电脑。" />
            )}
            {list.length > 0 && (
              <table className="op-table" data-testid="keys-table">
                <caption className="sr-only">本机的签名密钥</caption>
                <thead>
                  <tr>
                    <th scope="col">状态</th>
                    <th scope="col">算法</th>
                    <th scope="col">证书主体</th>
                    <th scope="col">签发者</th>
                    <th scope="col">创建时间</th>
                    <th scope="col">保护</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((k) => (
                    <KeyRow key={k.keyId} k={k} />
                  ))}
                </tbody>
              </table>
            )}
            {!active || replacing ? (
              <CreateKey
                keys={keys}
                onCancel={active ? () => setReplacing(false) : undefined}
                onCreated={(v) => {
                  opinionActions.setKeys(v);
                  setReplacing(false);
                  message.success('已创建签名密钥');
                }}
              />
            ) : (
              <div className="op-replace">
                <Button onClick={() => setReplacing(true)} data-testid="key-replace">
                  更换签名密钥…
                </Button>
                <span className="small muted">更换后旧密钥停用，用它签署的意见书仍可验证。</span>
              </div>
            )}
          </>
        )}
      </div>
    </Modal>
  );
}
