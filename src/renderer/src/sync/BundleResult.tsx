// What a central bundle meant on this workstation, beside the cases it carried: the central system's
// signature (checked or why not, the answers it brought back) and its working-day calendar (taken or
// why not). A folder holding several bundles gets one block per bundle: each has its own signature,
// calendar and cases, and the second is not hidden behind the first.
import { Alert } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { BundleCalendar, BundleReport, CentralBundleResult } from '../../../shared/api/sync';
import { answerCounts } from '../../../shared/sync/answer-labels';

/** The working-day calendar a bundle carried: taken (deadlines follow it at once) or why not. */
export function CalendarTaken({ calendar }: { calendar: BundleCalendar }) {
  if (!calendar.taken) return <Alert type="warning" showIcon title="交换包中的工作日历未被采用，期限仍按原日历计算" description={calendar.problem} data-testid="sync-import-calendar" />;
  return <Alert type="success" showIcon title={calendarTitle(calendar)} data-testid="sync-import-calendar" />;
}

function calendarTitle(calendar: Extract<BundleCalendar, { taken: true }>): string {
  const years = calendar.years.join('、');
  return calendar.changed ? `工作日历已更新：${years} 年节假日安排（${calendar.source}）` : `工作日历已是最新（${years} 年）`;
}

function centralTitle(central: Extract<CentralBundleResult, { verified: true }>): string {
  const { accepted, stale, rejected } = central.answers;
  const answers = accepted + stale + rejected ? `带回中心系统的答复 ${accepted + stale + rejected} 项：${answerCounts(central.answers)}` : '没有待发送提交的新答复';
  return `中心系统签名已核验（为 ${central.reviewer} 制作）· ${answers}`;
}

/** The central system's signature on the bundle: checked (its answers settled the outbox) or why not. One line, like its neighbours. */
export function CentralSigned({ central }: { central: CentralBundleResult }) {
  if (!central.verified) return <Alert type="info" showIcon title={`交换包的中心系统签名未能核验：${central.note}`} data-testid="sync-import-central" />;
  const { stale, rejected } = central.answers;
  // Whose workstation this is is unknown here: the signature is good, but for whom it was made is for the reader to check.
  return (
    <Alert
      type={stale + rejected || central.warning ? 'warning' : 'success'}
      showIcon
      title={centralTitle(central)}
      {...(central.warning ? { description: central.warning } : {})}
      data-testid="sync-import-central"
    />
  );
}

type Tone = 'ok' | 'warn' | 'fail' | 'info';
const ICONS: Record<Tone, ReactNode> = {
  ok: <CheckCircleFilled className="t-ok" />,
  warn: <ExclamationCircleFilled className="t-warn" />,
  fail: <CloseCircleFilled className="t-fail" />,
  info: <InfoCircleFilled className="muted" />,
};

function Line({ tone, children, detail, testId }: { tone: Tone; children: ReactNode; detail?: string | undefined; testId: string }) {
  return (
    <div className="sync-bundle-line" data-testid={testId} data-tone={tone}>
      <span className="sync-bundle-icon">{ICONS[tone]}</span>
      <div className="sync-break">
        {children}
        {detail && <div className="small muted">{detail}</div>}
      </div>
    </div>
  );
}

function CentralLine({ central }: { central: CentralBundleResult | undefined }) {
  if (!central) return <Line tone="info" testId="sync-bundle-central">无中心系统签名清单（bundle.json）：案卷按普通案卷包导入</Line>;
  if (!central.verified) return <Line tone="info" testId="sync-bundle-central">{`中心系统签名未能核验：${central.note}`}</Line>;
  const tone = central.answers.stale + central.answers.rejected || central.warning ? 'warn' : 'ok';
  return (
    <Line tone={tone} testId="sync-bundle-central" detail={central.warning}>
      {centralTitle(central)}
    </Line>
  );
}

function CalendarLine({ calendar }: { calendar: BundleCalendar | null }) {
  if (!calendar) return <Line tone="info" testId="sync-bundle-calendar">未带工作日历</Line>;
  if (!calendar.taken)
    return (
      <Line tone="warn" testId="sync-bundle-calendar" detail={calendar.problem}>
        工作日历未被采用，期限仍按原日历计算
      </Line>
    );
  return <Line tone="ok" testId="sync-bundle-calendar">{calendarTitle(calendar)}</Line>;
}

const fileName = (p: string) => p.split(/[\\/]/).filter(Boolean).at(-1) ?? p;

function countsText({ taken, unchanged, refused }: BundleReport['counts']): string {
  return [`已导入 ${taken} 件`, unchanged ? `已是最新 ${unchanged} 件` : '', refused ? `未导入 ${refused} 件` : ''].filter(Boolean).join(' · ');
}

/** One block per bundle of a folder: its file, its cases counted, its signature and its calendar. */
export function BundleReports({ bundles }: { bundles: BundleReport[] }) {
  return (
    <div className="sync-bundles" data-testid="sync-import-bundles">
      <div className="small muted">文件夹中有 {bundles.length} 个交换包，逐个核验和导入：</div>
      {bundles.map((b) => (
        <div key={b.source} className="sync-bundle" data-testid="sync-import-bundle">
          <div className="sync-bundle-head">
            <span className="sync-bundle-name ellipsis" title={b.source}>
              {fileName(b.source)}
            </span>
            <span className={`small num ${b.refusal ? 't-fail' : b.counts.refused ? 't-warn' : 'muted'}`} data-testid="sync-bundle-counts">
              {b.refusal ? '整包未导入' : countsText(b.counts)}
            </span>
          </div>
          {b.refusal ? (
            <Line tone="fail" testId="sync-bundle-refusal">
              {b.refusal}
            </Line>
          ) : (
            <>
              <CentralLine central={b.central} />
              <CalendarLine calendar={b.calendar} />
              {b.encrypted === false && (
                <Line tone="warn" testId="sync-bundle-plain">
                  未加密的交换包：其中的当事人信息在 U 盘上是明文，导入后请删除 U 盘上的文件
                </Line>
              )}
            </>
          )}
        </div>
      ))}
    </div>
  );
}
