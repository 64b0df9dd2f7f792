// fashen reviewer set · show — the reviewer's profile, as the app's 审核人员 form (settings.setReviewer):
// name, agency, officer id, 法律职业资格 and 是否初次从事法制审核. P2 checks the reviewer's recusal and
// qualification against it (行政处罚法第五十八条第二款), so both questions must be answered here, as in
// the form: a profile `fashen keys create` started with only a name leaves them open until they are.
import type { Io } from '../main';
import type { Workstation } from '../../main/workstation';
import { guarded } from '../api-failure';
import { ReviewerProfileInput, type ReviewerProfile } from '../../shared/api/review';

export interface ReviewerOpts {
  json: boolean;
  name?: string | undefined;
  agency?: string | undefined;
  officerId?: string | undefined;
  qualification?: string | undefined;
  firstTime?: string | undefined;
}

export const USAGE = `用法:
  fashen reviewer set --name 姓名 [--agency 单位] [--officer-id 执法证号] --qualification 是|否 --first-time 是|否
      设置审核人员（是否具有法律职业资格、是否初次从事法制审核须作答；已设置时只改所给的项）
  fashen reviewer show [--json]            查看审核人员信息`;

const FLAG: Record<string, string> = { name: '--name（姓名）', agency: '--agency（所在单位）', officerId: '--officer-id（执法证号）' };
const YES = new Set(['是', 'yes', 'y', 'true']);
const NO = new Set(['否', 'no', 'n', 'false']);

/** 是/否 (or yes/no): true, false, undefined when not given, or an error text. */
function yesNo(v: string | undefined, flag: string): boolean | undefined | { error: string } {
  if (v === undefined) return undefined;
  const t = v.trim().toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return { error: `${flag} 应为 是 或 否（收到：${v}）` };
}

/** Whether the profile has both questions answered (keys create records the name and agency only). */
export function profileAnswered(p: ReviewerProfile | null): boolean {
  return p !== null && p.firstTimeReviewer !== undefined;
}

export function profileLines(p: ReviewerProfile): string[] {
  const answered = profileAnswered(p);
  return [
    `姓名：${p.name}`,
    `所在单位：${p.agency ?? '未填写'}`,
    `执法证号：${p.officerId ?? '未填写'}`,
    `法律职业资格：${p.legalQualification ? '有' : answered ? '无' : '未填写'}`,
    `初次从事法制审核：${p.firstTimeReviewer === undefined ? '未填写' : p.firstTimeReviewer ? '是' : '否'}`,
  ];
}

export async function reviewerCommand(open: () => Workstation, args: string[], opts: ReviewerOpts, io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if ((sub !== 'set' && sub !== 'show') || rest.length) return io.err(`${USAGE}\n`), 2;
  const qualified = yesNo(opts.qualification, '--qualification（是否具有法律职业资格）');
  const first = yesNo(opts.firstTime, '--first-time（是否初次从事法制审核）');
  for (const v of [qualified, first]) if (typeof v === 'object') return io.err(`${v.error}\n${USAGE}\n`), 2;
  const ws = open();
  try {
    return await guarded(io, async () => {
      const current = ws.review.reviewer();
      if (sub === 'show') {
        if (opts.json) io.out(`${JSON.stringify(current, null, 2)}\n`);
        else if (current) {
          io.out(`${profileLines(current).join('\n')}\n`);
          if (!profileAnswered(current)) io.err(`注意：尚未填写是否具有法律职业资格、是否初次从事法制审核，P2 将提示核对：fashen reviewer set --qualification 是|否 --first-time 是|否\n`);
        } else io.err(`尚未设置审核人员\n${USAGE}\n`);
        return 0;
      }
      // Another name is another person: nothing of the former profile but the agency carries over.
      const same = current !== null && (opts.name === undefined || opts.name.trim() === current.name);
      const base = same ? current : null;
      const answered = same && profileAnswered(current);
      const missing = [
        ...(opts.name === undefined && !base ? ['--name 姓名'] : []),
        ...(qualified === undefined && !answered ? ['--qualification 是|否（是否具有法律职业资格）'] : []),
        ...(first === undefined && !answered ? ['--first-time 是|否（是否初次从事法制审核）'] : []),
      ];
      // A new name is a new reviewer: her own answers are needed, not the former reviewer's.
      const newPerson = current !== null && !same ? `审核人员改为 ${opts.name!.trim()}（原为 ${current.name}），须重新回答以下各项。` : '';
      if (missing.length) return io.err(`${newPerson}请填写：${missing.join('、')}\n${USAGE}\n`), 2;
      const officerId = opts.officerId !== undefined ? opts.officerId.trim() : base?.officerId;
      const agency = opts.agency !== undefined ? opts.agency.trim() : current?.agency;
      // The app's schema: the same checks and messages (姓名 2–40 字, 单位 2–80 字 …).
      const parsed = ReviewerProfileInput.safeParse({
        name: opts.name ?? base!.name,
        ...(agency ? { agency } : {}),
        ...(officerId ? { officerId } : {}),
        legalQualification: qualified ?? base!.legalQualification,
        firstTimeReviewer: first ?? base!.firstTimeReviewer,
      });
      if (!parsed.success) return io.err(`${parsed.error.issues.map((i) => `${FLAG[String(i.path[0])] ?? i.path.join('.')}：${i.message}`).join('\n')}\n`), 2;
      const saved = ws.review.setReviewer(parsed.data);
      if (opts.json) io.out(`${JSON.stringify(saved, null, 2)}\n`);
      else io.out(`已设置审核人员\n${profileLines(saved).join('\n')}\n`);
      if (!saved.legalQualification && saved.firstTimeReviewer)
        io.err('注意：初次从事行政处罚决定法制审核的人员，应当取得法律职业资格（《行政处罚法》第五十八条第二款）；P2 将判为不符合\n');
      return 0;
    });
  } finally {
    ws.close();
  }
}
