// `fashen` — the workstation's command line. Data lives under FASHEN_HOME (or the OS data folder).
import { parseArgs } from 'node:util';
import { dataDir } from '../main/paths';
import { Workstation } from '../main/workstation';
import { appVersion } from '../main/version';
import { importCommand } from './commands/import';
import { casesListCommand } from './commands/cases-list';

const HELP = `法审工作台命令行 fashen ${'{version}'}

用法:
  fashen import <案卷包…> [--json]      导入案卷包（文件夹或 .zip）
  fashen cases list [--json] [--status S] 列出待审案件
  fashen --version | --help

数据目录: 环境变量 FASHEN_HOME，未设置时为系统用户数据目录。
--json 输出稳定、仅写入 stdout（格式见 README）。
退出码: 0 成功；1 有案卷包导入失败；2 用法错误。`;

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

export async function run(argv: string[], io: Io = stdio): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { json: { type: 'boolean' }, status: { type: 'string' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } },
  });
  if (values.version) return io.out(`${appVersion()}\n`), 0;
  if (values.help || positionals.length === 0) return io.out(`${HELP.replace('{version}', appVersion())}\n`), positionals.length ? 0 : values.help ? 0 : 2;
  const [cmd, ...rest] = positionals;
  const ws = () => new Workstation({ dataDir: dataDir() });
  switch (cmd) {
    case 'import':
      return importCommand(ws, rest, { json: values.json === true }, io);
    case 'cases':
      if (rest[0] === 'list') return casesListCommand(ws, { json: values.json === true, status: values.status }, io);
      break;
  }
  io.err(`未知命令：${positionals.join(' ')}\n运行 fashen --help 查看用法。\n`);
  return 2;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`错误：${(err as Error).message}\n`);
    process.exit(2);
  },
);
