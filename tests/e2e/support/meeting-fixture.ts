// Shared by the meeting specs: a host of their own with the demo cases and a reviewer, a review
// concluded 同意 through the Api, and a typical meeting's set-up (5 attendees, 主持人 and 记录人).
import { callApi, E2E_TODAY, type RunningHost } from '../fixtures';
import { demoHostTest } from './demo-host';

/** A host of the spec's own with the demo cases and the reviewer 王审核 (call once per spec file). */
export const meetingTest = () =>
  demoHostTest(async (host) => {
    await callApi(host, 'settings.setReviewer', { name: '王审核', agency: '马鞍山市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
  });

interface ReviewLite {
  points: { id: string; automatic: { id: string; severity: string }[] }[];
}

/** Every point decided (failing checks set aside with a reason) and the round concluded 同意, through the Api. */
export async function concludeReviewOk(host: RunningHost, caseId: string): Promise<void> {
  const review = await callApi<ReviewLite>(host, 'review.get', { caseId });
  for (const p of review.points)
    for (const f of p.automatic.filter((x) => x.severity === 'fail')) await callApi(host, 'review.override', { caseId, check: f.id, reason: '经核实，承办机构已补正，不影响认定' });
  for (const p of review.points) await callApi(host, 'review.setPoint', { caseId, point: p.id, decision: 'ok', note: '' });
  await callApi(host, 'review.conclude', { caseId, type: '同意', opinionText: '经审核，同意承办机构的处理意见。' });
}

/** A meeting's set-up as meetings.create takes it (without the agenda). */
export function meetingSetup(title: string, date: string = E2E_TODAY) {
  return {
    title,
    date,
    place: '局三楼第一会议室',
    host: '张建国',
    reporter: '王审核',
    recorder: '刘晓梅',
    attendees: [
      { name: '张建国', post: '局长', role: 'member' },
      { name: '李卫东', post: '副局长', role: 'member' },
      { name: '赵红', post: '副局长', role: 'member' },
      { name: '王审核', post: '法制审核人员', role: 'observer' },
      { name: '刘晓梅', post: '法规科科员', role: 'observer' },
    ],
    quorum: { headCount: 5, fraction: { numerator: 1, denominator: 2, moreThan: true }, minMembers: 3, source: '本机关行政处罚案件负责人集体讨论工作规则' },
  };
}
