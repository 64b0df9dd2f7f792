// `fashen` — the workstation's command line. Data lives under FASHEN_HOME (or the OS data folder).
import { parseArgs } from 'node:util';
import { dataDir } from '../main/paths';
import { Workstation } from '../main/workstation';
import { FixedTodayError, todayOption } from '../main/fixed-today';
import { appVersion } from '../main/version';
import { importCommand } from './commands/import';
import { casesListCommand } from './commands/cases-list';
import { maskCommand } from './commands/mask';
import { searchCommand } from './commands/search';
import { checkCommand } from './commands/check';
import { calendarCommand } from './commands/calendar';
import { verifyFilesCommand } from './commands/verify-files';
import { opinionSignCommand, reviewCommand, REVIEW_USAGE } from './commands/opinion';
import { reviewerCommand, USAGE as REVIEWER_USAGE } from './commands/reviewer';
import { verifyCommand } from './commands/verify';
import { keysCommand, USAGE as KEYS_USAGE } from './commands/keys';
import { centralCommand, loginCommand, USAGE as CENTRAL_USAGE } from './commands/central';
import { syncCommand, USAGE as SYNC_USAGE } from './commands/sync';
import { updateCommand, USAGE as UPDATE_USAGE } from './commands/update';
import { auditCommand, USAGE as AUDIT_USAGE } from './commands/audit';
import { auditedCommand } from './audit-hook';
import { needsStore, recordFailedUnlocks, unlockCacheForCli } from './cache-unlock';
import { tuneGc } from '../main/gc-tuning';

tuneGc();

const HELP = `法审工作台命令行 fashen ${'{version}'}

用法:
  fashen import <案卷包…> [--passphrase-env VAR] [--json]   导入案卷包（文件夹或 .zip），或中心系统的案卷交换包（含工作日历；加密的交换包用管理员另行告知的口令打开）
  fashen cases list [--json] [--status S] 列出待审案件
  fashen mask [--names 方宇,李月] [--json] 读标准输入，遮蔽个人信息后写到标准输出
  fashen check <案卷包 或 案件> [--json]  运行自动审核检查（P1–P10）
  fashen keys create [--name 姓名 --agency 单位] [--passphrase-env VAR]   创建签名密钥（已登录中心系统时立即登记，否则证书由本地开发 CA 签发）
  fashen keys list [--json]                       列出签名密钥及其中心登记状态
  fashen keys revoke <密钥标识> --reason 原因      吊销签名密钥（告知中心系统；离线时下次同步告知）
  fashen reviewer set --name 姓名 [--agency 单位] [--officer-id 执法证号] --qualification 是|否 --first-time 是|否   设置审核人员（P2 据此核对回避与资格）
  fashen reviewer show [--json]          查看审核人员信息
  fashen review point <案件> <P1…P10> <无问题|存在问题|不适用> [--note 文字]
  fashen review conclude <案件> --opinion 同意|建议纠正|建议补充调查|其他意见 --text 审核意见（至少 10 个字）
  fashen review reopen <案件> [--reason 原因]   撤回结论（已签署但尚未发出的意见书随之撤回）
  fashen opinion sign <案件> --out <目录> [--passphrase-env VAR]   写出 .docx、签名 .pdf 与签名提交件 JSON
  fashen verify <文件.pdf | submission.json> [--json]   验证签名（有效退出码 0，无效 1）
  fashen calendar add-working-days <日期> <n>   第 n 个工作日（起算日不计入）
  fashen calendar is-working-day <日期>         是否工作日（true/false）
  fashen search <检索词> [--json]        全文检索（案件信息、PDF 页面、文本证据与 Word 文档的文字）
  fashen verify-files <案件> [--json]    重新校验案件全部文件（有已篡改或缺失时退出码为 1）
  fashen login --server <地址> --user <用户名> --password-env <变量>   登录中心系统（并登记本机签名密钥）
  fashen central user add|set|list · import|cases|assign|submissions|calendar|receive|bundle …   中心系统管理（fashen central help）
  fashen sync [--server <地址>] [--json]   与中心系统同步一次（退出码 0 已同步，1 离线或出错）
  fashen sync status | export-bundle --out <文件> [--passphrase-env VAR] [--bundle-passphrase-env VAR | --plain]   同步状态；导出加密的离线交换包
  fashen audit verify [--json]            校验审计记录哈希链（完好退出码 0，被篡改 1，并指出首个异常记录）
  fashen audit list [--case <案件>] [--json]   列出审计记录 · fashen audit head · fashen audit policy [on|off]
  （导出类命令 opinion sign、sync export-bundle 在须经批准时加 --approval <批准文号> --approver <批准人>）
  fashen update verify <文件.fsupdate> [--json]   验证离线更新包（发布签名、文件校验与版本；有效退出码 0，无效或不会安装 1）
  fashen update sign|pack|keygen …      发布：签名更新信息、打包离线更新包、生成发布密钥（fashen update 查看用法）
  fashen --version | --help

数据目录: 环境变量 FASHEN_HOME，未设置时为系统用户数据目录。
缓存加密: 本机数据库与案卷文件加密保存；口令保护的缓存从环境变量 FASHEN_CACHE_PASSPHRASE 或终端提示读取缓存口令。
--json 输出稳定、仅写入 stdout（格式见 README）。
退出码: 0 成功；1 有案卷包导入失败或文件校验未通过；2 用法错误。`;

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

const COMMAND_USAGE: Record<string, string> = { audit: AUDIT_USAGE, central: CENTRAL_USAGE, keys: KEYS_USAGE, review: REVIEW_USAGE, reviewer: REVIEWER_USAGE, sync: SYNC_USAGE, update: UPDATE_USAGE };

const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

function parseCli(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { server: { type: 'string' }, user: { type: 'string' }, 'password-env': { type: 'string' }, role: { type: 'string' }, json: { type: 'boolean' }, status: { type: 'string' }, names: { type: 'string' }, 'passphrase-env': { type: 'string' }, 'bundle-passphrase-env': { type: 'string' }, plain: { type: 'boolean' }, opinion: { type: 'string' }, text: { type: 'string' }, note: { type: 'string' }, out: { type: 'string' }, name: { type: 'string' }, agency: { type: 'string' }, case: { type: 'string' }, approval: { type: 'string' }, approver: { type: 'string' }, key: { type: 'string' }, reason: { type: 'string' }, 'officer-id': { type: 'string' }, qualification: { type: 'string' }, 'first-time': { type: 'string' }, 'display-name': { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } },
  });
}

/** Node's option parser speaks English: its mistakes said in Chinese, with the option named. */
function optionProblem(err: unknown): string | null {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return null;
  const option = /'(-{1,2}[\w-]+)/.exec((err as Error).message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `选项 ${option} 缺少取值或取值无效`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `未知选项：${option}`;
  return '命令行参数有误';
}

export async function run(argv: string[], io: Io = stdio): Promise<number> {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
  } catch (err) {
    const problem = optionProblem(err);
    if (!problem) throw err;
    return io.err(`${problem}（fashen --help 查看用法）\n`), 2;
  }
  const { values, positionals } = parsed;
  if (values.version) return io.out(`${appVersion()}\n`), 0;
  // `fashen sync --help`: that command's own usage, not the overview.
  const own = values.help ? COMMAND_USAGE[positionals[0] ?? ''] : undefined;
  if (own) return io.out(`${own}\n`), 0;
  if (values.help || positionals.length === 0) return io.out(`${HELP.replace('{version}', appVersion())}\n`), positionals.length ? 0 : values.help ? 0 : 2;
  const [cmd, ...rest] = positionals;
  let today: ReturnType<typeof todayOption>;
  try {
    today = todayOption();
  } catch (err) {
    if (!(err instanceof FixedTodayError)) throw err;
    return io.err(`${err.message}\n`), 2;
  }
  // The cache key first (passphrase from FASHEN_CACHE_PASSPHRASE or a prompt): every Workstation below uses it.
  const ws = () => new Workstation({ dataDir: dataDir(), ...today });
  if (needsStore(cmd)) {
    await unlockCacheForCli(dataDir(), io);
    recordFailedUnlocks(dataDir(), ws, io);
  }
  // Commands that change things are recorded in the audit log (and exports checked against the policy).
  return auditedCommand(ws, { positionals, approval: values.approval, approver: values.approver, opinion: values.opinion, reason: values.reason }, () => command(cmd, rest, values, ws, io), io);
}

async function command(cmd: string | undefined, rest: string[], values: ReturnType<typeof parseCli>['values'], ws: () => Workstation, io: Io): Promise<number> {
  const positionals = [cmd ?? '', ...rest];
  switch (cmd) {
    case 'audit':
      return auditCommand(ws, rest, { json: values.json === true, case: values.case }, io);
    case 'import':
      return importCommand(ws, rest, { json: values.json === true, passphraseEnv: values['passphrase-env'] }, io);
    case 'keys':
    case 'review':
    case 'opinion': {
      const o = { json: values.json === true, passphraseEnv: values['passphrase-env'], opinion: values.opinion, text: values.text, note: values.note, out: values.out, name: values.name, agency: values.agency };
      if (cmd === 'keys') return keysCommand(ws, rest, { ...o, reason: values.reason }, io);
      if (cmd === 'review') return reviewCommand(ws, rest, o, io);
      return opinionSignCommand(ws, rest, o, io);
    }
    case 'reviewer':
      return reviewerCommand(ws, rest, { json: values.json === true, name: values.name, agency: values.agency, officerId: values['officer-id'], qualification: values.qualification, firstTime: values['first-time'] }, io);
    case 'verify':
      return verifyCommand(dataDir(), rest, { json: values.json === true }, io);
    case 'check':
      return checkCommand(ws, rest, { json: values.json === true }, io);
    case 'calendar':
      return calendarCommand(rest, io);
    case 'search':
      return searchCommand(ws, rest, { json: values.json === true }, io);
    case 'verify-files':
      return verifyFilesCommand(ws, rest, { json: values.json === true }, io);
    case 'cases':
      if (rest[0] === 'list') return casesListCommand(ws, { json: values.json === true, status: values.status }, io);
      break;
    case 'central':
      return centralCommand(rest, values, io);
    case 'login':
      return loginCommand(rest, values, io);
    case 'sync':
      return syncCommand(dataDir(), rest, { json: values.json, server: values.server, out: values.out, 'passphrase-env': values['passphrase-env'], 'bundle-passphrase-env': values['bundle-passphrase-env'], plain: values.plain }, io);
    case 'update':
      return updateCommand(rest, { json: values.json === true, out: values.out, key: values.key, passphraseEnv: values['passphrase-env'] }, io);
    case 'mask':
      return maskCommand(rest, { json: values.json === true, names: values.names }, io);
  }
  io.err(`未知命令：${positionals.join(' ')}\n运行 fashen --help 查看用法。\n`);
  return 2;
}

// exitCode, not exit(): process.exit() would cut off output still queued for a pipe.
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`错误：${(err as Error).message}\n`);
    process.exitCode = 2;
  },
);
