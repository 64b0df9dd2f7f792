// `fashen central user add|set|list`: accounts on the central system (routes/admin.ts). Names and
// passwords are checked by the server's own rules before anything is sent, and refusals are said
// in the command line's terms (which option or environment variable to fix).
import type { Io } from '../main';
import { CreateUserRequest, type UserSummary } from '../../server/protocol';
import { DisplayName } from '../../server/routes/users-admin';
import { chinaDateTime } from '../../shared/format/date';
import { UsageError, type CentralClient } from './central-client';
import { table } from './central-table';

export const USER_USAGE = `  fashen central user add <用户名> --role reviewer|admin --password-env <环境变量> [--display-name <姓名>]
  fashen central user set <用户名> --display-name <姓名>   姓名即此后签发的签名证书上的签名人（CN）
  fashen central user list [--json]                     列出用户：姓名、角色、创建时间、在用的登录设备与签名证书`;

export interface UserOptions {
  json: boolean;
  role: string | undefined;
  displayName: string | undefined;
  /** The admin acts as the one `fashen login` saved (user add: --password-env is the new user's). */
  adminGiven: boolean;
  /** --password-env: its name and value (the value null when the variable is empty). */
  passwordEnv: { name: string; value: string | null } | null;
}

type Session = <T>(run: (c: CentralClient) => Promise<T>) => Promise<T>;

/** The server's rule (routes/users-admin.ts), checked before anything is sent: a usage error in Chinese. */
function checkedDisplayName(raw: string): string {
  const r = DisplayName.safeParse(raw);
  if (!r.success) throw new UsageError(`--display-name：${r.error.issues[0]!.message}`);
  return r.data;
}

/** The new user's password by the server's rule (CreateUserRequest), naming the variable it came from. */
function checkedNewPassword(env: UserOptions['passwordEnv']): string {
  if (!env) throw new UsageError('需要 --password-env <环境变量>（密码不从命令行读取）');
  if (!env.value) throw new UsageError(`环境变量 ${env.name} 为空`);
  const r = CreateUserRequest.shape.password.safeParse(env.value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new UsageError(`环境变量 ${env.name} 中的${issue.code === 'too_big' ? `密码不能超过 ${String(issue.maximum)} 个字符` : issue.message}`);
}

const ROLE_LABEL: Record<UserSummary['role'], string> = { admin: '管理员', reviewer: '审核员' };

function printUsers(list: UserSummary[], io: Io, json: boolean): void {
  if (json) return io.out(`${JSON.stringify(list, null, 2)}\n`);
  if (!list.length) return io.out('（没有用户）\n');
  io.out(
    table([
      ['用户名', '姓名', '角色', '创建时间', '登录设备', '签名证书', '状态'],
      ...list.map((u) => [u.name, u.displayName ?? '（未设置）', ROLE_LABEL[u.role], chinaDateTime(u.createdAt), String(u.devices), String(u.certificates), u.disabled ? '已停用' : '正常']),
    ]),
  );
}

export async function userCommand(args: string[], opts: UserOptions, session: Session, io: Io): Promise<number> {
  const [verb, name] = args;
  const { displayName } = opts;
  if (verb === 'list' && args.length === 1) {
    printUsers(await session(async (c) => (await c.request<UserSummary[]>('GET', '/v1/admin/users')).body), io, opts.json);
    return 0;
  }
  if (verb === 'set' && name && args.length === 2) {
    if (displayName === undefined) throw new UsageError('用法：fashen central user set <用户名> --display-name <姓名>');
    const checked = checkedDisplayName(displayName);
    await session((c) => c.request('PATCH', `/v1/admin/users/${encodeURIComponent(name)}`, { json: { displayName: checked } }));
    io.out(`已设置用户 ${name} 的姓名：${checked}（此后签发的签名证书以此为签名人；已签发的不变，审核员可在签名密钥中重新创建密钥）\n`);
    return 0;
  }
  if (verb !== 'add' || !name || args.length !== 2) throw new UsageError(`用法：\n${USER_USAGE}`);
  const named = displayName === undefined ? {} : { displayName: checkedDisplayName(displayName) };
  if (opts.role !== 'reviewer' && opts.role !== 'admin') throw new UsageError('需要 --role reviewer 或 --role admin');
  const role = opts.role;
  // Here --password-env names the new user's password, so the admin is the one `fashen login` saved.
  if (opts.adminGiven) throw new UsageError('user add 以 fashen login 保存的管理员身份执行（--password-env 是新用户的密码）');
  const password = checkedNewPassword(opts.passwordEnv);
  await session((c) => c.request('POST', '/v1/admin/users', { json: { name, role, password, ...named } }));
  io.out(`已创建用户 ${name}${named.displayName ? `（${named.displayName}）` : ''}（${ROLE_LABEL[role]}）\n`);
  return 0;
}
