// 安全状态: plain ✓ or ✗ facts — the cache on disk and how its key is kept, where signing keys are
// protected, the audit chain. Each ✗ says what it means; nothing is shown as protected that is not.
import { useState, type ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { HistoryOutlined, ReloadOutlined } from '@ant-design/icons';
import { AuditLogDrawer } from '../audit/AuditLogDrawer';
import type { AuditState } from './useSecurityState';
import type { SecurityState } from '../../../shared/api/app';
import { chinaTime } from '../../../shared/format/date';

type Tone = 'ok' | 'fail' | 'warn' | 'muted';

function Row({ label, tone, value, detail, testId }: { label: string; tone: Tone; value: ReactNode; detail?: ReactNode; testId: string }) {
  return (
    <div className="st-row" data-testid={testId} data-tone={tone}>
      <dt>{label}</dt>
      <dd>
        <span className={`st-value ${tone === 'muted' ? 'muted' : `t-${tone}`}`}>{value}</span>
        {detail && <div className="small muted st-detail">{detail}</div>}
      </dd>
    </div>
  );
}

function auditRow(a: AuditState) {
  switch (a.kind) {
    case 'checking':
      return { tone: 'muted' as const, value: '正在校验…' };
    case 'intact':
      // The time says what the count is as of: saving a setting here adds an entry after it.
      return { tone: 'ok' as const, value: '✓ 完整', detail: `${a.count ? `${a.count} 条记录，哈希链逐条相连，未发现改动` : '尚无审计记录'}（校验于 ${chinaTime(a.at)}）` };
    case 'broken':
      return { tone: 'fail' as const, value: '✗ 已被改动', detail: a.message };
    case 'error':
      return { tone: 'warn' as const, value: '未能校验', detail: a.message };
  }
}

// Encrypted bytes with the key lying next to them (the development key file) are not protection.
function cacheRow(c: SecurityState['cache']): { tone: Tone; value: string; detail: string } {
  if (!c.encrypted) return { tone: 'fail', value: '✗ 未加密', detail: c.detail };
  if (c.keyProtection === 'unprotected-dev') return { tone: 'warn', value: '⚠ 已加密，但密钥未加密保护', detail: c.detail };
  return { tone: 'ok', value: '✓ 已加密', detail: c.detail };
}

function cacheKeyRow(c: SecurityState['cache']): { tone: Tone; value: string; detail: string } {
  switch (c.keyProtection) {
    case 'os-keystore':
      return { tone: 'ok', value: '✓ 系统密钥库', detail: c.keyDetail };
    case 'passphrase':
      return { tone: 'ok', value: '✓ 口令保护', detail: c.keyDetail };
    case 'unprotected-dev':
      return { tone: 'fail', value: '✗ 未加密保护', detail: c.keyDetail };
    default:
      return { tone: 'muted', value: '尚无密钥', detail: c.keyDetail };
  }
}

// Either way the signing key is protected: a passphrase is what the browser version always uses (it
// has no OS keystore), said as a plain fact like the cache key's 口令保护 — not a ✗ and not a question.
// The detail says why it is a passphrase here (browser version, or no keystore on this machine).
function keyStoreRow(k: SecurityState['keyStore']): { tone: Tone; value: string; detail: string } {
  if (k.kind === 'os') return { tone: 'ok', value: '✓ 系统密钥库', detail: k.detail };
  return { tone: 'ok', value: '✓ 口令保护', detail: k.detail };
}

export function SecuritySection({ security, error, audit, onReload }: { security: SecurityState | null; error: string | null; audit: AuditState; onReload: () => void }) {
  const ar = auditRow(audit);
  const [logOpen, setLogOpen] = useState(false);
  return (
    <section className="st-section" aria-labelledby="st-security-h" data-testid="settings-security">
      <header className="st-section-h">
        <h3 id="st-security-h">安全状态</h3>
        <Button type="text" size="small" icon={<ReloadOutlined />} onClick={onReload} aria-label="重新检查安全状态" />
      </header>
      {error && <Alert type="error" showIcon title={error} />}
      <dl className="st-kv">
        {security ? (
          <>
            <Row label="缓存加密" testId="st-cache" {...cacheRow(security.cache)} />
            <Row label="缓存密钥" testId="st-cache-key" {...cacheKeyRow(security.cache)} />
            <Row label="签名密钥保护" testId="st-keystore" {...keyStoreRow(security.keyStore)} />
          </>
        ) : (
          !error && <Row label="缓存加密" testId="st-cache" tone="muted" value="正在检查…" />
        )}
        <Row label="审计链完整" testId="st-audit" tone={ar.tone} value={ar.value} detail={ar.detail} />
      </dl>
      <Button size="small" type="link" icon={<HistoryOutlined />} className="st-audit-open" onClick={() => setLogOpen(true)} data-testid="audit-log-open">
        查看全部审计记录（解锁、密钥、导出、同步与各案件的操作）
      </Button>
      <AuditLogDrawer open={logOpen} onClose={() => setLogOpen(false)} />
    </section>
  );
}
