// 签署: what is about to be signed (文号, version, case, conclusion, content hash), who signs (the key's
// certificate subject and issuer — plainly marked when it comes from the local development CA), the
// passphrase when the key is passphrase-protected, then opinions.sign. The passphrase lives only in
// this dialog's state and is cleared when it closes. Errors say what to do (re-enter, re-preview).
import { useEffect, useId, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Input, Modal, type InputRef } from 'antd';
import { errorText } from '../lib/errors';
import { ALGORITHM_LABEL, DEV_CA_TEXT, KEY_PASSPHRASE, shortHash } from './labels';
import { caseOpinions, opinionActions, useOpinionState } from './store';

const MIN_PASSPHRASE = 8;

type Problem = { kind: 'passphrase' | 'stale' | 'key' | 'other'; text: string };

function classify(text: string): Problem['kind'] {
  if (/口令/.test(text)) return 'passphrase';
  if (/预览/.test(text)) return 'stale';
  if (/密钥|证书/.test(text)) return 'key';
  return 'other';
}

function SignBody({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const id = useId();
  const { message } = AntApp.useApp();
  const preview = useOpinionState((s) => caseOpinions(s, caseId).preview);
  const keys = useOpinionState((s) => s.keys);
  const [pass, setPass] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const passRef = useRef<InputRef>(null);
  const active = keys?.active ?? null;
  const needsPass = keys?.protection === 'passphrase';

  useEffect(() => {
    void opinionActions.loadKeys();
  }, []);

  useEffect(() => {
    if (active && needsPass) requestAnimationFrame(() => passRef.current?.focus());
  }, [active, needsPass]);

  // The preview names the key that signs: one made with no key (or another key) is being made again.
  const previewFits = Boolean(preview && active && preview.signable && preview.content.reviewer.keyId === active.keyId);
  // Logged in to the central system: 文号 come from this workstation's reserved pool (none left: no signing).
  const pool = preview?.numberPool ?? null;
  const noNumber = pool?.remaining === 0;

  const sign = async () => {
    if (!preview || !active || !previewFits || noNumber || preview.reassigned) return;
    if (needsPass && pass.length < MIN_PASSPHRASE) {
      setProblem({ kind: 'passphrase', text: pass ? `${KEY_PASSPHRASE}至少 ${MIN_PASSPHRASE} 个字符` : `请输入${KEY_PASSPHRASE}` });
      passRef.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const record = await opinionActions.sign(caseId, preview.contentHash, needsPass ? pass : undefined);
      setPass('');
      message.success(`已签署：${record.documentNumber} 第${record.version}版`);
      onDone();
    } catch (err) {
      const text = errorText(err, '签署未完成，请稍后重试');
      const kind = classify(text);
      setProblem({ kind, text: kind === 'passphrase' ? `${text}。请检查口令（区分大小写）后重新输入。` : text });
      if (kind === 'passphrase') requestAnimationFrame(() => passRef.current?.select());
      setBusy(false);
    }
  };

  const repreview = async () => {
    setBusy(true);
    try {
      await opinionActions.preview(caseId);
      setProblem(null);
    } catch (err) {
      setProblem({ kind: 'other', text: errorText(err, '未能重新生成预览，请稍后重试') });
    } finally {
      setBusy(false);
    }
  };

  if (!preview) {
    return <Alert type="info" showIcon title="请先预览审核意见书" description="签署的内容就是预览所示的内容。请在“审核要点”面板底部点击“预览意见书”。" />;
  }
  const c = preview.content;

  return (
    <div className="op-dialog" data-testid="sign-dialog">
      <dl className="op-kv">
        <dt>文书</dt>
        <dd>
          法制审核意见书 <span className="num">{c.documentNumber}</span> · 第{c.version}版
        </dd>
        <dt>案件</dt>
        <dd>
          <span className="num">{c.case.caseNumber}</span> · 第{c.round}轮
        </dd>
        <dt>审核结论</dt>
        <dd>
          <strong className={`rv-opinion-type type-${c.conclusion.type}`}>{c.conclusion.type}</strong>
        </dd>
        <dt>内容摘要</dt>
        {preview.signable ? (
          <dd className="num" title={preview.contentHash} data-testid="sign-hash">
            SHA-256 {shortHash(preview.contentHash)} …
          </dd>
        ) : (
          <dd className="muted" data-testid="sign-hash">
            待创建签名密钥后生成（意见书载明签名证书）
          </dd>
        )}
        <dt>签名人</dt>
        <dd data-testid="sign-signer">{active ? `${active.subject}${active.account ? ` · 中心账号 ${active.account}` : ''}` : <span className="t-warn">本机尚无签名密钥</span>}</dd>
        {active && (
          <>
            <dt>证书签发者</dt>
            <dd className={active.devCa ? 't-warn' : undefined} data-testid="sign-issuer">
              {active.devCa ? DEV_CA_TEXT : (active.issuer ?? '—')}
            </dd>
            <dt>签名算法</dt>
            <dd className="num">{ALGORITHM_LABEL[active.algorithm]}（PDF 内嵌签名 + 提交件独立签名）</dd>
          </>
        )}
      </dl>
      {preview.reassigned && <Alert type="error" showIcon title="本案已由中心系统改派给其他审核员，您不能再签署这份意见书" data-testid="sign-reassigned" />}
      {noNumber && <Alert type="error" showIcon title={preview.blocker ?? '本机预留的文号已用完'} data-testid="sign-pool-empty" />}
      {pool && !noNumber && pool.low && (
        <Alert type="info" showIcon title={`本机尚余预留文号 ${pool.remaining} 个`} description="文号由中心系统预留给本机，离线也可签署；联网同步时自动补足。" data-testid="sign-pool-low" />
      )}
      {active?.devCa && <Alert type="warning" showIcon title="证书由本地开发 CA 签发，不是机构正式证书" description="签署的意见书可以验证未被修改，但验证结果会注明“非正式，仅供演示”。" data-testid="sign-devca" />}
      {keys && !active && (
        <Alert
          type="warning"
          showIcon
          title="本机尚无签名密钥"
          description="预览所示即为将要签署的内容。创建签名密钥后，预览会自动更新以载明签名证书，即可签署。"
          action={
            <Button size="small" onClick={opinionActions.openKeys} data-testid="sign-open-keys">
              创建签名密钥…
            </Button>
          }
        />
      )}
      {active && preview && !previewFits && (
        <Alert
          type="info"
          showIcon
          title="预览尚未载明当前签名密钥"
          description="正在按当前签名密钥重新生成预览；文书内容不变。"
          action={
            <Button size="small" onClick={() => void repreview()} loading={busy} data-testid="sign-repreview-key">
              重新预览
            </Button>
          }
          data-testid="sign-preview-key"
        />
      )}
      {active && needsPass && (
        <div className="op-pass-grid">
          <label htmlFor={`${id}-pass`}>{KEY_PASSPHRASE}</label>
          <Input.Password
            id={`${id}-pass`}
            ref={passRef}
            value={pass}
            onChange={(e) => setPass(e.target.value)}
            onPressEnter={() => void sign()}
            autoComplete="current-password"
            maxLength={200}
            status={problem?.kind === 'passphrase' ? 'error' : undefined}
            aria-invalid={problem?.kind === 'passphrase'}
            aria-describedby={problem ? `${id}-err` : undefined}
            data-testid="sign-passphrase"
          />
        </div>
      )}
      <p className="small muted op-fine">签署后本版意见书不可更改；之后修改审核将形成新的版本，需重新签署。签署时间取本机时钟；联网时签署或首次发送前加盖可信时间戳，经离线交换包送达的不再补加。</p>
      {problem && (
        <div id={`${id}-err`}>
          <Alert
            type="error"
            showIcon
            title={problem.text}
            data-testid="sign-error"
            action={
              problem.kind === 'stale' ? (
                <Button size="small" onClick={() => void repreview()} loading={busy} data-testid="sign-repreview">
                  重新预览
                </Button>
              ) : problem.kind === 'key' ? (
                <Button size="small" onClick={opinionActions.openKeys}>
                  签名密钥…
                </Button>
              ) : undefined
            }
          />
        </div>
      )}
      <div className="op-actions">
        <Button onClick={onDone}>取消</Button>
        <Button type="primary" loading={busy} disabled={!active || !previewFits || noNumber || Boolean(preview.reassigned)} onClick={() => void sign()} data-testid="sign-submit">
          签署
        </Button>
      </div>
    </div>
  );
}

export function SignDialog() {
  const caseId = useOpinionState((s) => s.signFor);
  return (
    <Modal open={caseId !== null} title="签署审核意见书" onCancel={opinionActions.closeSign} width={520} footer={null} destroyOnHidden>
      {caseId && <SignBody key={caseId} caseId={caseId} onDone={opinionActions.closeSign} />}
    </Modal>
  );
}
