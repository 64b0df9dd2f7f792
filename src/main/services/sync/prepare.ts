// Before the push (DESIGN.md §7, issue 6): the central system's settings, then the reviewer's keys
// (revocations reported, keys registered), then timestamps on entries never sent. Order matters: a
// key must be registered before submissions signed with it arrive, a revocation heard before
// anything else is sent, and a timestamp added before the body first leaves.
//
// Which TSA: FASHEN_TSA_URL on the workstation (an explicit choice, e.g. the agency's TSA when the
// central system does not name one), else the one the central system names in GET /v1/config — so
// an agency configures its TSA once, on the server, not on every laptop. None: entries go out
// unstamped and the run says so.
import type { BundleSignerInfo } from '../../../shared/sync/case-bundle-manifest';
import { parseTimestampResponse, timestampQuery, HttpTimestampClient, type TimestampClient, type TimestampResult } from '../signing/index';
import type { CentralConfig } from '../../../shared/sync/pki';
import type { BlobStore } from '../blob-store';
import type { Db } from '../../db/open';
import { reportKeys, type CentralKeyHost } from './keys-report';
import { keyReportLines } from './keys-report-text';
import { withRetry, type RetryPolicy } from './retry';
import { hasPki, type PkiTransport } from './pki';
import { stampOutbox, type StampOutcome } from './stamp-outbox';
import { KEYS, type SyncStateRepo } from './state';
import { isTransportError, type SyncTransport } from './transport';

/** The keys side as the engine sees it (ReviewerKeys): reporting plus the central trust anchors. */
export interface SyncKeys extends CentralKeyHost {
  rememberCentralTrust(server: string, anchors: readonly string[], bundleSigner?: BundleSignerInfo | null): void;
  /** The central system's trust anchors as last told; null before the first sync. */
  centralAnchors?(): readonly string[] | null;
}

export interface PrepareResult {
  holdFrom: string | null;
  stamp: StampOutcome;
  enrolled: string[];
  revoked: string[];
  /** Make the run end 出错 (the reviewer must act or wait). */
  problems: string[];
  /** Worth saying, not an error (keys registered, entries sent without a timestamp). */
  notes: string[];
}

/** RFC 3161 through the sync transport: same connection pool, timeouts and cancel. */
export class TransportTimestampClient implements TimestampClient {
  constructor(
    private readonly pki: PkiTransport,
    readonly url: string,
    private readonly signal: AbortSignal,
  ) {}

  async timestamp(digest: Uint8Array): Promise<TimestampResult> {
    const { der, nonce } = timestampQuery(digest);
    let resp: Uint8Array;
    try {
      resp = await this.pki.rfc3161(this.url, der, this.signal);
    } catch (err) {
      if (this.signal.aborted || !isTransportError(err)) throw err;
      return { status: 'pending', reason: `时间戳服务不可用：${err.message}` };
    }
    try {
      return await parseTimestampResponse(resp, digest, nonce);
    } catch (e) {
      return { status: 'pending', reason: `时间戳服务响应无效：${(e as Error).message}` };
    }
  }
}

/** The TSA to use, absolute; null when none is configured. */
export function tsaUrlFor(server: string, env: NodeJS.ProcessEnv, config: CentralConfig | null): string | null {
  const own = env.FASHEN_TSA_URL?.trim();
  if (own) return own;
  const advertised = config?.tsaUrl ?? null;
  if (!advertised) return null;
  return advertised.startsWith('/') ? `${server}${advertised}` : advertised;
}

export async function preparePush(deps: {
  transport: SyncTransport;
  keys: SyncKeys | null;
  db: Db;
  blobs: BlobStore;
  state: SyncStateRepo;
  env: NodeJS.ProcessEnv;
  retry: RetryPolicy;
  signal: AbortSignal;
  now: () => Date;
}): Promise<PrepareResult> {
  const { transport, keys, signal } = deps;
  const attempt = <T>(fn: () => Promise<T>) => withRetry(deps.retry, signal, fn);
  const result: PrepareResult = { holdFrom: null, stamp: { stamped: 0, unstamped: 0, holdFrom: null, held: 0, reason: null, pdfPending: 0 }, enrolled: [], revoked: [], problems: [], notes: [] };
  const pki = hasPki(transport) ? transport : null;
  // Unreadable settings (network) end the run here: without them nothing may go out — it might
  // leave without the timestamp the agency's TSA would have given it.
  const config = pki ? await attempt(() => pki.centralConfig(signal)) : null;
  if (config && keys) keys.rememberCentralTrust(transport.server, config.trustAnchors, config.bundleSigner ?? null);

  if (pki && keys) {
    const report = await reportKeys(keys, pki, signal, attempt, { enrol: config?.enrolment !== false });
    result.enrolled = report.enrolled;
    result.revoked = report.revoked;
    for (const line of keyReportLines({ report }, 'app')) (line.problem ? result.problems : result.notes).push(line.text);
  }

  // Remembered for signing offline-or-not later: the stamp right after signing uses it (stamp-now.ts).
  if (pki) deps.state.set(KEYS.tsa, tsaUrlFor(transport.server, {}, config) ?? '');
  const url = tsaUrlFor(transport.server, deps.env, config);
  const client: TimestampClient | null = url ? (pki ? new TransportTimestampClient(pki, url, signal) : new HttpTimestampClient(url)) : null;
  const stamp = await stampOutbox({ db: deps.db, blobs: deps.blobs, state: deps.state, client, trustAnchors: config?.trustAnchors ?? null, signal, now: deps.now });
  result.stamp = stamp;
  result.holdFrom = stamp.holdFrom;
  if (stamp.unstamped) result.notes.push(`${stamp.unstamped} 件提交未加盖时间戳（未配置时间戳服务），签名时间仅为签名人电脑时间`);
  if (stamp.holdFrom) result.problems.push(`时间戳未能加盖（${stamp.reason}）：${stamp.held} 件提交暂缓发送，下次同步时重试`);
  if (stamp.pdfPending) result.notes.push(`${stamp.pdfPending} 份意见书 PDF 的签名未能加盖时间戳（提交件已加盖）`);
  return result;
}
