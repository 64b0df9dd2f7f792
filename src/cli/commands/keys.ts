// fashen keys create · list · revoke — the reviewer's signing keys, as in the app's 签名密钥 dialog.
// A key created while logged in to a central system is registered there at once (its certificate
// then comes from the central system); offline it keeps the local development CA's certificate and
// is registered at the next `fashen login` or `fashen sync`. A revocation takes effect here at once
// and reaches the central system now or at the next sync.
import type { Io } from '../main';
import { signerNameMismatch } from '../../shared/opinion/signer-name';
import type { Workstation } from '../../main/workstation';
import { guarded } from '../api-failure';
import { NewKeyPassphrase, type KeySummary, type KeysView } from '../../shared/api/opinions';
import { readPassphrase } from '../secret';
import type { ReviewerProfile } from '../../shared/api/review';
import { REVIEWER_SET_HINT } from './opinion';
import { profileAnswered } from './reviewer';

export interface KeysOpts {
  json: boolean;
  passphraseEnv?: string | undefined;
  name?: string | undefined;
  agency?: string | undefined;
  reason?: string | undefined;
}

export const USAGE = `用法:
  fashen keys create [--name 姓名 --agency 单位] [--passphrase-env VAR]   创建签名密钥（已登录中心系统时立即登记）
  fashen keys list [--json]                                              列出签名密钥及其中心登记状态
  fashen keys revoke <密钥标识> --reason 原因 [--json]                    吊销签名密钥（并告知中心系统）`;

const STATUS: Record<KeySummary['status'], string> = { active: '使用中', retired: '已停用', revoked: '已吊销' };

export function registrationText(k: KeySummary): string {
  const r = k.registration;
  if (k.status === 'revoked') {
    const told = k.revocationReported === true ? '已告知中心' : k.revocationReported === false ? '待告知中心' : '';
    // Never registered with the central system (nothing to tell it): say that, not a bare 吊销.
    return told ? `吊销（${told}）` : '未登记（已吊销）';
  }
  if (!r) return '—';
  switch (r.state) {
    case 'enrolled':
      return `已登记到中心（${r.server}）`;
    case 'pending':
      return `待登记到中心（下次同步时）${r.note ? `：${r.note}` : ''}`;
    case 'refused':
      return `中心拒绝登记：${r.note ?? ''}`;
    case 'local':
      return `仅本机开发 CA（登录中心系统后登记）${r.note ? `：${r.note}` : ''}`;
  }
}

function print(view: KeysView, opts: KeysOpts, io: Io): void {
  if (opts.json) return io.out(`${JSON.stringify(view, null, 2)}\n`);
  // The central account the certificate names (UID) after the subject; — for a certificate without one.
  for (const k of view.keys) io.out(`${STATUS[k.status]}\t${k.keyId}\t${k.algorithm}\t${k.subject}\t账号 ${k.account ?? '—'}\t${k.issuer ?? '无证书'}\t${registrationText(k)}\n`);
  if (view.centralNotice) io.err(`注意：${view.centralNotice}\n`);
}

export async function keysCommand(open: () => Workstation, args: string[], opts: KeysOpts, io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if ((sub !== 'create' && sub !== 'list' && sub !== 'revoke') || (sub !== 'revoke' && rest.length)) return io.err(`${USAGE}\n`), 2;
  if (sub === 'revoke') {
    const reason = opts.reason?.trim() ?? '';
    if (rest.length !== 1 || !/^[0-9a-f]{32}$/.test(rest[0]!)) return io.err(`需要一个密钥标识（32 位十六进制，见 fashen keys list）\n${USAGE}\n`), 2;
    if (reason.length < 2 || reason.length > 200) return io.err('需要 --reason 吊销原因（2–200 个字）\n'), 2;
  }
  const ws = open();
  try {
    return await guarded(io, async () => {
      const keys = ws.opinions.keys;
      if (sub === 'create') {
        const profile = ws.review.reviewer();
        const name = opts.name?.trim() || profile?.name;
        if (!name) return io.err(`请用 --name 指定审核人员姓名，或先设置审核人员：${REVIEWER_SET_HINT}\n`), 2;
        if (!profile || opts.name || opts.agency) {
          // Name and agency only. 法律职业资格 and 初次审核 are never assumed: they stay as answered for
          // this reviewer, or unanswered (P2 then asks) until `fashen reviewer set` or the app answers them.
          const same = profile?.name === name;
          const next: ReviewerProfile = same ? { ...profile, agency: opts.agency ?? profile.agency } : { name, agency: opts.agency ?? profile?.agency, legalQualification: false };
          ws.review.setReviewer(next);
        }
        const now = ws.review.reviewer();
        if (!profileAnswered(now)) io.err(`注意：尚未填写审核人员是否具有法律职业资格、是否初次从事法制审核，P2 将提示核对：fashen reviewer set --qualification 是|否 --first-time 是|否\n`);
        const pass = await readPassphrase(opts.passphraseEnv, '为新的签名密钥设置口令：');
        const checked = NewKeyPassphrase.safeParse(pass);
        if (!checked.success) return io.err(`错误：${checked.error.issues[0]!.message}\n`), 2;
        const previous = keys.view().active;
        const view = await keys.create({ name, agency: opts.agency ?? profile?.agency ?? '未填写单位' }, pass);
        if (!opts.json && view.active) io.err(`已创建签名密钥 ${view.active.keyId}：${registrationText(view.active)}\n`);
        // Creating a key retires the one in use: said, not done quietly.
        if (!opts.json && previous && previous.keyId !== view.active?.keyId) io.err(`原签名密钥 ${previous.keyId} 已停用（已轮换为新密钥，不再用于签名；用它签署的文件仍可验证）\n`);
        const mismatch = signerNameMismatch(view.active?.signerName, ws.review.reviewer()?.name, view.central?.user);
        if (mismatch) io.err(`注意：${mismatch.title}。${mismatch.advice}\n`);
        print(view, opts, io);
        return 0;
      }
      if (sub === 'revoke') {
        const view = await keys.revoke(rest[0]!, opts.reason!.trim());
        const k = view.keys.find((x) => x.keyId === rest[0]);
        if (!opts.json && k) io.err(`已吊销签名密钥 ${k.keyId}：${registrationText(k)}\n`);
        print(view, opts, io);
        return 0;
      }
      print(keys.view(), opts, io);
      return 0;
    });
  } finally {
    ws.close();
  }
}
