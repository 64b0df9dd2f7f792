// `fashen login` and `fashen central …`: the central server's admin API from the command line.
// Every command takes --server (default FASHEN_CENTRAL_URL, then the saved login's server) and
// acts as an admin given by --user + --password-env, or by the token `fashen login` saved (sealed
// with the cache key: unlocked here as for a store command).
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import yazl from 'yazl';
import type { Io } from '../main';
import { dataDir } from '../../main/paths';
import { CentralLoginError, loginCentral } from '../../main/services/sync/central-login';
import type { AssignAnswer, CaseSummary, IntakeAnswer, SubmissionSummary } from '../../server/protocol';
import { defaultBundleName, printCaseBundle, writeCaseBundle } from './central-bundle';
import type { BundleSeal } from '../../main/services/sync/bundle';
import { BundleSealRefused, bundleSealFrom } from '../bundle-seal';
import { printReceived, receiveBundles, receiveFailed } from './central-receive';
import { CentralClient, CentralError, UsageError } from './central-client';
import { CALENDAR_USAGE, calendarCommand } from './central-calendar';
import { openSavedLogin, readSavedLogin } from './central-config';
import { unlockCacheForCli } from '../cache-unlock';
import { rememberedCacheKey } from '../../main/services/cache-crypto/resolve';
import { CentralLoginUnusableError } from '../../main/services/sync/login';
import { enrolAfterLogin } from './login-keys';
import { readPassphrase } from '../secret';
import { topUpAfterLogin } from './central-numbers';
import { userCommand, USER_USAGE } from './central-users';
import { person, table } from './central-table';
import { ANSWER_LABEL, SUBMISSION_KIND_LABEL } from '../../shared/sync/answer-labels';
import { chinaDateTime } from '../../shared/format/date';

export interface CentralOptions {
  json?: boolean;
  server?: string;
  user?: string;
  'password-env'?: string;
  role?: string;
  out?: string;
  'display-name'?: string;
  /** central assign: reassign although another reviewer's opinion on the case was accepted. */
  force?: boolean;
  /** central receive / bundle: the variable holding the bundle passphrase. */
  'passphrase-env'?: string;
  /** central bundle: write the case bundle plain (for a workstation that predates sealed bundles). */
  plain?: boolean;
}

export const USAGE = `用法:
  fashen login --server <地址> --user <用户名> --password-env <环境变量>
${USER_USAGE}
  fashen central import <案卷包…> [--json]
  fashen central cases [--json]
  fashen central assign <案号 或 案件 ID> <审核员> [--force]   已有意见书被接收的案件，改派须加 --force 确认
  fashen central submissions [--json]
${CALENDAR_USAGE}
  fashen central receive <离线交换包…> [--passphrase-env <环境变量>] [--json]
                                    导入审核员用 U 盘带来的离线交换包（其待发送的提交与审计链头）；加密的交换包用审核员另行告知的口令打开
                                    （--passphrase-env 指定存放口令的环境变量，未给出时在终端中输入）
  fashen central bundle <审核员> [案号 或 案件 ID…] [--out <文件>] [--passphrase-env <环境变量> | --plain] [--json]
                                    为无网络的审核员生成加密的案卷交换包（其全部或指定的已分配案件，含工作日历）；
                                    口令至少 10 个字符，由 --passphrase-env 指定的环境变量给出，或在终端中输入两次；
                                    --plain 生成未加密的 .zip（仅供尚不能读取加密交换包的工作站）
以上命令均可加 --server <地址>（默认环境变量 FASHEN_CENTRAL_URL）；以管理员身份执行：
--user <用户名> --password-env <环境变量>，或先用 fashen login 登录（user add 只能用后者：其 --password-env 是新用户的密码）。`;

function passwordFrom(opts: CentralOptions, env: NodeJS.ProcessEnv): string {
  const name = opts['password-env'];
  if (!name) throw new UsageError('需要 --password-env <环境变量>（密码不从命令行读取）');
  const pw = env[name];
  if (!pw) throw new UsageError(`环境变量 ${name} 为空`);
  return pw;
}

/** How `central bundle` seals (bundle-seal.ts); a refusal is a usage error. */
async function caseBundleSeal(opts: CentralOptions, env: NodeJS.ProcessEnv): Promise<BundleSeal> {
  try {
    return await bundleSealFrom({
      envName: opts['passphrase-env'],
      flag: '--passphrase-env',
      plain: opts.plain === true,
      env,
      prompt: '为案卷交换包设置口令（至少 10 个字符）：',
      needed: '需要交换包口令：请用 --passphrase-env 指定存放口令的环境变量，或在终端中运行以输入口令（--plain 生成未加密的交换包）',
    });
  } catch (err) {
    throw err instanceof BundleSealRefused ? new UsageError(err.message) : err;
  }
}

/** The bundle passphrase: from the variable --passphrase-env names, else typed in a terminal. */
async function bundlePassphrase(opts: CentralOptions, env: NodeJS.ProcessEnv, prompt: string): Promise<string> {
  const name = opts['passphrase-env'];
  if (!name) return readPassphrase(undefined, prompt);
  const v = env[name];
  if (!v) throw new UsageError(`环境变量 ${name} 为空`);
  return v;
}

function serverFrom(opts: CentralOptions, env: NodeJS.ProcessEnv, home: string): string {
  const server = opts.server || env.FASHEN_CENTRAL_URL || readSavedLogin(home)?.server;
  if (!server) throw new UsageError('需要 --server <地址>（或设置环境变量 FASHEN_CENTRAL_URL）');
  return server;
}

/** An admin session: a temporary login (logged out afterwards) or the saved token. */
/** The cache key this command unlocked for the data folder (FASHEN_CACHE_PASSPHRASE or a prompt). */
async function unlockedKey(home: string, io: Io, env: NodeJS.ProcessEnv) {
  await unlockCacheForCli(home, io, env);
  const key = rememberedCacheKey(home);
  if (!key) throw new CentralError('本机缓存未能解锁', null);
  return key;
}

async function adminSession<T>(opts: CentralOptions, env: NodeJS.ProcessEnv, home: string, io: Io, run: (c: CentralClient) => Promise<T>): Promise<T> {
  const server = serverFrom(opts, env, home);
  if (opts.user) {
    const client = new CentralClient(server);
    await client.login(opts.user, passwordFrom(opts, env));
    try {
      return await run(client);
    } finally {
      await client.logout();
    }
  }
  const saved = readSavedLogin(home);
  if (!saved || new CentralClient(saved.server).base !== new CentralClient(server).base)
    throw new UsageError(`没有 ${server} 的登录：先运行 fashen login，或提供 --user 与 --password-env`);
  let login;
  try {
    login = openSavedLogin(home, await unlockedKey(home, io, env));
  } catch (err) {
    if (err instanceof CentralLoginUnusableError) throw new CentralError(err.message, null);
    throw err;
  }
  if (!login) throw new UsageError(`没有 ${server} 的登录：先运行 fashen login，或提供 --user 与 --password-env`);
  return run(new CentralClient(server, login.token));
}

function packageFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? packageFiles(p) : [p];
  });
}

/** A package as an upload body: a .zip as it is, a folder zipped on the fly (streamed). */
function packageBody(path: string): { body: ReadableStream; headers: Record<string, string> } {
  const st = statSync(path);
  if (st.isFile()) return { body: Readable.toWeb(createReadStream(path)) as ReadableStream, headers: { 'content-type': 'application/zip', 'content-length': String(st.size) } };
  const zip = new yazl.ZipFile();
  for (const f of packageFiles(path)) zip.addFile(f, relative(path, f).split('\\').join('/'));
  zip.end();
  return { body: Readable.toWeb(zip.outputStream as Readable) as ReadableStream, headers: { 'content-type': 'application/zip' } };
}

type ImportOutcome = ({ ok: true } & IntakeAnswer & { source: string }) | { ok: false; source: string; error: string; details: string[] };

const ACTION_TEXT: Record<IntakeAnswer['action'], string> = { imported: '已导入', new_revision: '新修订', unchanged: '未变化' };

async function importPackages(c: CentralClient, paths: string[], opts: CentralOptions, io: Io): Promise<number> {
  const outcomes: ImportOutcome[] = [];
  for (const source of paths) {
    try {
      statSync(source);
    } catch {
      outcomes.push({ ok: false, source, error: `找不到案卷包：${source}`, details: [] });
      continue;
    }
    try {
      const { body, headers } = packageBody(source);
      const a = await c.request<IntakeAnswer>('POST', '/v1/admin/packages', { body, headers });
      outcomes.push({ ok: true, source, ...a.body });
    } catch (err) {
      if (!(err instanceof CentralError) || err.status === null) throw err;
      outcomes.push({ ok: false, source, error: err.message, details: err.details });
    }
  }
  if (opts.json) io.out(`${JSON.stringify(outcomes, null, 2)}\n`);
  else
    for (const o of outcomes) {
      if (o.ok) io.out(`${ACTION_TEXT[o.action]}  ${o.caseNumber}  修订 ${o.revision}  ${o.source}\n`);
      else {
        io.err(`导入失败  ${o.source}\n  ${o.error}\n`);
        for (const d of o.details) io.err(`    - ${d}\n`);
      }
    }
  return outcomes.every((o) => o.ok) ? 0 : 1;
}

async function central(args: string[], opts: CentralOptions, io: Io, env: NodeJS.ProcessEnv, home: string): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === 'help') {
    io.out(`${USAGE}\n`);
    return sub ? 0 : 2;
  }
  switch (sub) {
    case 'user': {
      const envName = opts['password-env'];
      const passwordEnv = envName ? { name: envName, value: env[envName] || null } : null;
      const userOpts = { json: opts.json === true, role: opts.role, displayName: opts['display-name'], adminGiven: opts.user !== undefined, passwordEnv };
      return userCommand(rest, userOpts, (run) => adminSession(opts, env, home, io, run), io);
    }
    case 'import':
      if (!rest.length) throw new UsageError('用法：fashen central import <案卷包…>');
      return adminSession(opts, env, home, io, (c) => importPackages(c, rest, opts, io));
    case 'cases': {
      if (rest.length) throw new UsageError('用法：fashen central cases [--json]');
      const list = await adminSession(opts, env, home, io, async (c) => (await c.request<CaseSummary[]>('GET', '/v1/admin/cases')).body);
      if (opts.json) io.out(`${JSON.stringify(list, null, 2)}\n`);
      else if (!list.length) io.out('（没有案件）\n');
      else io.out(table([['案号', '修订', '审核员', '案件 ID'], ...list.map((k) => [k.caseNumber, String(k.revision), k.assignedTo ? person(k.assignedTo, k.assignedToDisplayName) : '（未分配）', k.id])]));
      return 0;
    }
    case 'assign': {
      const [caseId, user] = rest;
      if (!caseId || !user || rest.length !== 2) throw new UsageError('用法：fashen central assign <案号 或 案件 ID> <审核员> [--force]');
      const json = { user, ...(opts.force ? { force: true } : {}) };
      const r = await adminSession(opts, env, home, io, async (c) => (await c.request<AssignAnswer>('POST', `/v1/admin/cases/${encodeURIComponent(caseId)}/assign`, { json })).body).catch((err: unknown) => {
        // The server refuses to move a case whose opinion was accepted: say how to confirm it here.
        if (err instanceof CentralError && err.status === 409) throw new CentralError(`${err.message}（命令：fashen central assign ${caseId} ${user} --force）`, 409, err.details);
        throw err;
      });
      if (r.forced) io.out(`已将案件 ${caseId} 强制改派给 ${user}（已确认：${(r.acceptedOpinions ?? []).join('、')}已被接收；本次改派已记为强制改派）\n`);
      else io.out(r.changed ? `已将案件 ${caseId} 分配给 ${user}\n` : `案件 ${caseId} 已分配给 ${user}，未变化\n`);
      return 0;
    }
    case 'submissions': {
      if (rest.length) throw new UsageError('用法：fashen central submissions [--json]');
      const list = await adminSession(opts, env, home, io, async (c) => (await c.request<SubmissionSummary[]>('GET', '/v1/admin/submissions')).body);
      if (opts.json) io.out(`${JSON.stringify(list, null, 2)}\n`);
      else if (!list.length) io.out('（没有提交）\n');
      else {
        const kind = (k: string) => SUBMISSION_KIND_LABEL[k as keyof typeof SUBMISSION_KIND_LABEL] ?? k;
        // An opinion by its 文号 and version, as the reviewer's workstation names it.
        const opinion = (s: SubmissionSummary) => [s.documentNumber ?? '—', s.opinionRound !== null && s.opinionVersion !== null ? `第${s.opinionRound}轮第${s.opinionVersion}版` : '—'];
        io.out(
          table([
            ['接收时间', '状态', '类型', '审核员', '案号', '修订', '文号', '版本', '原因'],
            ...list.map((s) => [chinaDateTime(s.receivedAt), ANSWER_LABEL[s.status], kind(s.kind), person(s.user, s.userDisplayName), s.caseNumber ?? s.caseId, s.revision === null ? '—' : String(s.revision), ...opinion(s), s.reason ?? '']),
          ]),
        );
      }
      return 0;
    }
    case 'receive': {
      if (!rest.length) throw new UsageError('用法：fashen central receive <离线交换包…> [--passphrase-env <环境变量>]');
      const outcomes = await adminSession(opts, env, home, io, (c) => receiveBundles(c, rest, () => bundlePassphrase(opts, env, '离线交换包口令：')));
      if (opts.json) io.out(`${JSON.stringify(outcomes, null, 2)}\n`);
      else printReceived(outcomes, io);
      return outcomes.some(receiveFailed) ? 1 : 0;
    }
    case 'bundle': {
      const [user, ...caseIds] = rest;
      if (!user) throw new UsageError('用法：fashen central bundle <审核员> [案号 或 案件 ID…] [--out <文件>] [--passphrase-env <环境变量> | --plain]');
      const out = opts.out ?? defaultBundleName(user, new Date(), opts.plain === true);
      const seal = await caseBundleSeal(opts, env);
      const written = await adminSession(opts, env, home, io, (c) => writeCaseBundle(c, user, caseIds, out, seal));
      printCaseBundle(written, user, io, opts.json === true);
      return 0;
    }
    case 'calendar':
      return calendarCommand(rest, (run) => adminSession(opts, env, home, io, run), io, opts.json === true);
  }
  throw new UsageError(`未知命令：central ${args.join(' ')}\n${USAGE}`);
}

async function guarded(io: Io, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n`);
      return 2;
    }
    if (err instanceof CentralError) {
      io.err(`错误：${err.message}\n`);
      for (const d of err.details) io.err(`  - ${d}\n`);
      return 1;
    }
    throw err;
  }
}

export function centralCommand(args: string[], opts: CentralOptions, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return guarded(io, () => central(args, opts, io, env, dataDir(env)));
}

/** `fashen login`: a device token for this workstation, saved in <FASHEN_HOME>/central.json (0600). */
export function loginCommand(args: string[], opts: CentralOptions, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return guarded(io, async () => {
    if (args.length) throw new UsageError('用法：fashen login --server <地址> --user <用户名> --password-env <环境变量>');
    if (!opts.user) throw new UsageError('需要 --user <用户名>');
    const home = dataDir(env);
    // The token is sealed with the cache key: unlocked before the password leaves.
    const key = await unlockedKey(home, io, env);
    // The same login as the app's form (sync.login): src/main/services/sync/central-login.ts.
    const a = await loginCentral(home, key, { server: serverFrom(opts, env, home), user: opts.user, password: passwordFrom(opts, env), device: `fashen-cli@${hostname()}` }).catch((e: unknown) => {
      throw e instanceof CentralLoginError ? new CentralError(e.message, e.kind === 'unauthorized' ? 401 : null) : e;
    });
    io.out(`已登录 ${a.server}（用户 ${a.user}，${a.role === 'admin' ? '管理员' : '审核员'}）；凭据保存在 ${a.path}\n`);
    await enrolAfterLogin(home, io);
    await topUpAfterLogin(home, io);
    return 0;
  });
}
