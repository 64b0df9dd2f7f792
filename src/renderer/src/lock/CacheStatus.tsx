// The status bar's cache corner (UI.md): whether the local cache is encrypted and its key
// protected, from app.security (the bytes on disk and keyring.json). Opens 设置.
import { useEffect } from 'react';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import type { SecurityState } from '../../../shared/api/app';
import { openSettings } from '../settings/store';
import { ensureSecurity, useSecurityFacts } from './security';

function label(c: SecurityState['cache']): { text: string; tone: string } {
  if (!c.encrypted) return { text: '缓存未加密', tone: 't-fail' };
  if (c.keyProtection === 'unprotected-dev') return { text: '缓存密钥未加密保护', tone: 't-warn' };
  return { text: '缓存已加密', tone: '' };
}

/** Shows the answer the lock gate already has (lock/security.ts); a failed read shows nothing — 设置 says why. */
export function CacheStatus() {
  const cache = useSecurityFacts()?.cache;
  useEffect(ensureSecurity, []);
  if (!cache) return null;
  const l = label(cache);
  return (
    <button type="button" className={`sb-button ${l.tone}`} title={`${cache.detail}；${cache.keyDetail}`} onClick={() => openSettings()} data-testid="status-cache">
      {cache.encrypted ? <LockOutlined aria-hidden /> : <UnlockOutlined aria-hidden />}
      {l.text}
    </button>
  );
}
