// On start: the last error not yet acknowledged (from this or an earlier run that crashed), as a
// small notice with 查看详情 / 知道了. 知道了 acknowledges it (and any earlier ones) for good.
import { useEffect, useState } from 'react';
import { Button, Modal } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import type { CrashNotice as Notice } from '../../../shared/api/crash';
import { chinaDateTime } from '../../../shared/format/date';
import { api } from '../api';
import './crash.css';

const SOURCE = { main: '工作台主进程', host: '工作台后端', renderer: '界面' } as const;

export function CrashNotice() {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [details, setDetails] = useState(false);

  useEffect(() => {
    let alive = true;
    api.call('app.lastCrash', {}).then(
      (n) => alive && setNotice(n),
      () => undefined, // no notice is better than an error about the error notice
    );
    return () => {
      alive = false;
    };
  }, []);

  if (!notice) return null;
  const acknowledge = () => {
    void api.result('app.ackCrash', { id: notice.id });
    setDetails(false);
    setNotice(null);
  };
  return (
    <>
      <div className="crash-notice" role="alert" data-testid="crash-notice">
        <WarningFilled className="crash-notice-icon" aria-hidden />
        <div className="crash-notice-text">
          <div>上次运行时工作台发生错误{notice.count > 1 ? `（共 ${notice.count} 次）` : ''}，已记录在本机。</div>
          <div className="small muted num">
            {chinaDateTime(notice.at)} · {SOURCE[notice.source]}
          </div>
        </div>
        <Button size="small" type="link" onClick={() => setDetails(true)} data-testid="crash-details">
          查看详情
        </Button>
        <Button size="small" onClick={acknowledge} data-testid="crash-ack">
          知道了
        </Button>
      </div>
      <Modal
        open={details}
        title="错误详情"
        onCancel={() => setDetails(false)}
        width={600}
        footer={
          <>
            <Button onClick={() => setDetails(false)}>关闭</Button>
            <Button type="primary" onClick={acknowledge}>
              知道了
            </Button>
          </>
        }
      >
        <dl className="kv crash-kv" data-testid="crash-detail">
          <dt>时间</dt>
          <dd className="num">{chinaDateTime(notice.at)}</dd>
          <dt>来源</dt>
          <dd>
            {SOURCE[notice.source]}（{notice.kind}）
          </dd>
          <dt>错误</dt>
          <dd>
            {notice.name ? `${notice.name}：` : ''}
            {notice.message}
          </dd>
          <dt>版本</dt>
          <dd className="num">v{notice.version}</dd>
        </dl>
        <p className="small muted">错误报告保存在数据目录的 logs 文件夹中（个人信息已遮蔽），如问题反复出现，可将其交给技术支持。</p>
        {notice.stack && (
          <details className="crash-stack">
            <summary className="small">技术信息（供技术支持）</summary>
            <pre>{notice.stack}</pre>
          </details>
        )}
      </Modal>
    </>
  );
}
