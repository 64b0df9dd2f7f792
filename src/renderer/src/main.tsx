// Renderer entry: antd with the zh_CN locale and the workstation theme around the app shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { workstationTheme } from './theme';
import { App } from './App';
import './styles/global.css';

const root = document.getElementById('root');
if (!root) throw new Error('缺少 #root 节点');

createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={workstationTheme} componentSize="small">
      <AntApp className="app-root">
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
