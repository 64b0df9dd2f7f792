// 签名密钥: the reviewer's signing keys on this workstation (keys.status) — 使用中 / 已停用 / 已吊销,
// algorithm, certificate subject and issuer, and each key's standing with the central system:
// 已登记到中心 · 待登记（下次同步）· 仅本机开发 CA · 中心拒绝登记; revoked keys say whether the
// central system has been told. 创建签名密钥 (keys.create; registered at once when logged in) and
// 吊销 (keys.revoke, with a reason, behind a confirmation). In the browser host a new key is protected
// by a passphrase typed twice (never stored); on the desktop the OS keychain protects it.
import { useEffect, useId, useState } from 'react';
import { Alert, App as AntApp, Button, Input, Modal, Popconfirm } from 'antd';
import type { KeySummary, KeysView } from '../../../shared/api/opinions';
import type { ReviewerProfile } from '../../../shared/api/review';
import { chinaDateTime } from '../../../shared/format/date';
import { signerNameMismatch } from '../../../shared/opinion/signer-name';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { ALGORITHM_LABEL, DEV_CA_TEXT, KEY_PASSPHRASE, KEY_STATUS_LABEL, LOGIN_HINT, PROTECTION_LABEL } from './labels';
import { opinionActions, useOpinionState } from './store';
import './keys.css';

const MIN_PASSPHRASE = 8;
const MIN_REASON = 2;

/** The key's standing with the central system: text, tone and an explanation for the tooltip. */
export function registrationLine(k: KeySummary): { text: string; tone: 'ok' | 'warn' | 'fail' | 'muted'; detail: string | null } {
  if (k.status === 'revoked') {
    if (k.revocationReported === true) return { text: '已告知中心', tone: 'muted', detail: null };
    if (k.revocationReported === false) return { text: '待告知中心 · 下次同步时', tone: 'warn', detail: '吊销将在下次同步时告知中心系统' };
    return { text: '未登记，无需告知中心', tone: 'muted', detail: null };
  }
  const r = k.registration;
  switch (r?.state) {
    case 'enrolled':
      return { text: '已登记到中心', tone: 'ok', detail: `${r.server ?? ''}${r.at ? `，${chinaDateTime(r.at)} 登记` : ''}` };
    case 'pending':
      return { text: '待登记 · 下次同步时', tone: 'warn', detail: r.note };
    case 'refused':
      return { text: '中心拒绝登记', tone: 'fail', detail: r.note };
    default:
      return { text: '仅本机开发 CA', tone: 'warn', detail: r?.note ?? '登录中心系统后自动登记' };
  }
}

function RevokeButton({ k, onRevoked }: { k: KeySummary; onRevoked: (v: KeysView) => void }) {
  const id = useId();
  const { message } = AntApp.useApp();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const ok = reason.trim().length >= MIN_REASON;

  const revoke = async () => {
    setBusy(true);
    try {
      const view = await api.call('keys.revoke', { keyId: k.keyId, reason: reason.trim() });
      setReason('');
      onRevoked(view);
      // A notice (central system not reached) is shown in the dialog itself.
      if (!view.centralNotice) message.success(view.central ? '已吊销签名密钥，并已告知中心系统' : '已吊销签名密钥');
    } catch (err) {
      message.error(errorText(err, '签名密钥未能吊销，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popconfirm
      title={`吊销签名密钥 ${k.keyId.slice(0, 8)}？`}
      placement="topRight"
      icon={null}
      description={
        <div className="keys-revoke" data-testid="key-revoke-form">
          <p className="small muted">吊销后不能再用它签名；已签署的意见书仍可验证，但用它签署而尚未发送的提交将被中心系统退回。此操作不可撤销。</p>
          <label htmlFor={`${id}-reason`} className="small">
            吊销原因
          </label>
          <Input
            id={`${id}-reason`}
            size="small"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={200}
            placeholder="如：笔记本电脑遗失、审核员调离"
            data-testid="key-revoke-reason"
          />
        </div>
      }
      okText="吊销"
      cancelText="取消"
      okButtonProps={{ danger: true, disabled: !ok, loading: busy, ...({ 'data-testid': 'key-revoke-confirm' } as object) }}
      onConfirm={revoke}
      onOpenChange={(open) => !open && setReason('')}
    >
      <Button size="small" type="link" danger className="keys-revoke-btn" data-testid="key-revoke">
        吊销…
      </Button>
    </Popconfirm>
  );
}

function KeyRow({ k, onRevoked }: { k: KeySummary; onRevoked: (v: KeysView) => void }) {
  const reg = registrationLine(k);
  return (
    <tr data-testid="key-row" data-status={k.status} data-key-id={k.keyId} data-registration={k.registration?.state ?? ''}>
      <td>
        <span className={`op-key-status status-${k.status}`}>{KEY_STATUS_LABEL[k.status]}</span>
      </td>
      <td>
        <div>{k.subject}</div>
        <div className="small muted">
          {k.account && (
            <>
              <span data-testid="key-account">
                中心账号 <span className="num">{k.account}</span>
              </span>
              {' · '}
            </>
          )}
          {ALGORITHM_LABEL[k.algorithm]} · <span className="keys-id">{k.keyId.slice(0, 8)}</span>
        </div>
        {k.status === 'revoked' && (
          <div className="small t-fail">
            {k.revokedAt ? `${chinaDateTime(k.revokedAt)} 吊销` : '已吊销'}
            {k.revocationReason ? `：${k.revocationReason}` : ''}
          </div>
        )}
      </td>
      <td>
        <div className={k.devCa ? 't-warn' : undefined}>{k.devCa ? DEV_CA_TEXT : (k.issuer ?? '无证书')}</div>
        <div className={`small keys-reg tone-${reg.tone}`} data-testid="key-registration" title={reg.detail ?? undefined}>
          {reg.text}
          {reg.detail && reg.tone === 'fail' && <span className="keys-reg-detail">：{reg.detail}</span>}
        </div>
      </td>
      <td className="num small op-nowrap">{chinaDateTime(k.created)}</td>
      <td className="small op-nowrap">{PROTECTION_LABEL[k.protection]}</td>
      <td className="keys-actions">{k.status !== 'revoked' && <RevokeButton k={k} onRevoked={onRevoked} />}</td>
    </tr>
  );
}

/** `reviewer`: undefined while it is read, null when none is set. */
function CreateKey({ keys, reviewer, onCreated, onCancel }: { keys: KeysView; reviewer: ReviewerProfile | null | undefined; onCreated: (v: KeysView) => void; onCancel?: (() => void) | undefined }) {
  const id = useId();
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const needsPass = keys.protection === 'passphrase';

  const create = async () => {
    if (needsPass) {
      if (pass.length < MIN_PASSPHRASE) return setError(`${KEY_PASSPHRASE}至少 ${MIN_PASSPHRASE} 个字符`);
      if (pass !== again) return setError(`两次输入的${KEY_PASSPHRASE}不一致，请重新输入`);
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
          {reviewer === undefined ? (
            '…'
          ) : !reviewer ? (
            <span className="t-warn">未设置审核人员</span>
          ) : keys.central?.user ? (
            <>
              {reviewer.name}（{reviewer.agency ?? '未填写单位'}）
              <span className="small muted"> · 中心证书以管理员登记的姓名署名（未登记时为账户名 {keys.central.user}）</span>
            </>
          ) : (
            `${reviewer.name}（${reviewer.agency ?? '未填写单位'}）`
          )}
        </dd>
        <dt>签发者</dt>
        <dd data-testid="key-create-issuer">
          {keys.central ? '中心系统：创建后立即登记（中心暂时无法连接时先用本地开发 CA，下次同步时登记）' : `${DEV_CA_TEXT}；登录中心系统后自动登记并换发中心证书`}
        </dd>
        <dt>保护方式</dt>
        <dd>{needsPass ? `口令保护：私钥以${KEY_PASSPHRASE}加密保存在本机，签署时输入（与缓存口令无关，可以不同）` : '系统钥匙串保护：签署时无需输入口令'}</dd>
      </dl>
      {reviewer === null && <Alert type="warning" showIcon title="请先设置审核人员信息（姓名、单位）" description="在右侧“审核要点”面板顶部点击“设置审核人员”。证书将以审核人员的姓名和单位签发。" />}
      {needsPass && (
        <div className="op-pass-grid">
          <label htmlFor={`${id}-p1`}>{KEY_PASSPHRASE}</label>
          <Input.Password id={`${id}-p1`} value={pass} onChange={(e) => setPass(e.target.value)} autoComplete="new-password" maxLength={200} data-testid="key-passphrase" />
          <label htmlFor={`${id}-p2`}>再次输入</label>
          <Input.Password id={`${id}-p2`} value={again} onChange={(e) => setAgain(e.target.value)} onPressEnter={() => void create()} autoComplete="new-password" maxLength={200} data-testid="key-passphrase-again" />
          <span />
          <span className="small muted">至少 {MIN_PASSPHRASE} 个字符。工作台不保存{KEY_PASSPHRASE}；遗忘后只能重新创建签名密钥，已签署的意见书不受影响。</span>
        </div>
      )}
      {keys.active && <div className="small muted">创建后，当前使用中的密钥将停用；用它签署的意见书仍可验证。</div>}
      {error && <Alert type="error" showIcon title={error} data-testid="key-error" />}
      <div className="op-actions">
        {onCancel && <Button onClick={onCancel}>取消更换</Button>}
        <Button type="primary" loading={busy} disabled={reviewer === null} onClick={() => void create()} data-testid="key-create-submit">
          {keys.active ? '创建新密钥' : '创建签名密钥'}
        </Button>
      </div>
    </section>
  );
}

/** What the reviewer should know about the active key's certificate, in one line. */
function ActiveNotice({ keys }: { keys: KeysView }) {
  const active = keys.active;
  if (!active && keys.keys.length) return <Alert type="info" showIcon title="当前没有可用的签名密钥：签署前请创建新的签名密钥" />;
  if (!active) return <Alert type="info" showIcon title="本机尚无签名密钥" description="签署审核意见书前，请先创建签名密钥。私钥只保存在本机，不会离开这台电脑。" />;
  const state = active.registration?.state;
  if (state === 'refused') return <Alert type="error" showIcon title="中心系统拒绝登记当前签名密钥" description={`${active.registration?.note ?? ''}。请更换签名密钥后重新签署。`} data-testid="keys-refused" />;
  if (!active.devCa) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={`当前证书由${DEV_CA_TEXT}签发`}
      description={
        keys.central
          ? '签署的意见书可以验证未被修改；下次同步时密钥将登记到中心系统，此后的签名使用中心签发的证书。已签署的意见书照常送达。'
          : `签署的意见书可以验证未被修改，但不是中心系统签发的证书。登录中心系统后，密钥自动登记并换发中心证书：${LOGIN_HINT}。`
      }
      data-testid="keys-devca"
    />
  );
}

/**
 * The active certificate names the signer otherwise than the reviewer profile (a central certificate
 * issued before the admin set the display name carries the account name): verifications will show
 * the certificate's name, so say how to put it right. Not a block: the signature is still valid.
 */
function SignerNameNotice({ keys, reviewer }: { keys: KeysView; reviewer: ReviewerProfile | null | undefined }) {
  const mismatch = signerNameMismatch(keys.active?.signerName, reviewer?.name, keys.central?.user);
  if (!mismatch) return null;
  return <Alert type="warning" showIcon title={mismatch.title} description={mismatch.advice} data-testid="keys-name-mismatch" />;
}

/** The reviewer profile, read each time the dialog opens (undefined while read; null: none set or unreadable). */
function useReviewer(open: boolean): ReviewerProfile | null | undefined {
  const [reviewer, setReviewer] = useState<ReviewerProfile | null | undefined>(undefined);
  useEffect(() => {
    if (!open) return;
    let alive = true;
    setReviewer(undefined);
    api.call('settings.getReviewer', {}).then(
      (r) => alive && setReviewer(r),
      () => alive && setReviewer(null),
    );
    return () => {
      alive = false;
    };
  }, [open]);
  return reviewer;
}

export function KeysDialog() {
  const open = useOpinionState((s) => s.keysOpen);
  const keys = useOpinionState((s) => s.keys);
  const keysError = useOpinionState((s) => s.keysError);
  const { message } = AntApp.useApp();
  const [replacing, setReplacing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const reviewer = useReviewer(open);

  useEffect(() => {
    if (open) void opinionActions.loadKeys();
    setReplacing(false);
    setNotice(null);
  }, [open]);

  const active = keys?.active ?? null;
  const list = keys ? [...keys.keys].sort((a, b) => (a.status === 'active' ? -1 : b.status === 'active' ? 1 : b.created.localeCompare(a.created))) : [];
  const changed = (v: KeysView) => {
    opinionActions.setKeys(v);
    setNotice(v.centralNotice);
  };

  return (
    <Modal
      open={open}
      title="签名密钥"
      onCancel={opinionActions.closeKeys}
      width={780}
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
            <div className="keys-central small" data-testid="keys-central">
              <span className="muted">中心系统</span>
              {keys.central ? (
                <span>
                  {keys.central.server}
                  {keys.central.user ? `（用户 ${keys.central.user}）` : ''}
                </span>
              ) : (
                <span className="t-warn">未登录</span>
              )}
            </div>
            {notice && <Alert type="warning" showIcon title={notice} closable onClose={() => setNotice(null)} data-testid="keys-notice" />}
            <ActiveNotice keys={keys} />
            <SignerNameNotice keys={keys} reviewer={reviewer} />
            {list.length > 0 && (
              <table className="op-table keys-table" data-testid="keys-table">
                <caption className="sr-only">本机的签名密钥</caption>
                <thead>
                  <tr>
                    <th scope="col">状态</th>
                    <th scope="col">证书主体</th>
                    <th scope="col">签发者 · 中心登记</th>
                    <th scope="col">创建时间</th>
                    <th scope="col">保护</th>
                    <th scope="col">
                      <span className="sr-only">操作</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((k) => (
                    <KeyRow key={k.keyId} k={k} onRevoked={changed} />
                  ))}
                </tbody>
              </table>
            )}
            {!active || replacing ? (
              <CreateKey
                keys={keys}
                reviewer={reviewer}
                onCancel={active ? () => setReplacing(false) : undefined}
                onCreated={(v) => {
                  changed(v);
                  setReplacing(false);
                  const reg = v.active?.registration?.state;
                  message.success(reg === 'enrolled' ? '已创建签名密钥，并已登记到中心系统' : '已创建签名密钥');
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
