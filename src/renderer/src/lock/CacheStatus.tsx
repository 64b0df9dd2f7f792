// The status bar's cache corner (UI.md): whether the local cache is encrypted and its key
// protected, from app.security (the bytes on disk and keyring.json). Opens 设置.
import { useEffect, useState } from 'react';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import type { SecurityState } from '../../../shared/api/app';
import { api } from '../api';
import { openSettings } from '../settings/store';

function label(c: SecurityState['cache']): { text: string; tone: string } {
  if (!c.encrypted) return { text: '缓存未加密', tone: 't-fail' };
  if (c.keyProtection === 'unprotected-dev') return { text: '缓存密钥未加密保护', tone: 't-warn' };
  return { text: '缓存已加密', tone: '' };
}

export function CacheStatus() {
  const [cache, setCache] = useState<SecurityState['cache'] | null>(null);
  useEffect(() => {
    let alive = true;
    api.call('app.security', {}).then(
      (s) => alive && setCache(s.cache),
      () => undefined, // the settings screen says why, when opened
    );
    return () => {
      alive = false;
    };
  }, []);
  if (!cache) return null;
  const l = label(cache);
  return (
    <button type="button" className={`sb-button ${l.tone}`} title={`${cache.detail}；${cache.keyDetail}`} onClick={() => openSettings()} data-testid="status-cache">
      {cache.encrypted ? <LockOutlined aria-hidden /> : <UnlockOutlined aria-hidden />}
      {l.text}
    </button>
  );
}
