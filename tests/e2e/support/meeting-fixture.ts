// Shared by the meeting specs: a host of their own with the demo cases and a reviewer, a review
// concluded 同意 through the Api, and a typical meeting's set-up (5 attendees, 主持人 and 记录人).
import { callApi, E2E_TODAY } from '../fixtures';
import { demoHostTest } from './demo-host';

export { concludeReviewOk } from './review-api';

/** A host of the spec's own with the demo cases and the reviewer 王审核 (call once per spec file). */
export const meetingTest = () =>
  demoHostTest(async (host) => {
    await callApi(host, 'settings.setReviewer', { name: '王审核', agency: '马鞍山市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
  });


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
