// Mounted once by the app: the 设置 drawer, its shortcut (Ctrl+,), and files the OS asked the app to
// open through its file associations — a .fsupdate opens 设置 › 离线更新 verified; .fscase case
// packages are imported (the queue then reloads).
import { useCallback, useEffect, useRef } from 'react';
import { App as AntApp } from 'antd';
import type { AppInfo } from '../../../shared/api/app';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { isCtrl } from '../lib/keys';
import { CTRL_KEY } from '../lib/shortcuts';
import { useGlobalKeys } from '../lib/useGlobalKeys';
import { SettingsDrawer } from './SettingsDrawer';
import { openSettings } from './store';

export function SettingsHost({ info, onCasesImported }: { info: AppInfo | null; onCasesImported: () => void }) {
  const { message } = AntApp.useApp();
  // The caller's callback may change every render; the subscription below must not.
  const imported = useRef(onCasesImported);
  imported.current = onCasesImported;

  const takeOpened = useCallback(async () => {
    const files = await api.call('app.takeOpenedFiles', {});
    const update = files.updates.at(-1);
    if (update) openSettings(update);
    if (files.cases.length) {
      try {
        const outcomes = await api.call('cases.import', { paths: files.cases });
        const ok = outcomes.filter((o) => o.ok).length;
        if (ok) void message.success(`已导入 ${ok} 个案卷包`);
        for (const o of outcomes.filter((x) => !x.ok)) void message.error(`${o.source}：${o.error ?? '导入失败'}`);
        imported.current();
      } catch (err) {
        void message.error(errorText(err, '案卷包未能导入'));
      }
    }
  }, [message]);

  useEffect(() => {
    void takeOpened().catch(() => undefined);
    return api.on('app.filesOpened', () => void takeOpened().catch(() => undefined));
  }, [takeOpened]);

  useGlobalKeys((e) => {
    if (!isCtrl(e, CTRL_KEY.settings)) return false;
    openSettings();
    return true;
  });

  return <SettingsDrawer info={info} />;
}
