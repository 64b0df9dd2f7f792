// fashen review point · review conclude · opinion sign · verify (keys: keys.ts)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Io } from '../main';
import type { Workstation } from '../../main/workstation';
import { guarded } from '../api-failure';
import { OpinionType, PointDecision } from '../../shared/api/review';
import { ReviewPointId } from '../../shared/api/evidence';
import { readPassphrase } from '../secret';
import { caseIdOf } from '../case-key';

const DECISIONS: Record<string, 'ok' | 'problem' | 'na'> = { 无问题: 'ok', 存在问题: 'problem', 不适用: 'na', ok: 'ok', problem: 'problem', na: 'na' };


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
      for (const [name, sha] of files) writeFileSync(join(opts.out!, name), await ws.blobs.read(sha));
      if (opts.json) io.out(`${JSON.stringify({ ...rec, files: files.map(([n]) => join(opts.out!, n)) }, null, 2)}\n`);
      else io.out(`已签署 ${rec.documentNumber}（第${rec.round}轮第${rec.version}版，${rec.conclusion}），待加盖时间戳；已放入待发送队列\n${files.map(([n]) => `  ${join(opts.out!, n)}`).join('\n')}\n`);
      return 0;
    });
  } finally {
    ws.close();
  }
}

