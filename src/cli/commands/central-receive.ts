// `fashen central receive <离线交换包.json…>`: an admin hands the central system the outboxes that
// reviewers without a connection brought on a USB stick (the workstation's 导出离线交换包,
// `fashen sync export-bundle`) — POST /v1/admin/bundles, the same exactly-once rule as the online
// sync. Each file is read and checked here first, so a wrong file is named before anything is sent.
// Exit 1 when a bundle could not be read or was refused, a submission could not be judged
// ('error'), or the carried audit head shows a rewritten history; stale and rejected submissions
// are answers the reviewer sees at the next sync.
import { readFileSync, statSync } from 'node:fs';
import { EnvelopeError, sealedSize } from '../../main/services/bundle-envelope/format';
import { isSealedFile, openSealedBytes } from '../../main/services/bundle-envelope/open';
import { describeIssues } from '../../shared/api/result';
import { formatBytes } from '../../shared/format/bytes';
import { OUTBOX_BUNDLE_MAX_BYTES, OutboxBundle, type BundleImportAnswer } from '../../server/protocol';
import type { Io } from '../main';
import { CentralError, type CentralClient } from './central-client';
import { ANSWER_LABEL, answerCounts, SUBMISSION_KIND_LABEL } from '../../shared/sync/answer-labels';

/** What the bundle itself says of a submission (its signed payload): the case it is about, and whether it carries a trusted timestamp. */
export interface CarriedSubmission {
  kind: string;
  caseId: string;
  caseNumber: string | null;
  stamped: boolean;
}

export type ReceiveOutcome =
  /** `encrypted`: false for a plain bundle (an older workstation, or exported with --plain). */
  | ({ ok: true; file: string; encrypted: boolean; carried?: Record<string, CarriedSubmission> } & BundleImportAnswer)
  | { ok: false; file: string; error: string; details: string[] };

function carriedOf(body: unknown): Record<string, CarriedSubmission> {
  const out: Record<string, CarriedSubmission> = {};
  const subs = (body as { submissions?: unknown[] }).submissions ?? [];
  for (const s of subs as { id: string; kind: string; caseId: string; payload: { case?: { caseNumber?: unknown } }; signature: { timestamp?: { status?: unknown } } }[]) {
    const n = s.payload?.case?.caseNumber;
    out[s.id] = { kind: s.kind, caseId: s.caseId, caseNumber: typeof n === 'string' && n ? n : null, stamped: s.signature?.timestamp?.status === 'granted' };
  }
  return out;
}

const RESULT_TEXT = { ...ANSWER_LABEL, error: '未能处理' } as const;
const HEAD_TEXT = { accepted: '已记下', repeated: '此前已记下', rewritten: '与此前报送的不一致（审计记录可能被改写）', unverified: '无法核对，未记下（下次联网同步时核对）' } as const;

const SINGLE_SUBMISSION =
  '这是单份签名提交件（opinion sign 等写出的 .submission.json），不是离线交换包。请在审核员的工作站导出离线交换包（“同步 › 导出离线交换包”或 fashen sync export-bundle），再用本命令导入该文件';

/**
 * The one file `fashen opinion sign` (or the minutes' download) writes beside the PDF — format
 * fashen-signed-submission: content and signature — or a submission as the Api sends it.
 */
function isSingleSubmission(body: unknown): boolean {
  if (!body || typeof body !== 'object') return false;
  const o = body as Record<string, unknown>;
  return o.format === 'fashen-signed-submission' || ('payload' in o && 'signature' in o);
}

/** The passphrase for sealed bundles, asked for once (--passphrase-env, else a terminal prompt). */
export type PassphraseSource = () => Promise<string>;

const NEEDS_PASSPHRASE = '此离线交换包已加密：请用 --passphrase-env 指定存放交换包口令的环境变量（口令由审核员另行告知），或在终端中运行以输入口令';

/** The file's bytes: a sealed bundle opened with the passphrase, a plain one as it is. */
async function bundleBytes(file: string, passphrase: PassphraseSource): Promise<{ bytes: Buffer; encrypted: boolean }> {
  if (statSync(file).size > sealedSize(OUTBOX_BUNDLE_MAX_BYTES)) throw new TooLarge();
  if (!isSealedFile(file)) return { bytes: readFileSync(file), encrypted: false };
  let pass: string;
  try {
    pass = await passphrase();
  } catch (err) {
    // No variable named and no terminal: how to give it; a named variable that is empty: that.
    const said = err instanceof Error && /^环境变量/.test(err.message) ? `此离线交换包已加密：${err.message}` : NEEDS_PASSPHRASE;
    throw new EnvelopeError('passphrase', said);
  }
  return { bytes: await openSealedBytes(file, pass, 'outbox'), encrypted: true };
}

class TooLarge extends Error {}

async function readBundle(file: string, passphrase: PassphraseSource): Promise<{ ok: true; body: unknown; encrypted: boolean } | { ok: false; error: string; details: string[] }> {
  try {
    const { bytes, encrypted } = await bundleBytes(file, passphrase);
    if (bytes.length > OUTBOX_BUNDLE_MAX_BYTES) throw new TooLarge();
    const body: unknown = JSON.parse(bytes.toString('utf8'));
    const checked = OutboxBundle.safeParse(body);
    if (!checked.success && isSingleSubmission(body)) return { ok: false, error: SINGLE_SUBMISSION, details: [] };
    if (!checked.success) return { ok: false, error: '不是有效的离线交换包', details: describeIssues(checked.error.issues).slice(0, 10) };
    return { ok: true, body, encrypted };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, error: `找不到文件：${file}`, details: [] };
    if (err instanceof TooLarge) return { ok: false, error: `文件超过 ${formatBytes(OUTBOX_BUNDLE_MAX_BYTES)}，不是离线交换包`, details: [] };
    if (err instanceof EnvelopeError) return { ok: false, error: err.message, details: [] };
    if (err instanceof SyntaxError) return { ok: false, error: '不是离线交换包（不是 JSON 文件）', details: [] };
    return { ok: false, error: `无法读取：${(err as Error).message}`, details: [] };
  }
}

/**
 * Each file read (a sealed one opened with the passphrase: wrong, it is refused and nothing is
 * sent), checked, then sent. The passphrase is asked for at the first sealed file only.
 */
export async function receiveBundles(c: CentralClient, files: string[], passphrase: PassphraseSource = () => Promise.reject(new Error('no passphrase'))): Promise<ReceiveOutcome[]> {
  const out: ReceiveOutcome[] = [];
  let asked: Promise<string> | undefined;
  const once: PassphraseSource = () => (asked ??= passphrase());
  for (const file of files) {
    const read = await readBundle(file, once);
    if (!read.ok) {
      out.push({ ok: false, file, error: read.error, details: read.details });
      continue;
    }
    try {
      const a = await c.request<BundleImportAnswer>('POST', '/v1/admin/bundles', { json: read.body });
      out.push({ ok: true, file, encrypted: read.encrypted, ...a.body, carried: carriedOf(read.body) });
    } catch (err) {
      // A lost connection stops here: the next files would meet the same; a refusal is per file.
      if (!(err instanceof CentralError) || err.status === null) throw err;
      out.push({ ok: false, file, error: err.message, details: err.details });
    }
  }
  return out;
}

/** Anything an admin must act on (exit 1). */
export const receiveFailed = (o: ReceiveOutcome) => !o.ok || o.results.some((r) => r.status === 'error') || o.auditHead?.status === 'rewritten';

/** An older server words a 404 for the reviewer (“未分配给您”); the admin reads it about the signer. */
const forAdmin = (reason: string, signer: string) => reason.replace(/^案件不存在或未分配给您$/, `案件不存在或未分配给该审核人员 ${signer}`);

/** The case as the admin knows it: 案号 from the signed payload, else the case id, labelled. */
const caseText = (c: CarriedSubmission | undefined) => (c ? (c.caseNumber ? `案号 ${c.caseNumber}` : `案件 ID ${c.caseId}`) : null);

export function printReceived(outcomes: ReceiveOutcome[], io: Io): void {
  for (const o of outcomes) {
    if (!o.ok) {
      io.err(`未导入  ${o.file}\n  ${o.error}\n`);
      for (const d of o.details) io.err(`    - ${d}\n`);
      continue;
    }
    const count = (s: keyof typeof RESULT_TEXT) => o.results.filter((r) => r.status === s).length;
    const repeated = o.results.filter((r) => r.repeated).length;
    // Every submission is in one of the counts, so they add up to the total.
    const failed = count('error');
    io.out(`已导入  ${o.file}：审核员 ${o.signer}（密钥 ${o.keyId}），${o.results.length} 项提交`);
    const plainNote = o.encrypted ? '' : '  未加密的交换包（旧版本工作站导出，或导出时用了 --plain）：其中的个人信息在 U 盘上是明文，请妥善处置该文件\n';
    io.out(
      o.results.length
        ? `（${answerCounts({ accepted: count('accepted'), stale: count('stale'), rejected: count('rejected') })}${failed ? `，${RESULT_TEXT.error} ${failed}` : ''}${repeated ? `；其中 ${repeated} 项此前已收到` : ''}）\n`
        : '\n',
    );
    io.out(plainNote);
    for (const r of o.results.filter((x) => x.status !== 'accepted')) {
      const c = o.carried?.[r.id];
      const what = c ? `${SUBMISSION_KIND_LABEL[c.kind as keyof typeof SUBMISSION_KIND_LABEL] ?? '提交'} · ${caseText(c)}（提交 ${r.id.slice(0, 8)}）` : `提交 ${r.id}`;
      (r.status === 'error' ? io.err : io.out)(`  ${RESULT_TEXT[r.status]}  ${what}${r.reason ? `：${forAdmin(r.reason, o.signer)}` : ''}\n`);
    }
    // A signature carried by hand was never stamped on its way (the workstation stamps only what has not left): the admin should know its time is the signer's clock.
    const unstamped = Object.values(o.carried ?? {}).filter((c) => !c.stamped).length;
    if (unstamped) io.out(`  其中 ${unstamped} 项经离线交换包送达，未加盖可信时间戳（签名时间为签名人电脑时间）\n`);
    if (o.auditHead) (o.auditHead.status === 'rewritten' ? io.err : io.out)(`  审计链头（第 ${o.auditHead.seq} 条）${HEAD_TEXT[o.auditHead.status]}${o.auditHead.reason ? `：${o.auditHead.reason}` : ''}\n`);
  }
}
