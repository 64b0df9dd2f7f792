// 登录中心系统 from the sync panel (sync.login — the same login as `fashen login`): server address,
// user name, password. The password lives only in this form's state until the call answers, and
// is cleared then, whatever the outcome. After a login the signing keys are registered with the
// central system; what that said is shown under the form.
import { useState } from 'react';
import { Alert, Button, Input } from 'antd';
import { ApiFailure } from '../../../shared/api/result';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { opinionActions } from '../opinion/store';
import { syncActions } from './store';

export function LoginForm({ lastServer }: { lastServer: string | null }) {
  const [server, setServer] = useState(lastServer ?? '');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.call('sync.login', { server: server.trim(), user: user.trim(), password });
      syncActions.loggedIn(r.notices);
      void opinionActions.loadKeys();
    } catch (err) {
      // A field the Api's schema refused: its own words (e.g. 服务器地址须以 http:// 或 https:// 开头).
      const details = err instanceof ApiFailure && err.error.code === 'invalid_input' ? (err.error.details ?? []).map((d) => d.replace(/^[\w.]+：/, '')) : [];
      setError(details.length ? details.join('；') : errorText(err, '登录失败，请稍后重试'));
    } finally {
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <form
      className="sync-login"
      data-testid="sync-login-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="sync-login-title">登录中心系统</div>
      <div className="sync-login-grid">
        <label htmlFor="sync-login-server">服务器地址</label>
        <Input id="sync-login-server" size="small" value={server} onChange={(e) => setServer(e.target.value)} placeholder="https://center.example.gov.cn" autoComplete="url" spellCheck={false} data-testid="sync-login-server" />
        <label htmlFor="sync-login-user">用户名</label>
        <Input id="sync-login-user" size="small" value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" spellCheck={false} data-testid="sync-login-user" />
        <label htmlFor="sync-login-password">密码</label>
        <Input.Password id="sync-login-password" size="small" value={password} onChange={(e) => setPassword(e.target.value)} maxLength={200} autoComplete="current-password" data-testid="sync-login-password" />
      </div>
      <div className="sync-login-actions">
        <Button type="primary" size="small" htmlType="submit" loading={busy} disabled={!server.trim() || !user.trim() || !password} data-testid="sync-login-submit">
          登录
        </Button>
        <span className="small muted">本机只保存登录凭据，不保存密码</span>
      </div>
      {error && <Alert type="error" showIcon className="sync-login-error" title={error} data-testid="sync-login-error" />}
      <div className="small muted">没有网络时，可用下方的“离线交换”通过 U 盘收发。</div>
    </form>
  );
}
