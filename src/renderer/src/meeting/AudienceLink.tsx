// How the shared screen is opened. In the browser host: the audience page's address to open in a
// second browser window on the projector. It carries a read-only audience token of this meeting
// (meetings.audienceToken: that meeting's screen and nothing else, ending with the meeting, paused
// by a lock), never the session's token; the token is not printed on screen, only copied. In the desktop
// app a second window is opened on the external display by app.openAudienceWindow.
import { useEffect, useState } from 'react';
import { App as AntApp, Button, Popover } from 'antd';
import { CopyOutlined, ExportOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
import { api } from '../api';
import { problemLine } from './errors';
import { audienceHash } from './route';

/** The audience page's address in the browser host, with the meeting's audience token. */
function audienceUrl(id: string, token: string | null): { full: string | null; shown: string } {
  const base = `${window.location.origin}${window.location.pathname}`;
  return { full: token ? `${base}?audience=${encodeURIComponent(token)}${audienceHash(id)}` : null, shown: `${base}?audience=••••${audienceHash(id)}` };
}

/** A fresh audience token for the browser's audience page (none in the desktop app). */
function useAudienceToken(meetingId: string, wanted: boolean): { token: string | null; error: string | null } {
  const [state, setState] = useState<{ token: string | null; error: string | null }>({ token: null, error: null });
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    setState({ token: null, error: null });
    api.call('meetings.audienceToken', { id: meetingId }).then(
      (g) => live && setState({ token: g.token, error: null }),
      (err: unknown) => live && setState({ token: null, error: problemLine(err, '未能生成投屏页地址') }),
    );
    return () => {
      live = false;
    };
  }, [meetingId, wanted]);
  return state;
}

export function AudienceLink({ meetingId }: { meetingId: string }) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const desktop = Boolean(window.fashen);
  const grant = useAudienceToken(meetingId, !desktop);

  if (desktop) {
    const open = async () => {
      setBusy(true);
      try {
        const r = await api.call('app.openAudienceWindow', { meetingId });
        message.success(r.external ? `投屏页已在外接显示器（${r.display}）上全屏打开` : '未检测到外接显示器：投屏页已在新窗口打开，可拖到投影仪屏幕上（按 F11 全屏）');
      } catch (err) {
        message.error(problemLine(err, '未能打开投屏窗口'));
      } finally {
        setBusy(false);
      }
    };
    return (
      <Button icon={<FundProjectionScreenOutlined />} loading={busy} onClick={() => void open()} data-testid="audience-open">
        在新窗口打开投屏页
      </Button>
    );
  }

  const url = audienceUrl(meetingId, grant.token);
  const copy = () =>
    navigator.clipboard.writeText(url.full ?? '').then(
      () => message.success('已复制投屏页地址'),
      () => message.error('未能复制：请使用“在新窗口打开投屏页”'),
    );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title="投屏页（共享屏幕）"
      content={
        <div className="mt-audience-link" data-testid="audience-link">
          <p className="small">在第二个浏览器窗口中打开投屏页，把窗口拖到投影仪或外接显示器上，按 F 或双击进入全屏。投屏页跟随本页切换，只显示遮蔽个人信息后的内容。</p>
          <code className="mt-url small" data-testid="audience-url">
            {url.shown}
          </code>
          <div className="mt-audience-actions">
            <Button size="small" icon={<CopyOutlined />} disabled={!url.full} onClick={() => void copy()}>
              复制地址
            </Button>
            <Button type="primary" size="small" icon={<ExportOutlined />} disabled={!url.full} {...(url.full ? { href: url.full } : {})} target="_blank" rel="noopener noreferrer" data-testid="audience-open">
              在新窗口打开投屏页
            </Button>
          </div>
          {grant.error ? (
            <p className="small" role="alert" data-testid="audience-link-error">
              {grant.error}
            </p>
          ) : (
            <p className="small muted">地址含本次会议的投屏授权：只能查看本会议的投屏画面，会议结束后失效；工作台锁定时投屏暂停，解锁后自动恢复。请勿发给会场以外的人。</p>
          )}
        </div>
      }
    >
      <Button icon={<FundProjectionScreenOutlined />} data-testid="audience-link-button">
        投屏页
      </Button>
    </Popover>
  );
}
