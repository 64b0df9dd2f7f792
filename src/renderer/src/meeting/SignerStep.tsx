// One signer of the minutes (主持人 first, then 记录人): who, their key (or creating one, with a
// passphrase when this workstation has no OS keychain), then 签署 with the key's passphrase. The
// recorder's step also signs the submission with the reviewer's key: when the recorder is someone
// else, the reviewer's passphrase is asked for there too. The passphrases live only in this
// component's state and are cleared after use.
import { useId, useState } from 'react';
import { Alert, Button, Input } from 'antd';
import { CheckCircleFilled, KeyOutlined } from '@ant-design/icons';
import type { MinutesSignerView } from '../../../shared/api/meetings';
import type { KeySummary } from '../../../shared/api/opinions';
import { DEV_CA_TEXT, PROTECTION_LABEL } from '../opinion/labels';
import { problemLine } from './errors';

const MIN_PASS = 8;

interface Props {
  step: number;
  signer: MinutesSignerView;
  /** Why this signer cannot sign yet (e.g. the host has not signed), or null. */
  blocked: string | null;
  /** The reviewer who signs the submission in this step, when not the signer (the recorder's step only). */
  submitter?: { name: string; key: KeySummary } | null;
  onCreateKey: (passphrase: string | undefined) => Promise<void>;
  onSign: (passphrase: string | undefined, submitterPassphrase: string | undefined) => Promise<void>;
}

export function SignerStep({ step, signer, blocked, submitter, onCreateKey, onSign }: Props) {
  const id = useId();
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [submitterPass, setSubmitterPass] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const key = signer.key;
  const newNeedsPass = signer.protection === 'passphrase';
  const signNeedsPass = key?.protection === 'passphrase';

  const run = async (what: () => Promise<void>, fallback: string) => {
    setBusy(true);
    setProblem(null);
    try {
      await what();
      setPass('');
      setAgain('');
      setSubmitterPass('');
    } catch (err) {
      setProblem(problemLine(err, fallback));
    } finally {
      setBusy(false);
    }
  };

  const create = () => {
    if (newNeedsPass) {
      if (pass.length < MIN_PASS) return setProblem(`口令至少 ${MIN_PASS} 个字符`);
      if (pass !== again) return setProblem('两次输入的口令不一致');
    }
    void run(() => onCreateKey(newNeedsPass ? pass : undefined), '未能创建签名密钥');
  };

  const submitterNeedsPass = submitter?.key.protection === 'passphrase';
  const sign = () => {
    if (signNeedsPass && pass.length < MIN_PASS) return setProblem(pass ? `口令至少 ${MIN_PASS} 个字符` : '请输入签名密钥口令');
    if (submitterNeedsPass && submitterPass.length < MIN_PASS) return setProblem(submitterPass ? `口令至少 ${MIN_PASS} 个字符` : `请输入审核人员${submitter.name}的密钥口令`);
    void run(() => onSign(signNeedsPass ? pass : undefined, submitterNeedsPass ? submitterPass : undefined), '签署未完成，请稍后重试');
  };

  return (
    <li className={`mt-signer${signer.signed ? ' is-signed' : ''}`} data-testid={`signer-${signer.role}`} data-signed={signer.signed}>
      <div className="mt-signer-head">
        <span className="mt-signer-step num">{step}</span>
        <strong>{signer.roleLabel}</strong>
        <span>{signer.name}</span>
        <span className="muted small">{signer.post}</span>
        <span className="spacer" />
        {signer.signed && (
          <span className="t-ok small">
            <CheckCircleFilled aria-hidden /> 已签署
          </span>
        )}
      </div>
      {!signer.signed && (
        <div className="mt-signer-body">
          {key ? (
            <p className="small">
              <KeyOutlined aria-hidden /> {key.subject}
              {signer.usesReviewerKey && <span className="muted">（审核人员本人的密钥）</span>} · <span className={key.devCa ? 't-warn' : undefined}>{key.devCa ? DEV_CA_TEXT : (key.issuer ?? '—')}</span> · {PROTECTION_LABEL[key.protection]}
            </p>
          ) : (
            <p className="small t-warn">本机尚无 {signer.name} 的签名密钥：先创建（证书以其姓名签发{newNeedsPass ? '，由口令保护' : ''}）。</p>
          )}
          {blocked ? (
            <p className="small muted">{blocked}</p>
          ) : key ? (
            <div className="mt-signer-form">
              {signNeedsPass && (
                <Input.Password
                  id={`${id}-pass`}
                  value={pass}
                  onChange={(e) => setPass(e.target.value)}
                  onPressEnter={sign}
                  placeholder={`${signer.name}的密钥口令`}
                  autoComplete="current-password"
                  maxLength={200}
                  aria-label={`${signer.roleLabel}${signer.name}的密钥口令`}
                  data-testid="signer-passphrase"
                />
              )}
              {submitterNeedsPass && (
                <Input.Password
                  value={submitterPass}
                  onChange={(e) => setSubmitterPass(e.target.value)}
                  onPressEnter={sign}
                  placeholder={`审核人员${submitter.name}的密钥口令（提交用）`}
                  autoComplete="current-password"
                  maxLength={200}
                  aria-label={`审核人员${submitter.name}的密钥口令`}
                  data-testid="signer-submitter-passphrase"
                />
              )}
              <Button type="primary" loading={busy} onClick={sign} data-testid="signer-sign">
                {signer.roleLabel}签署
              </Button>
            </div>
          ) : (
            <div className="mt-signer-form">
              {newNeedsPass && (
                <>
                  <Input.Password value={pass} onChange={(e) => setPass(e.target.value)} placeholder="设置口令（至少 8 个字符）" autoComplete="new-password" maxLength={200} aria-label="新密钥口令" data-testid="signer-new-passphrase" />
                  <Input.Password value={again} onChange={(e) => setAgain(e.target.value)} onPressEnter={create} placeholder="再次输入口令" autoComplete="new-password" maxLength={200} aria-label="再次输入新密钥口令" data-testid="signer-new-passphrase-again" />
                </>
              )}
              <Button loading={busy} onClick={create} data-testid="signer-create-key">
                创建签名密钥
              </Button>
            </div>
          )}
          {problem && <Alert type="error" showIcon title={problem} data-testid="signer-error" />}
        </div>
      )}
    </li>
  );
}
