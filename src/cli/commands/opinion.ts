// fashen keys create · review point · review conclude · opinion sign · verify
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Io } from '../main';
import type { Workstation } from '../../main/workstation';
import { ApiFailure } from '../../shared/api/result';
import { OpinionType, PointDecision } from '../../shared/api/review';
import { ReviewPointId } from '../../shared/api/evidence';
import { verifyBytes } from '../../main/services/opinions/verify-view';
import { ReviewerKeys } from '../../main/services/opinions/keys';
import { readPassphrase } from '../secret';

const DECISIONS: Record<string, 'ok' | 'problem' | 'na'> = { 无问题: 'ok', 存在问题: 'problem', 不适用: 'na', ok: 'ok', problem: 'problem', na: 'na' };

function caseIdOf(ws: Workstation, key: string): string | null {
  return ws.cases.load(key) ? key : (ws.cases.findIdentity('', key).byNumber?.id ?? null);
}

async function guarded(io: Io, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ApiFailure) {
      io.err(`${err.error.message}\n${(err.error.details ?? []).map((d) => `  - ${d}\n`).join('')}`);
      return 1;
    }
    throw err;
  }
}

export interface OpinionOpts {
  json: boolean;
  passphraseEnv?: string | undefined;
  opinion?: string | undefined;
  text?: string | undefined;
  note?: string | undefined;
  out?: string | undefined;
  name?: string | undefined;
  agency?: string | undefined;
}

export async function keysCommand(open: () => Workstation, args: string[], opts: OpinionOpts, io: Io): Promise<number> {
  if (args[0] !== 'create' && args[0] !== 'list') return io.err('用法：fashen keys create [--name 姓名 --agency 单位] [--passphrase-env VAR] | fashen keys list\n'), 2;
  const ws = open();
  try {
    return await guarded(io, async () => {
      if (args[0] === 'create') {
        const profile = ws.review.reviewer();
        const name = opts.name ?? profile?.name;
        if (!name) return io.err('请用 --name 指定审核人员姓名（或先在工作台中设置审核人员）\n'), 2;
        if (!profile || opts.name || opts.agency) ws.review.setReviewer({ name, agency: opts.agency ?? profile?.agency, legalQualification: profile?.legalQualification ?? false, firstTimeReviewer: profile?.firstTimeReviewer ?? false });
        const pass = await readPassphrase(opts.passphraseEnv, '为新的签名密钥设置口令：');
        if (pass.length < 8) return io.err('口令至少 8 个字符\n'), 2;
        await ws.opinions.keys.create({ name, agency: opts.agency ?? profile?.agency ?? '未填写单位' }, pass);
      }
      const view = ws.opinions.keys.view();
      if (opts.json) io.out(`${JSON.stringify(view, null, 2)}\n`);
      else for (const k of view.keys) io.out(`${k.status === 'active' ? '使用中' : k.status === 'retired' ? '已停用' : '已吊销'}\t${k.keyId}\t${k.algorithm}\t${k.subject}\t${k.issuer ?? '无证书'}\n`);
      return 0;
    });
  } finally {
    ws.close();
  }
}

export async function reviewCommand(open: () => Workstation, args: string[], opts: OpinionOpts, io: Io): Promise<number> {
  const [sub, key, point, decision] = args;
  const ws = open();
  try {
    return await guarded(io, async () => {
      const id = key ? caseIdOf(ws, key) : null;
      if (!id) return io.err(`找不到案件：${key ?? ''}\n用法：fashen review point <案件> <P1…P10> <无问题|存在问题|不适用> [--note 文字] | fashen review conclude <案件> --opinion 同意|建议纠正|建议补充调查|其他意见 --text 文字\n`), 2;
      if (sub === 'point') {
        const p = ReviewPointId.safeParse(point);
        const d = PointDecision.safeParse(DECISIONS[decision ?? '']);
        if (!p.success || !d.success) return io.err('用法：fashen review point <案件> <P1…P10> <无问题|存在问题|不适用> [--note 文字]\n'), 2;
        ws.review.setPoint(id, p.data, { decision: d.data, ...(opts.note !== undefined ? { note: opts.note } : {}) });
        io.out(`${p.data} 已记录：${decision}\n`);
        return 0;
      }
      if (sub === 'conclude') {
        const type = OpinionType.safeParse(opts.opinion);
        if (!type.success || !opts.text) return io.err('用法：fashen review conclude <案件> --opinion 同意|建议纠正|建议补充调查|其他意见 --text 文字\n'), 2;
        const v = ws.review.conclude(id, type.data, opts.text);
        io.out(`第${v.round}轮审核结论：${v.conclusion!.type}\n`);
        return 0;
      }
      return io.err('用法：fashen review point|conclude …\n'), 2;
    });
  } finally {
    ws.close();
  }
}

export async function opinionSignCommand(open: () => Workstation, args: string[], opts: OpinionOpts, io: Io): Promise<number> {
  if (args[0] !== 'sign' || !args[1] || !opts.out) return io.err('用法：fashen opinion sign <案件> --out <目录> [--passphrase-env VAR]\n'), 2;
  const ws = open();
  try {
    return await guarded(io, async () => {
      const id = caseIdOf(ws, args[1]!);
      if (!id) return io.err(`找不到案件：${args[1]}\n`), 2;
      const review = ws.review.get(id);
      if (!review.conclusion) return io.err('本轮审核尚未作出结论，拒绝签署（先运行 fashen review conclude）\n'), 1;
      const pass = ws.opinions.keys.view().protection === 'os' ? undefined : await readPassphrase(opts.passphraseEnv, '签名密钥口令：');
      const preview = await ws.opinions.preview(id);
      const rec = await ws.opinions.sign(id, preview.contentHash, pass);
      mkdirSync(opts.out!, { recursive: true });
      const base = `法制审核意见书-${rec.documentNumber}-v${rec.version}`;
      const files = [
        [`${base}.pdf`, rec.pdfSha256],
        [`${base}.docx`, rec.docxSha256],
        [`${base}.submission.json`, rec.submissionSha256],
      ] as const;
      for (const [name, sha] of files) writeFileSync(join(opts.out!, name), readFileSync(ws.blobs.pathOf(sha)));
      if (opts.json) io.out(`${JSON.stringify({ ...rec, files: files.map(([n]) => join(opts.out!, n)) }, null, 2)}\n`);
      else io.out(`已签署 ${rec.documentNumber}（第${rec.round}轮第${rec.version}版，${rec.conclusion}），待加盖时间戳；已放入待发送队列\n${files.map(([n]) => `  ${join(opts.out!, n)}`).join('\n')}\n`);
      return 0;
    });
  } finally {
    ws.close();
  }
}

/** Exit 0 valid, 1 invalid, 2 unreadable. */
export async function verifyCommand(dataDir: string, args: string[], opts: OpinionOpts, io: Io): Promise<number> {
  if (args.length !== 1) return io.err('用法：fashen verify <文件.pdf | submission.json> [--json]\n'), 2;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(args[0]!));
  } catch (err) {
    return io.err(`无法读取文件：${(err as Error).message}\n`), 2;
  }
  const v = await verifyBytes(bytes, new ReviewerKeys(dataDir));
  if (opts.json) io.out(`${JSON.stringify(v, null, 2)}\n`);
  else {
    io.out(`${v.valid ? 'VALID 有效' : 'INVALID 无效'}：${v.reason}\n`);
    io.out(`签名人：${v.signer ?? '—'}\n签名时间：${v.signingTime ?? '—'}\n证书链：${v.chain.join(' → ') || '—'}\n`);
    if (v.caseNumber) io.out(`案件：${v.caseNumber}（${v.caseId}），第${v.round}轮\n`);
    for (const n of v.notes) io.out(`注意：${n}\n`);
  }
  return v.valid ? 0 : 1;
}
