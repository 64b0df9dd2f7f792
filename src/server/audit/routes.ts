// POST /v1/audit/head — a workstation reports its audit chain head on each sync.
//   200 { status: 'accepted' | 'repeated', device, seq, known: { seq } } · 409 audit_history_rewritten
//   (the head does not continue what was reported before: kept as evidence, shown to admins) ·
//   409 audit_anchor_required (details[0]: the seq whose current hash the report must carry; the
//   workstation reports once more with it) · 400.
// GET /v1/admin/audit/heads — each device's latest head and the rewrites seen (admin).
import type { FastifyInstance } from 'fastify';
import { AUDIT_ANCHOR_REQUIRED_CODE, AUDIT_REWRITTEN_CODE, AuditHeadReport, type AuditHeadAnswer } from '../../shared/audit/head';
import { callerOf } from '../auth/guard';
import type { ServerContext } from '../context';
import { HttpError, parseWith } from '../http/errors';
import { AuditHeadsRepo } from './heads';

export function auditRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const heads = new AuditHeadsRepo(ctx.db);
  app.post('/v1/audit/head', async (req): Promise<AuditHeadAnswer> => {
    const head = parseWith(AuditHeadReport, req.body, '审计链头');
    const caller = callerOf(req);
    const { verdict, known, knownSeq } = await heads.report(caller, head, 'online');
    if (verdict.status === 'rewritten') {
      req.log.warn({ device: head.device, seq: head.seq, knownSeq: known?.seq, user: caller.name }, 'audit history rewritten');
      throw new HttpError(409, AUDIT_REWRITTEN_CODE, `本机审计记录与此前报送的不一致：${verdict.reason}`, known ? [`此前报送：第 ${known.seq} 条 ${known.hash}`, `本次报送：第 ${head.seq} 条 ${head.hash}`] : undefined);
    }
    if (verdict.status === 'anchor_required') {
      throw new HttpError(409, AUDIT_ANCHOR_REQUIRED_CODE, `中心系统需要本机审计链第 ${verdict.seq} 条的校验值，以核对链头延续此前报送的记录`, [String(verdict.seq)]);
    }
    if (verdict.status === 'unverified') throw new Error('online audit heads are never left unverified'); // judge.ts: bundle only
    return { status: verdict.status, device: head.device, seq: head.seq, known: { seq: knownSeq } };
  });
}

export function auditAdminRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const heads = new AuditHeadsRepo(ctx.db);
  app.get('/v1/admin/audit/heads', async () => ({ devices: await heads.overview() }));
}
