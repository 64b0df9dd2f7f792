// The review period left, in the reviewer's words. The count includes today when today is a working
// day (收件 + 10 个工作日: a case received today shows 11), so the label says so — 剩余 11 个工作日
// read alone looked like one day too many. Always 个工作日, never a bare 日 (read as calendar days).

/** "剩余 11 个工作日（含今日）" / "剩余 10 个工作日" (today a rest day) / "已到期" / "超期 2 个工作日". */
export function remainingWorkingDaysText(left: number, includesToday: boolean): string {
  if (left < 0) return `超期 ${-left} 个工作日`;
  if (left === 0) return '已到期';
  return `剩余 ${left} 个工作日${includesToday ? '（含今日）' : ''}`;
}
