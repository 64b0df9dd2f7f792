// A review concluded 同意 (and its opinion signed) through the Api, for specs that need a signed opinion or a decided case.
import { callApi, type RunningHost } from '../fixtures';

interface ReviewLite {
  points: { id: string; automatic: { id: string; severity: string }[] }[];
}

/** Every point decided (failing checks set aside with a reason) and the round concluded 同意, through the Api. */
export async function concludeReviewOk(host: Pick<RunningHost, 'origin' | 'token'>, caseId: string): Promise<void> {
  const review = await callApi<ReviewLite>(host, 'review.get', { caseId });
  for (const p of review.points)
    for (const f of p.automatic.filter((x) => x.severity === 'fail')) await callApi(host, 'review.override', { caseId, check: f.id, reason: '经核实，承办机构已补正，不影响认定' });
  for (const p of review.points) await callApi(host, 'review.setPoint', { caseId, point: p.id, decision: 'ok', note: '' });
  await callApi(host, 'review.conclude', { caseId, type: '同意', opinionText: '经审核，同意承办机构的处理意见。' });
}

/** The review concluded 同意 (concludeReviewOk) and its opinion previewed and signed with the active key, through the Api. */
export async function signOpinionOk(host: Pick<RunningHost, 'origin' | 'token'>, caseId: string, passphrase: string): Promise<void> {
  await concludeReviewOk(host, caseId);
  const preview = await callApi<{ contentHash: string }>(host, 'opinions.preview', { caseId });
  await callApi(host, 'opinions.sign', { caseId, contentHash: preview.contentHash, passphrase });
}
