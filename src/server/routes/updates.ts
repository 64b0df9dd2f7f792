// Application updates. Open: GET/HEAD /updates/<channel>/<file> — electron-updater's generic feed
// (channel files with the rollout share merged in, signatures, installers with Range). Admin:
// GET /v1/admin/updates (channels, versions, signed or not, rollout share) and
// PUT /v1/admin/updates/:channel/rollout {stagingPercentage} (staged rollout, 0–100).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { callerOf } from '../auth/guard';
import type { ServerContext } from '../context';
import { badRequest, HttpError, notFound, parseWith } from '../http/errors';
import { sendBytes } from '../http/send-bytes';
import { isChannelFile, isChannelName, listChannels, readRollout, servedChannelFile, writeRollout } from '../updates/catalog';

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MIME: Record<string, string> = { '.yml': 'text/yaml; charset=utf-8', '.yaml': 'text/yaml; charset=utf-8', '.json': 'application/json', '.sig': 'application/json', '.blockmap': 'application/octet-stream' };
const RolloutRequest = z.object({ stagingPercentage: z.number().int('请填写 0–100 的整数').min(0).max(100) }).strict();

function updatesRoot(ctx: ServerContext): string {
  if (!ctx.dataDir) throw notFound('本服务器不提供应用更新');
  return join(ctx.dataDir, 'updates');
}

export function updateFileRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.route<{ Params: { '*': string } }>({
    method: ['GET', 'HEAD'],
    url: '/updates/*',
    handler: async (req, reply) => {
      const root = updatesRoot(ctx);
      const rel = req.params['*'];
      const parts = rel.split('/');
      if (!rel || !parts.every((p) => SAFE_SEGMENT.test(p))) throw badRequest('更新文件路径不合法');
      let file: string;
      let size: number;
      let mtime: number;
      try {
        file = await realpath(join(root, ...parts));
        if (!file.startsWith((await realpath(root)) + sep)) throw notFound();
        const st = await stat(file);
        if (!st.isFile()) throw notFound();
        size = st.size;
        mtime = st.mtimeMs;
      } catch {
        throw notFound('没有这个更新文件');
      }
      const ext = /\.[^.]+$/.exec(file)?.[0] ?? '';
      const contentType = MIME[ext] ?? 'application/octet-stream';
      const name = parts[parts.length - 1]!;
      if (parts.length === 2 && isChannelFile(name)) {
        // Channel files are small: merged with the rollout share in memory; the ETag follows the bytes served.
        let rollout: number | null;
        try {
          rollout = readRollout(join(root, parts[0]!));
        } catch (err) {
          req.log.error({ err }, 'rollout.json is invalid');
          throw new HttpError(503, 'unavailable', '服务器上的分批推送设置有误');
        }
        const bytes = Buffer.from(servedChannelFile(await readFile(file, 'utf8'), rollout), 'utf8');
        return sendBytes(req, reply, {
          size: bytes.length,
          etag: createHash('sha256').update(bytes).digest('hex').slice(0, 32),
          contentType,
          cacheControl: 'no-cache',
          open: async (range) => Readable.from([range ? bytes.subarray(range.start, range.end + 1) : bytes]),
        });
      }
      return sendBytes(req, reply, {
        size,
        etag: createHash('sha256').update(`${file}:${size}:${mtime}`).digest('hex').slice(0, 32),
        contentType,
        cacheControl: 'no-cache',
        open: async (range) => createReadStream(file, range ? { start: range.start, end: range.end } : {}),
      });
    },
  });
}

export function updateAdminRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/admin/updates', async () => listChannels(updatesRoot(ctx)));

  app.put<{ Params: { channel: string } }>('/v1/admin/updates/:channel/rollout', async (req) => {
    const channel = req.params.channel;
    if (!isChannelName(channel)) throw badRequest('更新通道名称不合法（小写字母开头，只含小写字母、数字和连字符）');
    const body = parseWith(RolloutRequest, req.body);
    const dir = join(updatesRoot(ctx), channel);
    await mkdir(dir, { recursive: true });
    writeRollout(dir, body.stagingPercentage);
    req.log.info({ channel, stagingPercentage: body.stagingPercentage, by: callerOf(req).name }, 'update rollout changed');
    return { channel, stagingPercentage: body.stagingPercentage };
  });
}
