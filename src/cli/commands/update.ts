// fashen update verify|sign|pack|keygen — the release desk's side of application updates.
//   verify <file.fsupdate> [--json]   release signature (this build's keys), structure, every file's sha512,
//                                     and the workstation's version rule (not older than this build);
//                                     exit 0 valid, 1 refused, 2 unreadable/usage
//   sign <dist folder> --key <private.pem> [--passphrase-env VAR]   writes <channel file>.sig for each latest*.yml
//   pack <dist folder> --out <file.fsupdate> [<channel file>]        one platform's signed update for a USB stick
//   keygen --out <folder> [--passphrase-env VAR]                     a new Ed25519 release key pair
import { createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Io } from '../main';
import { readPassphrase } from '../secret';
import { verifyOfflineUpdate } from '../../main/services/update/offline-package';
import { generateReleaseKeyPair, loadTrustedKeys } from '../../main/services/update/release-keys';
import { channelFilesIn, packOfflineUpdate, readPrivateKey, signChannelFile } from '../../main/services/update/release-tools';
import { keyIdOf } from '../../main/services/update/signature';
import { UpdateError } from '../../main/services/update/update-info';
import { downgradeRefusal } from '../../main/services/update/policy';
import { appVersion } from '../../main/version';
import { eq } from 'semver';

/**
 * The workstation's refusal of an older version, or null. The same version passes here (with a note):
 * the release desk verifies the package it has just packed with the CLI of that very release.
 */
const downgradeOf = (version: string, current: string): UpdateError | null => (eq(version, current) ? null : downgradeRefusal(version, current));

export const USAGE = `用法：
  fashen update verify <文件.fsupdate> [--json]
  fashen update sign <发布目录> --key <私钥.pem> [--passphrase-env VAR]
  fashen update pack <发布目录> --out <文件.fsupdate> [<更新信息文件，如 latest.yml>]
  fashen update keygen --out <目录> [--passphrase-env VAR]\n`;

export interface UpdateCliOptions {
  json: boolean;
  out: string | undefined;
  key: string | undefined;
  passphraseEnv: string | undefined;
}

/** A file-system error in Chinese, the Node text after 技术信息：. */
function fileProblem(err: unknown, what: string, path: string): string | null {
  const code = (err as NodeJS.ErrnoException).code;
  const zh = code === 'ENOENT' ? `找不到${what}：${path}` : code === 'EISDIR' ? `${what}应为文件，这是一个文件夹：${path}` : code === 'EACCES' || code === 'EPERM' ? `没有权限读取${what}：${path}` : null;
  return zh && `${zh}\n  技术信息：${(err as Error).message}`;
}

function problem(io: Io, err: unknown): number {
  if (err instanceof UpdateError) {
    io.err(`${err.message}\n${err.details.map((d) => `  ${d}\n`).join('')}`);
    return 1;
  }
  const fs = fileProblem(err, '文件', (err as { path?: string }).path ?? '');
  io.err(fs ? `错误：${fs}\n` : `错误：${(err as Error).message}\n`);
  return 2;
}

async function verify(args: string[], opts: UpdateCliOptions, io: Io): Promise<number> {
  if (args.length !== 1) return io.err(USAGE), 2;
  const file = resolve(args[0]!);
  if (!existsSync(file)) return io.err(`找不到文件：${file}\n`), 2;
  try {
    // For distribution: any platform — the workstation checks its own when installing.
    const v = await verifyOfflineUpdate(file, { trusted: loadTrustedKeys(), currentVersion: null, platform: null, arch: null });
    const { info: _info, dir: _dir, ...view } = v;
    const facts = [
      `版本：${v.version}`,
      `适用平台：${v.target}`,
      `发布密钥：${v.keyLabel}（${v.keyId.slice(0, 16)}）`,
      ...v.files.map((f) => `文件：${f.name}（${f.size} 字节，SHA-512 相符）`),
    ];
    // The version rule of 设置 › 离线更新 (policy.ts): a package this version would refuse to install
    // is not reported valid, however good its signature.
    const current = appVersion();
    const refusal = downgradeOf(v.version, current);
    if (refusal) {
      const details = [`签名与文件校验通过，但版本不高于本程序（${current}）：${current} 及更高版本的工作台不会安装此更新包`];
      if (opts.json) io.out(`${JSON.stringify({ valid: false, reason: refusal.message, details, refusal: refusal.code, currentVersion: current, ...view }, null, 2)}\n`);
      else io.out([`REFUSED 不会安装：${refusal.message}`, ...details.map((d) => `  ${d}`), ...facts].join('\n') + '\n');
      return 1;
    }
    const same = eq(v.version, current) ? `与本程序版本相同（${current}）：已是此版本的工作台不会再安装它` : null;
    if (opts.json) io.out(`${JSON.stringify({ valid: true, ...(same ? { note: same } : {}), ...view }, null, 2)}\n`);
    else io.out([`VALID 有效：离线更新包签名与文件校验通过`, ...(same ? [`注意：${same}`] : []), ...facts].join('\n') + '\n');
    return 0;
  } catch (err) {
    if (err instanceof UpdateError && opts.json) {
      io.out(`${JSON.stringify({ valid: false, reason: err.message, details: err.details }, null, 2)}\n`);
      return 1;
    }
    // The verdict once, on stdout (with its details); stderr stays for errors that are not a verdict.
    if (err instanceof UpdateError) return io.out(`INVALID 无效：${err.message}\n${err.details.map((d) => `  ${d}\n`).join('')}`), 1;
    return problem(io, err);
  }
}

async function sign(args: string[], opts: UpdateCliOptions, io: Io): Promise<number> {
  if (args.length !== 1 || !opts.key) return io.err(USAGE), 2;
  const dir = resolve(args[0]!);
  if (!existsSync(dir)) return io.err(`找不到发布目录：${dir}\n`), 2;
  let pem: string;
  try {
    pem = readFileSync(opts.key, 'utf8');
  } catch (err) {
    return io.err(`错误：${fileProblem(err, '发布私钥文件', opts.key) ?? `无法读取发布私钥文件 ${opts.key}\n  技术信息：${(err as Error).message}`}\n`), 2;
  }
  try {
    const encrypted = pem.includes('ENCRYPTED');
    const passphrase = encrypted || opts.passphraseEnv ? await readPassphrase(opts.passphraseEnv, '发布私钥口令：') : undefined;
    const key = readPrivateKey(opts.key, passphrase);
    const files = channelFilesIn(dir);
    if (!files.length) return io.err(`${dir} 中没有更新信息文件（latest*.yml）：请指向 electron-builder 的输出目录\n`), 2;
    const keyId = keyIdOf(createPublicKey(key)).slice(0, 16);
    for (const f of files) {
      signChannelFile(join(dir, f), key);
      io.out(`已签名 ${f} → ${f}.sig（密钥 ${keyId}）\n`);
    }
    return 0;
  } catch (err) {
    return problem(io, err);
  }
}

async function pack(args: string[], opts: UpdateCliOptions, io: Io): Promise<number> {
  if (args.length < 1 || args.length > 2 || !opts.out) return io.err(USAGE), 2;
  const dir = resolve(args[0]!);
  if (!existsSync(dir)) return io.err(`找不到发布目录：${dir}\n`), 2;
  try {
    const files = args[1] ? [args[1]] : channelFilesIn(dir);
    if (files.length !== 1) return io.err(files.length ? `${dir} 中有多个平台的更新信息（${files.join('、')}），请指明要打包哪一个\n` : `${dir} 中没有更新信息文件（latest*.yml）\n`), 2;
    // Verified as a workstation would (this build's release keys): a stick never carries a release
    // whose signature is invalid or made with a key no workstation trusts.
    const r = await packOfflineUpdate(dir, files[0]!, resolve(opts.out), { trusted: loadTrustedKeys() });
    io.out(`已写出离线更新包 ${r.out}（版本 ${r.version}，${r.files.join('、')}）\n`);
    return 0;
  } catch (err) {
    return problem(io, err);
  }
}

async function keygen(opts: UpdateCliOptions, io: Io): Promise<number> {
  if (!opts.out) return io.err(USAGE), 2;
  const dir = resolve(opts.out);
  try {
    const passphrase = await readPassphrase(opts.passphraseEnv, '为发布私钥设置口令：');
    if (passphrase.length < 12) return io.err('发布私钥口令至少 12 个字符\n'), 2;
    const pair = generateReleaseKeyPair(passphrase);
    mkdirSync(dir, { recursive: true });
    const keyId = keyIdOf(createPublicKey(pair.privateKey)).slice(0, 16);
    const pub = join(dir, `release-${keyId}.pem`);
    const priv = join(dir, `release-${keyId}.private.pem`);
    writeFileSync(priv, pair.privatePem, { mode: 0o600, flag: 'wx' });
    writeFileSync(pub, pair.publicPem, { flag: 'wx' });
    io.out(`公钥：${pub}（放入 resources/update-keys/ 后随新版本发布）\n私钥：${priv}（已用口令加密；离线保管，切勿放入代码库）\n`);
    return 0;
  } catch (err) {
    return problem(io, err);
  }
}

export async function updateCommand(args: string[], opts: UpdateCliOptions, io: Io): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'verify':
      return verify(rest, opts, io);
    case 'sign':
      return sign(rest, opts, io);
    case 'pack':
      return pack(rest, opts, io);
    case 'keygen':
      return keygen(opts, io);
  }
  io.err(USAGE);
  return 2;
}
