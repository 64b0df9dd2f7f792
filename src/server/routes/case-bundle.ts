// GET /v1/admin/case-bundle?user=<reviewer>[&case=<id>…]: the bundle of case packages an admin
// copies to a USB stick for a reviewer whose county has no connection (the workstation's 导入案卷包,
// src/main/services/sync/case-bundle.ts). One folder per case — case.json exactly as the feed
// carries it (the same revision hash, so a later online sync finds the case already there) and the
// files at the paths it lists — plus the published working-day calendar at the root when it passes
// the checks, and bundle.json signed with the server's bundle key (shared/sync/case-bundle-manifest.ts).
// Only cases assigned to the reviewer: a submission for any other would be refused.
// Streamed from the blob backend, stored (not deflated: evidence is mostly PDF and JPEG already),
// so the length is known before the first byte and a cut download is seen as one.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import yazl from 'yazl';
import { CasePackage, packageFiles, type FileRef } from '../../shared/casefile/schema';
import { CALENDAR_FILE, calendarFileText } from '../../shared/calendar/calendar-file';
import { chinaToday } from '../../shared/format/date';
import { callerOf } from '../auth/guard';
import type { ServerContext } from '../context';
import { CasesRepo } from '../db/repos/cases';
import { SubmissionsRepo } from '../db/repos/submissions';
import { UsersRepo } from '../db/repos/users';
import { CASE_BUNDLE_FORMAT, CASE_BUNDLE_MANIFEST } from '../../shared/sync/case-bundle-manifest';
import { badRequest, notFound, parseWith } from '../http/errors';
import { CASE_BUNDLE_HEADERS, CaseBundleQuery } from '../protocol';
import { publishedCalendar } from '../published-calendar';

/** A folder name that is safe on every file system the stick may meet; unique within the bundle. */
function folderName(caseId: string, used: Set<string>): string {
  const base = caseId.replace(/[^\p{L}\p{N}._-]/gu, '_').replace(/^\.+/, '_').slice(0, 80) || 'case';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}-${i}`;
  used.add(name.toLowerCase());
  return name;
}

/** Each path once (a package may list one file under two items). */
const distinctPaths = (files: FileRef[]) => [...new Map(files.map((f) => [f.path, f])).values()];

export function caseBundleRoute(app: FastifyInstance, ctx: ServerContext): void {
  const users = new UsersRepo(ctx.db);
  const cases = new CasesRepo(ctx.db);
  const submissions = new SubmissionsRepo(ctx.db);

  app.get('/v1/admin/case-bundle', async (req, reply) => {
    const q = parseWith(CaseBundleQuery, req.query, '查询参数');
    const user = await users.byName(q.user);
    if (!user || user.disabled) throw notFound(`没有用户 ${q.user}`);
    if (user.role !== 'reviewer') throw badRequest(`${q.user} 不是审核员，没有分配的案件`);
    const assigned = await cases.assignedTo(user.id);
    // Cases named by id or by 案号, as the admin reads them in `fashen central cases`.
    const wanted = q.case.length ? new Set(q.case) : null;
    if (wanted) {
      const missing = q.case.filter((key) => !assigned.some((c) => c.id === key || c.caseNumber === key));
      if (missing.length) throw badRequest(`以下案件未分配给 ${q.user}（或不存在），未生成交换包；请先分配`, missing);
    }
    const chosen = wanted ? assigned.filter((c) => wanted.has(c.id) || wanted.has(c.caseNumber)) : assigned;
    if (!chosen.length) throw notFound(`没有分配给 ${q.user} 的案件`);

    const calendar = await publishedCalendar(ctx.dataDir);
    if (calendar.kind === 'invalid') req.log.error({ problems: calendar.problems }, 'calendar.json is invalid: left out of the case bundle');
    const calendarBytes = calendar.kind === 'ok' ? Buffer.from(calendarFileText(calendar.file), 'utf8') : null;

    // Signed: which revisions these are, the answers so far to the reviewer's submissions, and the calendar's hash.
    const body = {
      format: CASE_BUNDLE_FORMAT,
      version: 1 as const,
      createdAt: ctx.now().toISOString(),
      reviewer: user.name,
      cases: chosen.map((c) => ({ id: c.id, revision: c.revision, revisionHash: c.revisionHash })),
      answers: await submissions.firstAnswersOf(user.id),
      calendar: calendarBytes ? { sha256: createHash('sha256').update(calendarBytes).digest('hex') } : null,
    };
    const manifest = { ...body, signature: await ctx.bundleSigner.sign(body, ctx.now()) };

    const zip = new yazl.ZipFile();
    const output = zip.outputStream as Readable;
    // A blob missing from the backend, or shorter than recorded, ends the answer early: the
    // Content-Length is not reached, so the download is seen as cut, never as a good bundle. This
    // can happen as soon as the first file is opened, so the stream is ended without an error
    // event that nobody might be listening to yet; the pipeline below sees it end early.
    let failed: string | null = null;
    zip.on('error', (err: Error) => {
      failed = err.message;
      output.destroy();
    });
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'), CASE_BUNDLE_MANIFEST, { compress: false });
    if (calendarBytes) zip.addBuffer(calendarBytes, CALENDAR_FILE, { compress: false });
    const used = new Set<string>([CALENDAR_FILE, CASE_BUNDLE_MANIFEST]);
    let files = 0;
    let bytes = 0;
    for (const c of chosen) {
      const folder = folderName(c.id, used);
      // Written at intake from a checked package; parsed again so a damaged row fails here, not on the stick.
      const pkg = CasePackage.parse(JSON.parse(c.packageJson));
      zip.addBuffer(Buffer.from(c.packageJson, 'utf8'), `${folder}/case.json`, { compress: false });
      for (const f of distinctPaths(packageFiles(pkg))) {
        files++;
        bytes += f.size;
        // Opened only when its turn comes; yazl checks the byte count against the recorded size.
        // yazl does not listen for a read error on a stream it is given: ours ends the answer.
        zip.addReadStreamLazy(`${folder}/${f.path}`, { size: f.size, compress: false }, (cb) => {
          ctx.blobs.get(f.sha256).then(
            (s) => cb(null, s.once('error', (err: Error) => zip.emit('error', err))),
            (err: Error) => cb(err, null as unknown as Readable),
          );
        });
      }
    }
    // yazl passes the total size (-1: not predictable); @types/yazl declares the callback without it.
    const length = await new Promise<number>((resolve) => zip.end(undefined, ((total: number) => resolve(total)) as unknown as () => void));
    req.log.info({ user: q.user, cases: chosen.length, files, bytes, calendar: calendar.kind, by: callerOf(req).name }, 'case bundle');

    // Written by hand: the headers go out before the first file is read, so a failure while
    // streaming is always a cut after them (fastify would answer 500 or drop the socket instead).
    const day = chinaToday(ctx.now());
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="case-bundle-${day}.zip"; filename*=UTF-8''${encodeURIComponent(`案卷交换包-${q.user}-${day}.zip`)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      [CASE_BUNDLE_HEADERS.cases]: String(chosen.length),
      [CASE_BUNDLE_HEADERS.files]: String(files),
      [CASE_BUNDLE_HEADERS.bytes]: String(bytes),
      [CASE_BUNDLE_HEADERS.calendar]: calendar.kind === 'ok' ? 'included' : calendar.kind,
      ...(length >= 0 ? { 'content-length': String(length) } : {}),
    });
    res.flushHeaders();
    pipeline(output, res).catch((err: Error) => {
      req.log.error({ err: failed ?? err.message, user: q.user }, 'case bundle cut off');
      res.destroy();
    });
    return reply;
  });
}
