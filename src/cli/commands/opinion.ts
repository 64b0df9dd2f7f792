// fashen review point · review conclude · review reopen · opinion sign (keys: keys.ts, reviewer: reviewer.ts)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Io } from '../main';
import { signerNameMismatch } from '../../shared/opinion/signer-name';
import type { Workstation } from '../../main/workstation';
import { guarded } from '../api-failure';
import { OpinionText, OpinionType, PointDecision } from '../../shared/api/review';
import type { OpinionRecord } from '../../shared/api/opinions';
import { SUBMISSION_LABEL } from '../../shared/opinion/submission-labels';
import { lowPoolNotice } from '../../shared/opinion/number-pool-notice';
import { ReviewPointId } from '../../shared/api/evidence';
import { readPassphrase } from '../secret';
import { caseIdOf } from '../case-key';
import { DECISION_LABEL } from '../../shared/opinion/point-wording';

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

const POINT_USAGE = '用法：fashen review point <案件> <P1…P10> <无问题|存在问题|不适用> [--note 文字]';
const CONCLUDE_USAGE = '用法：fashen review conclude <案件> --opinion 同意|建议纠正|建议补充调查|其他意见 --text 审核意见（至少 10 个字）';
const REOPEN_USAGE = '用法：fashen review reopen <案件> [--reason 原因]';
export const REVIEW_USAGE = `${POINT_USAGE}\n${CONCLUDE_USAGE}\n${REOPEN_USAGE}`;
/** Where the reviewer is set on the command line (the app: 审核面板“设置审核人员”). */
export const REVIEWER_SET_HINT = 'fashen reviewer set --name 姓名 --agency 单位 --qualification 是|否 --first-time 是|否';

const versionText = (r: OpinionRecord) => `${r.documentNumber}（第${r.round}轮第${r.version}版）`;

/** Checks the arguments before anything is opened: a usage error names what is wrong (exit 2). */
function reviewArgs(args: string[], opts: OpinionOpts): { error: string } | { sub: 'point'; key: string; point: ReviewPointId; decision: PointDecision; label: string } | { sub: 'conclude'; key: string; type: OpinionType; text: string } | { sub: 'reopen'; key: string } {
  const [sub, key, point, decision, ...extra] = args;
  if (sub !== 'point' && sub !== 'conclude' && sub !== 'reopen') return { error: sub ? `未知的子命令：review ${sub}\n${REVIEW_USAGE}` : REVIEW_USAGE };
  const usage = sub === 'point' ? POINT_USAGE : sub === 'conclude' ? CONCLUDE_USAGE : REOPEN_USAGE;
  if (!key) return { error: `需要指定案件（案件编号或案号）\n${usage}` };
  if (sub === 'point') {
    if (!point || !decision || extra.length) return { error: usage };
    // "p1" is P1; anything else names what is wrong instead of repeating the usage.
    const p = ReviewPointId.safeParse(point.trim().toUpperCase());
    if (!p.success) return { error: `审核要点应为 P1–P10（收到：${point}）\n${usage}` };
    const d = PointDecision.safeParse(DECISIONS[decision.trim()]);
    if (!d.success) return { error: `认定应为 无问题、存在问题 或 不适用（收到：${decision}）\n${usage}` };
    return { sub, key, point: p.data, decision: d.data, label: DECISION_LABEL[d.data] };
  }
  if (point !== undefined) return { error: usage };
  if (sub === 'reopen') return { sub, key };
  const type = OpinionType.safeParse(opts.opinion);
  if (!type.success) return { error: `${opts.opinion === undefined ? '需要 --opinion 审核结论' : `审核结论应为 同意、建议纠正、建议补充调查 或 其他意见（收到：${opts.opinion}）`}\n${usage}` };
  if (opts.text === undefined) return { error: `需要 --text 审核意见\n${usage}` };
  // The same rule as the app and the Api (and the service, which checks it again).
  const text = OpinionText.safeParse(opts.text);
  if (!text.success) return { error: `${text.error.issues[0]!.message}\n${usage}` };
  return { sub, key, type: type.data, text: text.data };
}


export async function reviewCommand(open: () => Workstation, args: string[], opts: OpinionOpts, io: Io): Promise<number> {
  const a = reviewArgs(args, opts);
  if ('error' in a) return io.err(`${a.error}\n`), 2;
  const ws = open();
  try {
    return await guarded(io, async () => {
      const id = caseIdOf(ws, a.key);
      if (!id) return io.err(`找不到案件：${a.key}\n`), 2;
      if (a.sub === 'point') {
        ws.review.setPoint(id, a.point, { decision: a.decision, ...(opts.note !== undefined ? { note: opts.note } : {}) });
        io.out(`${a.point} 已记录：${a.label}\n`);
        return 0;
      }
      if (a.sub === 'conclude') {
        if (!ws.review.reviewer()) return io.err(`请先设置审核人员信息（姓名、单位、法律职业资格、是否初次从事法制审核）：P2 需核对审核人员回避与资格，意见书也以审核人员名义出具。\n  ${REVIEWER_SET_HINT}\n`), 1;
        const v = ws.review.conclude(id, a.type, a.text);
        io.out(`第${v.round}轮审核结论：${v.conclusion!.type}\n`);
        return 0;
      }
      return reopen(ws, id, io);
    });
  } finally {
    ws.close();
  }
}

/** 撤回结论, as in the app: a signed opinion not yet sent is withdrawn with it; one already sent stays. */
function reopen(ws: Workstation, id: string, io: Io): number {
  const round = ws.review.get(id).round;
  const before = ws.opinions.records(id).filter((r) => r.round === round && r.submission !== 'withdrawn');
  const v = ws.review.reopen(id);
  const after = new Map(ws.opinions.records(id).map((r) => [r.opinionId, r]));
  const withdrawn = before.filter((r) => after.get(r.opinionId)?.submission === 'withdrawn');
  const left = before.filter((r) => after.get(r.opinionId)?.submission !== 'withdrawn' && !r.superseded);
  const draft = v.conclusionDraft;
  io.out(`已撤回第${v.round}轮审核结论${draft?.type ? `（原结论：${draft.type}）` : ''}：可修改各要点和审核意见，再用 fashen review conclude 重新作出结论。\n`);
  if (withdrawn.length) io.out(`已签署但尚未发出的意见书随之撤回、不再发送：${withdrawn.map(versionText).join('、')}\n`);
  for (const r of left) io.out(`已发出的意见书无法收回：${versionText(r)}（${SUBMISSION_LABEL[after.get(r.opinionId)!.submission]}）；重新签署后中心系统以新版本为准。\n`);
  return 0;
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
      // As in the app: once this conclusion is signed there is nothing new to sign (its panel shows
      // 已签署 第N版, no 签署 button). A new version comes from a changed conclusion only.
      const earlier = ws.opinions.records(id).filter((r) => r.round === review.round);
      const latest = earlier.find((r) => !r.superseded) ?? null;
      if (latest && latest.signedAt >= review.conclusion.concludedAt)
        return (
          io.err(
            `本轮结论已签署为 ${versionText(latest)}，${SUBMISSION_LABEL[latest.submission]}；签署后结论未作修改，不再重复签署（重复签署会另取文号、再发送一份）。\n` +
              `如需修改后重新签署：fashen review reopen ${args[1]} 撤回结论，修改后 fashen review conclude 重新作出结论，再签署。\n`,
          ),
          1
        );
      const preview = await ws.opinions.preview(id);
      // No reserved 文号 left (logged in, offline), or reassigned to another reviewer: the preview's
      // blocker says so, before the passphrase is asked.
      if (preview.numberPool?.remaining === 0 || preview.reassigned) return io.err(`${preview.blocker}\n`), 1;
      const keysView = ws.opinions.keys.view();
      // The document prints the profile's name, the signature the certificate's: said before signing, as the keys dialog does.
      const mismatch = signerNameMismatch(keysView.active?.signerName, ws.review.reviewer()?.name, keysView.central?.user);
      if (mismatch) io.err(`注意：${mismatch.title}。${mismatch.advice}\n`);
      const pass = keysView.protection === 'os' ? undefined : await readPassphrase(opts.passphraseEnv, '签名密钥口令：');
      const rec = await ws.opinions.sign(id, preview.contentHash, pass);
      // Said after signing, of what is left now (the sign dialog says it before, counting the one shown).
      const lowNotice = preview.numberPool ? lowPoolNotice(preview.numberPool.remaining - 1) : null;
      if (lowNotice) io.err(`${lowNotice}：联网同步时自动补足\n`);
      mkdirSync(opts.out!, { recursive: true });
      const base = `法制审核意见书-${rec.documentNumber}-v${rec.version}`;
      const files = [
        [`${base}.pdf`, rec.pdfSha256],
        [`${base}.docx`, rec.docxSha256],
        [`${base}.submission.json`, rec.submissionSha256],
      ] as const;
      for (const [name, sha] of files) writeFileSync(join(opts.out!, name), await ws.blobs.read(sha));
      if (opts.json) io.out(`${JSON.stringify({ ...rec, files: files.map(([n]) => join(opts.out!, n)) }, null, 2)}\n`);
      else {
        io.out(`已签署 ${rec.documentNumber}（第${rec.round}轮第${rec.version}版，${rec.conclusion}），待加盖时间戳（首次联网发送前加盖；经离线交换包送达的不再补加）；已放入待发送队列\n${files.map(([n]) => `  ${join(opts.out!, n)}`).join('\n')}\n`);
        // A new version of this round's opinion: say which one it replaces and what became of it.
        if (latest)
          io.out(
            `本版取代 ${versionText(latest)}：${latest.submission === 'withdrawn' ? '该版已随结论撤回、未发送' : `该版${SUBMISSION_LABEL[latest.submission]}，中心系统以新版本为准`}。\n`,
          );
      }
      return 0;
    });
  } finally {
    ws.close();
  }
}

