// Passphrases come from a prompt or an environment variable named by --passphrase-env, never
// from the command line (it would end up in shell history and process lists).
import { createInterface } from 'node:readline';

export async function readPassphrase(envName: string | undefined, prompt: string): Promise<string> {
  if (envName) {
    const v = process.env[envName];
    if (!v) throw new Error(`环境变量 ${envName} 未设置或为空`);
    return v;
  }
  if (!process.stdin.isTTY) throw new Error('需要口令：请在终端中运行以输入口令，或用 --passphrase-env 指定存放口令的环境变量');
  process.stderr.write(prompt);
  const rl = createInterface({ input: process.stdin, terminal: true });
  // Don't echo what is typed.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return answer;
}
