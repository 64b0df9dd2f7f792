// `fashen sync`: one sync with the central system (the app's engine), printing the app's status
// line; `fashen sync status`; `fashen sync export-bundle --out <file>` (offline bundle).
// Exit codes: 0 synced (or bundle written), 1 offline / error, 2 usage.
import { Workstation } from '../../main/workstation';
import { todayOption } from '../../main/fixed-today';
import { resolve } from 'node:path';
import { exportOutboxBundle, type BundleSeal } from '../../main/services/sync/bundle';
import { BundleSealRefused, bundleSealFrom } from '../bundle-seal';
import { exportTarget } from '../../main/services/sync/bundle-paths';
import { centralLoginProblem, connectWithSavedLogin, readCentralLogin } from '../../main/services/sync/login';
import { DEFAULT_RETRY } from '../../main/services/sync/retry';
import { ApiFailure } from '../../shared/api/result';
import { statusLine, withAttention, type SyncStatus } from '../../shared/sync/status';
import type { Io } from '../main';
import { readPassphrase } from '../secret';
import { syncStatusView } from '../../main/services/sync/status-view';
import { returnedLine, type ReturnedSubmission } from '../../shared/sync/returned';
import type { OutboxEntryView } from '../../shared/api/sync';

const returnedFromView = (e: OutboxEntryView): ReturnedSubmission => ({
  id: e.id,
  kind: e.kind,
  state: e.state === 'stale' ? 'stale' : 'rejected',
  caseId: e.caseId,
  caseNumber: e.caseNumber,
  documentNumber: e.documentNumber ?? null,
  reason: e.reason,
});

export interface SyncCliOptions {
  json?: boolean | undefined;
  server?: string | undefined;
  out?: string | undefined;
  'passphrase-env'?: string | undefined;
  /** The variable holding the passphrase the bundle is sealed with (agreed with the central system's admin). */
  'bundle-passphrase-env'?: string | undefined;
  /** Write the bundle plain (for a central system whose `central receive` predates sealed bundles). */
  plain?: boolean | undefined;
}

export const USAGE = `用法:
  fashen sync [--server <地址>] [--json]          与中心系统同步一次（发送待发送的提交，接收案件）
  fashen sync status [--json]                     显示同步状态
  fashen sync export-bundle --out <文件> [--passphrase-env <变量>] [--bundle-passphrase-env <变量> | --plain]
                                                  把待发送的提交导出为签名并加密的离线交换包：--passphrase-env 是签名密钥口令，
                                                  --bundle-passphrase-env 是与中心系统管理员约定的交换包口令（至少 10 个字符；
                                                  未给出时在终端中输入两次）；--plain 导出未加密的交换包（仅供尚不能读取加密交换包的中心系统）
每次同步先登记本机签名密钥、告知吊销，并为尚未发送的提交加盖时间戳，再发送与接收。
环境变量 FASHEN_TSA_URL：时间戳服务地址（RFC 3161；未设置时使用中心系统告知的时间戳服务）；
FASHEN_SYNC_TIMEOUT_MS：连接与等待答复的超时（毫秒，默认 30000）；
FASHEN_SYNC_RETRIES：网络故障时的重试次数（默认 4，间隔约 0.5–10 秒，指数退避加随机抖动）。`;

/** How export-bundle seals (bundle-seal.ts); null: said on stderr, exit 2. */
async function bundleSeal(opts: SyncCliOptions, env: NodeJS.ProcessEnv, io: Io): Promise<BundleSeal | null> {
  try {
    return await bundleSealFrom({
      envName: opts['bundle-passphrase-env'],
      flag: '--bundle-passphrase-env',
      plain: opts.plain === true,
      env,
      prompt: '为离线交换包设置口令（至少 10 个字符）：',
      needed: '需要交换包口令：请在终端中运行以输入口令，或用 --bundle-passphrase-env 指定存放口令的环境变量（--plain 导出未加密的交换包）',
    });
  } catch (err) {
    if (!(err instanceof BundleSealRefused)) throw err;
    io.err(`${err.message}\n`);
    return null;
  }
}

/**
 * `fashen sync status` in the status bar's words: 未登录中心系统 · 已登录，尚未同步 · 已同步 · 离线（2 项待发送）
 * · 出错（原因）, each followed by “· N 件需处理” as the status bar shows it.
 */
export function statusText(status: SyncStatus, o: { loggedIn: boolean; neverRun: boolean; loginProblem?: string | null }): string {
  const pending = status.pending ? `（${status.pending} 项待发送）` : '';
  const notIn = `未登录中心系统${pending}${o.loginProblem ? `：${o.loginProblem}` : ''}`;
  const line = status.state === '同步中' ? '同步中' : !o.loggedIn ? notIn : o.neverRun ? `已登录，尚未同步${pending}` : statusLine(status);
  return withAttention(line, status);
}

function timeouts(env: NodeJS.ProcessEnv) {
  const ms = Number(env.FASHEN_SYNC_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? { connectTimeout: ms, headersTimeout: ms, bodyTimeout: ms } : {};
}

export async function syncCommand(home: string, args: string[], opts: SyncCliOptions, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [sub] = args;
  if (sub !== undefined && sub !== 'status' && sub !== 'export-bundle') {
    io.err(`${USAGE}\n`);
    return 2;
  }
  const retries = env.FASHEN_SYNC_RETRIES ? Number(env.FASHEN_SYNC_RETRIES) : NaN;
  const retry = Number.isInteger(retries) && retries >= 0 ? { retry: { ...DEFAULT_RETRY, retries } } : {};
  // The saved token opens only with this workstation's unlocked cache key (the CLI unlocked it first).
  const ws: Workstation = new Workstation({ dataDir: home, ...todayOption(env), sync: { connect: connectWithSavedLogin(home, () => ws.cacheKey, timeouts(env)), ...retry } });
  try {
    if (sub === 'status') {
      const login = readCentralLogin(home, ws.cacheKey);
      const status = ws.sync.status(login?.server ?? null);
      const line = statusText(status, { loggedIn: login !== null, neverRun: ws.sync.last().outcome === null, loginProblem: centralLoginProblem(home, ws.cacheKey) });
      // The 「N 件需处理」: each returned submission not yet dealt with, with its case and reason.
      const returned = syncStatusView(ws.sync, home, ws.cacheKey).needsAttention.filter((e) => !e.handled).map(returnedFromView);
      if (opts.json) io.out(`${JSON.stringify({ ...status, line, returned }, null, 2)}\n`);
      else io.out(`${line}\n${returned.map((r) => `  ${returnedLine(r)}\n`).join('')}`);
      return 0;
    }
    if (sub === 'export-bundle') {
      if (!opts.out) {
        io.err(`需要 --out <文件>\n${USAGE}\n`);
        return 2;
      }
      const passEnv = opts['passphrase-env'];
      let passphrase = passEnv ? env[passEnv] : undefined;
      if (passEnv && !passphrase) {
        io.err(`环境变量 ${passEnv} 为空\n`);
        return 2;
      }
      // The bundle is signed: a key kept under a passphrase needs it, asked in a terminal or named by --passphrase-env.
      const keys = ws.opinions.keys.view();
      if (!passEnv && keys.active && keys.protection !== 'os') {
        try {
          passphrase = await readPassphrase(undefined, '签名密钥口令：');
        } catch (err) {
          io.err(`${(err as Error).message}\n`);
          return 2;
        }
      }
      const seal = await bundleSeal(opts, env, io);
      if (seal === null) return 2;
      try {
        const r = await exportOutboxBundle(ws, exportTarget(resolve(opts.out)), passphrase, seal);
        const sealed = r.encrypted ? '已用交换包口令加密；口令请另行告知中心系统管理员（电话或当面），不要写在 U 盘上\n' : '注意：未加密的交换包（--plain），含当事人个人信息，U 盘丢失即泄露\n';
        const text =
          r.count === 0
            ? `没有待发送的提交：已导出只含本机审计链头（第 ${r.auditHeadSeq ?? 0} 条）的离线交换包：${r.path}\n（中心系统导入后记下本机审计链头）\n`
            : `已导出 ${r.count} 件待发送的提交：${r.path}\n（中心系统导入后，答复随下一个案卷交换包带回，或在下次联网同步时得到确认；不会重复接收）\n`;
        io.out(opts.json ? `${JSON.stringify(r, null, 2)}\n` : text + sealed);
        // Before the stick leaves: a key the central system will refuse, entries that stay unstamped.
        if (!opts.json) for (const w of r.warnings ?? []) io.err(`注意：${w}\n`);
        return 0;
      } catch (err) {
        if (err instanceof ApiFailure) {
          io.err(`${err.message}\n`);
          return 1;
        }
        throw err;
      }
    }
    // Ctrl-C cancels cleanly: what was confirmed stays confirmed, partial downloads are kept.
    const cancel = () => ws.sync.cancel();
    process.once('SIGINT', cancel);
    const result = await ws.sync.run(opts.server ? { server: opts.server } : {}).finally(() => process.off('SIGINT', cancel));
    if (opts.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
    else {
      io.out(`${withAttention(result.line, result.status)}\n`);
      // What came back in this run: which submission, for which case, why (and what to do).
      for (const r of result.returned ?? []) io.out(`  ${returnedLine(r)}\n`);
      // 离线 says only that: which server and why (and what to do) go below, as in the app's panel.
      if (result.outcome === 'offline' && result.status.lastError) io.err(`  原因：${result.status.lastError}\n  已保存的工作不受影响；联网后再次运行 fashen sync（待发送的提交只会被接收一次）。\n`);
      for (const r of result.refused) io.err(`  拒收：${r.caseId} 修订 ${r.revision}：${r.reason}${r.details.length ? `（${r.details.slice(0, 3).join('；')}）` : ''}\n`);
      // Entries the push could not deliver read "<id>：<reason>"; the rest (keys, timestamps) speak for themselves.
      for (const p of result.problems) io.err(/^[0-9a-f]{8}：/.test(p) ? `  未送达：${p}\n` : `  ${p}\n`);
      for (const n of result.notes ?? []) io.err(`  注意：${n}\n`);
    }
    return result.outcome === 'synced' ? 0 : 1;
  } finally {
    ws.close();
  }
}
