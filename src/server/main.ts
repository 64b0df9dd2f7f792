// `npm run central -- --port <p> --data <dir>`: the central server. PGlite in <dir>/pg unless
// DATABASE_URL is set; blobs in <dir>/blobs unless FASHEN_S3_BUCKET is set.
// `--init-admin <name> --password-env VAR` creates the first admin (idempotent) and exits, or
// goes on to serve when --port is also given.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { buildServer } from './app';
import { hashPassword } from './auth/passwords';
import { LocalFolderBackend } from './blobs/local';
import { S3Backend } from './blobs/s3';
import { DevCaIssuer } from './certificates/dev-ca-issuer';
import { openServerDatabase, type ServerDatabase } from './db/open';
import { BundleSigner } from './bundle-signer';
import { acquireDataLock } from './data-lock';
import { withStartupLock } from './db/startup-lock';
import { UsersRepo } from './db/repos/users';
import { DetachedSubmissionVerifier, splitPemChain } from './submissions/detached-verifier';

const HELP = `法审中心系统（参考实现）

用法:
  npm run central -- --port <端口> --data <目录> [--host 127.0.0.1]
  npm run central -- --data <目录> --init-admin <用户名> --password-env <环境变量>

环境变量:
  DATABASE_URL        PostgreSQL 连接串；未设置时使用 <目录>/pg 中的内嵌 PGlite
  FASHEN_S3_BUCKET    使用 S3 兼容对象存储保存文件（另有 FASHEN_S3_ENDPOINT、FASHEN_S3_REGION、
                      FASHEN_S3_PREFIX 与 AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY）；未设置时为 <目录>/blobs
  FASHEN_TRUST_ANCHORS 额外信任的根证书（PEM 文件，如机关 CA）；开发 CA 总是受信任
  FASHEN_CA_AGENCY    开发 CA 签发证书的 O= 名称
  FASHEN_TSA_URL      机关的 RFC 3161 时间戳服务地址，告知各工作站（此时不提供开发时间戳服务）；
                      off：不提供任何时间戳服务；未设置时在 POST /v1/tsa 提供开发时间戳服务
  LOG_LEVEL           日志级别（默认 info），日志为 JSON（pino）写到标准输出`;

function adminPassword(envVar: string | undefined): string {
  if (!envVar) throw new UsageError('--init-admin 需要 --password-env <环境变量>');
  const password = process.env[envVar];
  if (!password) throw new UsageError(`环境变量 ${envVar} 为空：拒绝创建没有密码的管理员`);
  if (password.length < 8) throw new UsageError('管理员密码至少 8 个字符');
  return password;
}

async function initAdmin(db: ServerDatabase, name: string, password: string, log: pino.Logger): Promise<void> {
  const users = new UsersRepo(db.db);
  const existing = await users.byName(name);
  if (existing) {
    if (existing.role !== 'admin') throw new Error(`用户 ${name} 已存在且不是管理员`);
    log.info({ user: name }, 'admin already exists; unchanged');
    return;
  }
  await users.create(name, 'admin', await hashPassword(password));
  log.info({ user: name }, 'admin created');
}

class UsageError extends Error {}

/** FASHEN_TSA_URL: unset → the development TSA; 'off' → none; else the agency's TSA (http(s) URL). */
function tsaFromEnv(raw: string | undefined): 'development' | string | null {
  const v = raw?.trim();
  if (!v) return 'development';
  if (v === 'off') return null;
  if (!/^https?:\/\/[^\s]+$/i.test(v)) throw new UsageError(`FASHEN_TSA_URL 须为 http(s) 地址或 off：${v}`);
  return v;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      'init-admin': { type: 'string' },
      'password-env': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return process.stdout.write(`${HELP}\n`), 0;
  if (!values.data) throw new UsageError('需要 --data <目录>');
  const port = values.port === undefined ? null : Number(values.port);
  if (port !== null && !(Number.isInteger(port) && port >= 0 && port < 65536)) throw new UsageError(`端口不正确：${values.port}`);
  if (port === null && !values['init-admin']) throw new UsageError('需要 --port <端口>（或 --init-admin）');

  const password = values['init-admin'] ? adminPassword(values['password-env']) : null;
  const tsaSetting = tsaFromEnv(process.env.FASHEN_TSA_URL);
  const dataDir = resolve(values.data);
  const log = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'fashen-central' } });
  const url = process.env.DATABASE_URL || undefined;
  const releaseLock = url ? () => {} : acquireDataLock(dataDir);
  const started = await withStartupLock(url, async () => {
    const db = await openServerDatabase(url ? { url } : { pgliteDir: join(dataDir, 'pg') });
    log.info({ database: db.kind, dataDir }, 'database ready (migrations applied)');
    try {
      if (values['init-admin'] && password) await initAdmin(db, values['init-admin'], password, log);
      if (port === null) return { db, serving: null };
      const issuer = await DevCaIssuer.open(dataDir, process.env.FASHEN_CA_AGENCY ? { agency: process.env.FASHEN_CA_AGENCY } : {});
      const tsa = tsaSetting === 'development' ? await issuer.timestampAuthority() : null;
      return { db, serving: { issuer, tsa, bundleSigner: BundleSigner.open(dataDir) } };
    } catch (err) {
      await db.close();
      throw err;
    }
  }, () => log.info('another instance is starting on this database: waiting for it to finish')).catch((err: unknown) => {
    releaseLock();
    throw err;
  });
  const { db, serving } = started;
  if (port === null || !serving) {
    await db.close();
    releaseLock();
    return 0;
  }

  const { issuer, tsa, bundleSigner } = serving;
  const blobs = S3Backend.fromEnv(process.env) ?? new LocalFolderBackend(join(dataDir, 'blobs'));
  const extraAnchors = process.env.FASHEN_TRUST_ANCHORS ? splitPemChain(readFileSync(process.env.FASHEN_TRUST_ANCHORS, 'utf8')) : [];
  const anchors = [issuer.caCertificatePem, ...extraAnchors];
  const app = await buildServer({
    db: db.db,
    blobs,
    verifier: new DetachedSubmissionVerifier(() => anchors),
    issuer,
    tsa,
    ...(tsaSetting === 'development' ? {} : { tsaUrl: tsaSetting }),
    trustAnchors: anchors,
    log,
    dataDir,
    bundleSigner,
    workDir: join(dataDir, 'tmp'),
  });
  await app.listen({ port, host: values.host ?? '127.0.0.1' });
  log.info({ blobs: blobs.name, trustAnchors: anchors.length, tsa: tsaSetting }, 'central server ready');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    app
      .close()
      .then(() => db.close())
      .then(() => {
        releaseLock();
        log.info('stopped');
        log.flush();
        process.exitCode = 0;
      })
      .catch((err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`错误：${(err as Error).message}\n`);
    process.exitCode = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
  },
);
