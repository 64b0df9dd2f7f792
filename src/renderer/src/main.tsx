// Renderer entry: antd with the zh_CN locale and the workstation theme around the app shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { workstationTheme } from './theme';
import { App } from './App';
import { LockGate } from './lock/LockGate';
import { installErrorReporting, reportRendererError } from './shell/errorReporting';
import { lockWindowOpen } from './shell/lockdown';
import { audienceMode } from './api';
import './styles/global.css';

const root = document.getElementById('root');
if (!root) throw new Error('缺少 #root 节点');
lockWindowOpen();
// An audience page (read-only audience token) may read its meeting's screen only: no error reports.
if (!audienceMode) installErrorReporting();

// A render error no boundary caught is reported too (it would otherwise only reach the console).
createRoot(root, {
  onUncaughtError: (error, info) => {
    reportRendererError('react', error);
    console.error(error, info.componentStack);
  },
}).render(
  <StrictMode>
    {/* No space put between two Chinese characters of a button (antd's default renders 验 证, 关 闭): the UI's other labels are set solid. */}
    <ConfigProvider locale={zhCN} theme={workstationTheme} componentSize="small" button={{ autoInsertSpace: false }}>
      <AntApp className="app-root">
        {audienceMode ? (
          <App />
        ) : (
          <LockGate>
            <App />
          </LockGate>
        )}
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
