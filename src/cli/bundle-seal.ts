// How a new USB bundle is sealed (`fashen sync export-bundle`, `fashen central bundle`): with the
// passphrase from the environment variable the command's flag names, else typed twice in a
// terminal; plain only when --plain asks for it. Refusals are BundleSealRefused with the words to print.
import type { BundleSeal } from '../main/services/sync/bundle';
import { passphraseProblem } from '../shared/sync/bundle-passphrase';
import { readPassphrase } from './secret';

export class BundleSealRefused extends Error {}

export interface BundleSealAsk {
  /** The value of the passphrase flag (the variable's name), if given. */
  envName: string | undefined;
  /** The flag itself, as the conflict with --plain is worded (--passphrase-env, --bundle-passphrase-env). */
  flag: string;
  plain: boolean;
  env: NodeJS.ProcessEnv;
  /** The first prompt in a terminal. */
  prompt: string;
  /** Said when there is neither a variable nor a terminal. */
  needed: string;
}

export async function bundleSealFrom(a: BundleSealAsk): Promise<BundleSeal> {
  if (a.plain && a.envName) throw new BundleSealRefused(`--plain 与 ${a.flag} 不能同时使用`);
  if (a.plain) return 'plain';
  let passphrase: string;
  if (a.envName) {
    const v = a.env[a.envName];
    if (!v) throw new BundleSealRefused(`环境变量 ${a.envName} 为空`);
    passphrase = v;
  } else {
    try {
      passphrase = await readPassphrase(undefined, a.prompt);
    } catch {
      throw new BundleSealRefused(a.needed);
    }
    if ((await readPassphrase(undefined, '再次输入交换包口令：')) !== passphrase) throw new BundleSealRefused('两次输入的交换包口令不一致');
  }
  const weak = passphraseProblem(passphrase);
  if (weak) throw new BundleSealRefused(weak);
  return { passphrase };
}
