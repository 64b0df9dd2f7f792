// bundle.json of a case bundle made by the central system, checked against the bundle key this
// workstation was told at its last online sync (central-trust.json). Verified, the bundle speaks
// for the central system: its listed revisions come in as a sync brings them (a higher revision
// opens a new round) and its answers settle the outbox as the push would. A bundle that cannot be
// checked here (never synced, or signed with a key this workstation has not been told) is taken
// as any package from a stick; one whose signature fails is not taken at all.
import { describeIssues } from '../../../shared/api/result';
import { CaseBundleManifest, type BundleSignerInfo } from '../../../shared/sync/case-bundle-manifest';
import type { SubmissionAnswer } from '../../../shared/sync/protocol';
import type { KeyInfo } from '../signing/index';
import { verifyDetached, type DetachedSignature } from '../signing/detached';
import { describeAnswer } from './push';
import type { SyncStateRepo } from './state';

export type ManifestCheck =
  | { kind: 'verified'; manifest: CaseBundleManifest; warning?: string }
  | { kind: 'unverified'; note: string }
  | { kind: 'invalid'; problem: string };

const PLAIN = '案卷按普通导入处理（审核中的案件不接收新修订），交换包带回的中心系统答复未采用';

/**
 * The reviewer this workstation belongs to: the one logged in; logged out (central.json is deleted
 * at logout), the one who logged out last, else the one its signing key was registered for.
 */
export interface WorkstationReviewer {
  user: string;
  from: 'login' | 'last-login' | 'key';
}

type RegisteredKey = Pick<KeyInfo, 'status' | 'algorithm'> & { central?: { user?: string; enrolledAt: string } };

/**
 * Without a login remembered, the key that signs here speaks for whose work this is (the central
 * system takes submissions only from the assigned reviewer's key); else the latest registration.
 */
export function workstationReviewer(login: { now?: string | undefined; last?: string | null | undefined }, keys: readonly RegisteredKey[]): WorkstationReviewer | null {
  if (login.now) return { user: login.now, from: 'login' };
  if (login.last) return { user: login.last, from: 'last-login' };
  const registered = keys.filter((k): k is RegisteredKey & { central: { user: string; enrolledAt: string } } => Boolean(k.central?.user));
  const active = registered.find((k) => k.status === 'active' && k.algorithm === 'ecdsa-p256');
  const latest = [...registered].sort((a, b) => b.central.enrolledAt.localeCompare(a.central.enrolledAt))[0];
  const user = (active ?? latest)?.central.user;
  return user ? { user, from: 'key' } : null;
}

/**
 * `owner`: whom this workstation belongs to (workstationReviewer). A bundle made for someone else is
 * refused whatever its signature: its cases are not assigned to this reviewer, so weeks of work on
 * them would end in submissions the central system refuses (a stick handed to the wrong county).
 * Nobody known (never logged in, no registered key): taken, saying for whom it was made.
 */
export function checkCaseBundleManifest(text: string, signer: BundleSignerInfo | null, owner?: WorkstationReviewer | null): ManifestCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'invalid', problem: '交换包中的 bundle.json 不是有效的 JSON，未导入任何内容' };
  }
  const parsed = CaseBundleManifest.safeParse(value);
  if (!parsed.success) return { kind: 'invalid', problem: `交换包中的 bundle.json 格式不正确，未导入任何内容：${describeIssues(parsed.error.issues).slice(0, 3).join('；')}` };
  const { reviewer } = parsed.data;
  if (owner && reviewer !== owner.user) {
    const here =
      owner.from === 'login'
        ? `本机登录的是 ${owner.user}`
        : `本机属于审核员 ${owner.user}（${owner.from === 'last-login' ? '上次登录的账号' : '本机签名密钥登记在其名下'}，现已退出登录）`;
    return { kind: 'invalid', problem: `此交换包是中心系统为审核员 ${reviewer} 制作的，${here}：其中的案件未分配给 ${owner.user}，在本机审核后提交会被中心系统拒绝。未导入任何内容；请管理员为 ${owner.user} 制作交换包（fashen central bundle ${owner.user}）` };
  }
  const unknown = owner ? null : `本机未登录中心系统，也没有登录记录或登记过的签名密钥，无法确认此交换包是否为本机制作：它是为审核员 ${reviewer} 制作的。如您不是 ${reviewer}，请勿审核其中的案件（提交会被中心系统拒绝），请向管理员索取为您制作的交换包；本机登录中心系统一次后即按登录的审核员核对交换包`;
  const also = unknown ? `。${unknown}` : '';
  if (!signer) return { kind: 'unverified', note: `本机尚未与中心系统联网同步过，无法核验交换包的签名：${PLAIN}${also}` };
  const { signature } = parsed.data;
  if (signature.keyId !== signer.keyId) return { kind: 'unverified', note: `交换包的签名密钥不是本机上次同步时中心系统告知的（中心系统可能已更换密钥，联网同步一次即可）：${PLAIN}${also}` };
  // The bytes as signed: every field of the file but the signature (not zod's copy, which drops unknown ones).
  const { signature: _omit, ...body } = value as Record<string, unknown>;
  // An algorithm verifyDetached does not know is answered invalid by it.
  const check = verifyDetached(body, signature as Pick<DetachedSignature, 'algorithm' | 'signature' | 'contentHash'>, signer.publicKeyPem);
  if (!check.valid) return { kind: 'invalid', problem: `交换包的中心系统签名无效（${check.reason}），可能在途中被改动，未导入任何内容` };
  return { kind: 'verified', manifest: parsed.data, ...(unknown ? { warning: unknown } : {}) };
}

/**
 * The central system's answers a verified bundle carried, applied to the entries still queued here
 * (the bundle holds every answer the reviewer ever got: only the few still waiting are written).
 */
export function settleFromBundle(state: SyncStateRepo, answers: readonly SubmissionAnswer[]): { accepted: number; stale: number; rejected: number } {
  const out = { accepted: 0, stale: 0, rejected: 0 };
  const waiting = new Set(state.queued().map((r) => r.id));
  for (const a of answers) if (waiting.has(a.id) && state.settle(a.id, a.status, describeAnswer(a))) out[a.status]++;
  return out;
}
