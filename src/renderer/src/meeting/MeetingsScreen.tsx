// The meeting module in the main window (#/meetings…): a slim bar back to the review workbench,
// then the list, a new set-up, or one meeting; 锁定 on the bar's right. The audience page is routed separately (App.tsx).
import { Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { LockButton } from '../lock/LockButton';
import type { MeetingRoute } from './route';
import { go, meetingsHref } from './route';
import { MeetingList } from './MeetingList';
import { MeetingPage } from './MeetingPage';
import { SetupForm } from './SetupForm';
import './meeting.css';

export function MeetingsScreen({ route }: { route: Exclude<MeetingRoute, { kind: 'audience' }> }) {
  return (
    <main className="mt-screen" data-testid="meetings-screen">
      <nav className="mt-bar" aria-label="集体讨论">
        <Button type="text" size="small" icon={<ArrowLeftOutlined />} onClick={() => go('')} data-testid="meetings-back">
          审核工作台
        </Button>
        <span className="mt-bar-sep" aria-hidden>
          /
        </span>
        {route.kind === 'list' ? (
          <h1 className="mt-bar-title">集体讨论</h1>
        ) : (
          <>
            <a href={meetingsHref} className="mt-bar-link">
              集体讨论
            </a>
            <span className="mt-bar-sep" aria-hidden>
              /
            </span>
            <h1 className="mt-bar-title">{route.kind === 'new' ? '新建会议' : '会议'}</h1>
          </>
        )}
        <span className="spacer" />
        {/* No status bar or 设置 here: the lock is at hand on every meeting screen. */}
        <LockButton />
      </nav>
      {route.kind === 'list' && <MeetingList />}
      {route.kind === 'new' && (
        <section className="mt-page" data-testid="meeting-new-page">
          <header className="mt-page-head">
            <h2>新建会议</h2>
            <span className="muted small">填写会议信息、参会人员和人数规则，选择法制审核已作出结论的案件列入议程</span>
          </header>
          <div className="mt-page-body">
            <SetupForm meeting={null} onSaved={() => undefined} />
          </div>
        </section>
      )}
      {route.kind === 'meeting' && <MeetingPage key={route.id} id={route.id} />}
    </main>
  );
}
