// How the shared screen is opened. In the browser host: the audience page's address (with the
// session's access token, which the page needs to reach the workstation) to open in a second
// browser window on the projector; the token is not printed on screen, only copied. In the desktop
// app a second window is opened on the external display by app.openAudienceWindow.
import { useState } from 'react';
import { App as AntApp, Button, Popover } from 'antd';
import { CopyOutlined, ExportOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
import { api } from '../api';
import { problemLine } from './errors';
import { audienceHash } from './route';

/** The audience page's address in the browser host; the token is kept by api.ts in sessionStorage. */
function audienceUrl(id: string): { full: string; shown: string } {
  const token = sessionStorage.getItem('fashen.token') ?? '';
  const base = `${window.location.origin}${window.location.pathname}`;
  return { full: `${base}?token=${encodeURIComponent(token)}${audienceHash(id)}`, shown: `${base}?token=••••${audienceHash(id)}` };
}

export function AudienceLink({ meetingId }: { meetingId: string }) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const desktop = Boolean(window.fashen);

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

  const url = audienceUrl(meetingId);
  const copy = () =>
    navigator.clipboard.writeText(url.full).then(
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
            <Button size="small" icon={<CopyOutlined />} onClick={() => void copy()}>
              复制地址
            </Button>
            <Button type="primary" size="small" icon={<ExportOutlined />} href={url.full} target="_blank" rel="noopener noreferrer" data-testid="audience-open">
              在新窗口打开投屏页
            </Button>
          </div>
          <p className="small muted">地址含本次会话的访问令牌，请勿发给他人。</p>
        </div>
      }
    >
      <Button icon={<FundProjectionScreenOutlined />} data-testid="audience-link-button">
        投屏页
      </Button>
    </Popover>
  );
}
