// 离线交换 (no network): export the queued submissions as one signed bundle file for a USB stick,
// sealed with a passphrase asked in a dialog (sync.exportBundle) — with none queued, a bundle with only the audit chain head, so an office
// that has nothing to submit still reports its audit trail — and import a bundle of case packages from the central system, a case folder or a folder of them
// (sync.importBundle). The back end reads and writes the files, so both take a full path on this
// computer — as in the browser host there is no native file dialog (the host only listens locally).
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Input, type InputRef } from 'antd';
import type { BundleExport, BundleImport } from '../../../shared/api/sync';
import type { ApiEvents } from '../../../shared/api/events';
import type { KeyRegistration } from '../../../shared/api/opinions';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { useOpinionState } from '../opinion/store';
import { BundleExportDialog } from './BundleExportDialog';
import { BundleImportDialog } from './BundleImportDialog';
import { ApiFailure } from '../../../shared/api/result';
import { ImportResult } from '../queue/ImportResult';
import { syncActions, useSyncState } from './store';
import { BundleReports, CalendarTaken, CentralSigned } from './BundleResult';

export { CentralSigned } from './BundleResult';

/** Whether `p` is `dir` or inside it (as typed; the back end checks again with links resolved). */
export function isInside(p: string, dir: string): boolean {
  const norm = (x: string) => x.replace(/[\\/]+/g, '/').replace(/\/$/, '').toLowerCase();
  const a = norm(p);
  const b = norm(dir);
  return a === b || a.startsWith(`${b}/`);
}

/**
 * A name in the user's 文档 folder: the bundle carries the parties' names and ID numbers away (sealed,
 * but a plain one may still be written from the command line), so never inside the (encrypted) data folder — the back end refuses that anyway. Empty when the
 * folder is unknown or lies inside the data folder: the placeholder then asks for the stick.
 */
export function suggestedPath(documentsDir: string | null | undefined, dataDir: string | null, now: Date): string {
  if (!documentsDir) return '';
  const sep = documentsDir.includes('\\') && !documentsDir.includes('/') ? '\\' : '/';
  const stamp = new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const path = `${documentsDir.replace(/[\\/]+$/, '')}${sep}outbox-${stamp}.fashen-bundle`;
  return dataDir && isInside(path, dataDir) ? '' : path;
}

/** The warning before exporting with a key the central system has not registered (it refuses the bundle until then). */
function keyWarning(registration: KeyRegistration | undefined): string | null {
  if (!registration || registration.state === 'enrolled') return null;
  if (registration.state === 'refused') return `签名密钥被中心系统拒绝登记（${registration.note ?? '原因未知'}）：中心系统将拒收此离线交换包。`;
  if (registration.state === 'pending') return '签名密钥尚未在中心系统登记（下次联网同步时登记）：登记之前，中心系统拒收此离线交换包。';
  return '签名密钥尚未在中心系统登记（本工作站尚未登录过中心系统）：中心系统将拒收此离线交换包，直到本工作站联网登录一次（登录时登记签名密钥）；登录之后，这个文件可以照常导入。';
}

function ExportBundle({ dataDir, pending }: { dataDir: string | null; pending: number }) {
  const protection = useOpinionState((s) => s.keys?.protection ?? 'passphrase');
  const registration = useOpinionState((s) => s.keys?.active?.registration);
  const [path, setPath] = useState('');
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<BundleExport | null>(null);
  const warning = keyWarning(registration);

  // The 文档 folder comes from the back end (app.info); the reviewer's own typing is never replaced.
  useEffect(() => {
    let live = true;
    api.call('app.info', {}).then(
      (info) => live && setPath((p) => p || suggestedPath(info.documentsDir, dataDir ?? info.dataDir, new Date())),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [dataDir]);

  return (
    <div className="sync-exchange" data-testid="sync-export">
      <div className="sync-exchange-label">导出离线交换包</div>
      <div className="sync-exchange-body">
        <Input size="small" value={path} onChange={(e) => setPath(e.target.value)} placeholder="保存到（完整路径，如 U 盘上的 outbox.fashen-bundle；不能放在数据目录中）" aria-label="离线交换包的保存路径" data-testid="sync-export-path" />
        <div className="sync-exchange-row">
          <Button
            size="small"
            disabled={!path.trim()}
            onClick={() => {
              setDone(null);
              setAsking(true);
            }}
            data-testid="sync-export-run"
          >
            导出…
          </Button>
          <span className="small muted" data-testid="sync-export-contents">
            {pending === 0 ? '没有待发送的提交：只导出本机审计链头（供中心系统核对审计记录），用签名密钥签名、交换包口令加密' : `${pending} 项待发送的提交和本机审计链头，用签名密钥签名、交换包口令加密`}
          </span>
        </div>
        {pending > 0 && (
          <div className="small muted" data-testid="sync-export-stamp-note">
            经离线交换包送达的提交不再补加可信时间戳（签名时间为签名人电脑时间）；能联网时直接同步，发送前先加盖时间戳。
          </div>
        )}
        {warning && <Alert type="warning" showIcon title={warning} data-testid="sync-export-key-warning" />}
        {asking && (
          <BundleExportDialog
            path={path.trim()}
            needsKeyPass={protection === 'passphrase'}
            onClose={() => setAsking(false)}
            onDone={(r) => {
              setAsking(false);
              setDone(r);
            }}
          />
        )}
        {done && (
          <Alert
            type={done.warnings?.length ? 'warning' : 'success'}
            showIcon
            title={done.count === 0 ? `已导出离线交换包：仅含本机审计链头（第 ${done.auditHeadSeq ?? 0} 条）` : `已导出 ${done.count} 项待发送的提交${done.auditHeadSeq !== undefined ? `和审计链头（第 ${done.auditHeadSeq} 条）` : ''}`}
            description={
              <>
                <div className="num sync-break">{done.path}</div>
                <div className="muted" data-testid="sync-export-sealed">
                  {done.encrypted ? '已用交换包口令加密。请把口令另行告知中心系统管理员（电话或当面），不要写在 U 盘上。' : '未加密的交换包：含当事人个人信息，请妥善保管 U 盘。'}
                </div>
                <div className="muted">
                  {done.count === 0 ? '交中心系统导入后，中心系统记下本机审计链头，用于发现本机审计记录被改写。' : '交中心系统导入后，其答复随下一个案卷交换包带回，或在下次联网同步时得到确认（不会重复接收）。'}
                </div>
                {done.warnings?.map((w) => (
                  <div key={w} className="t-warn" data-testid="sync-export-warning">
                    {w}
                  </div>
                ))}
              </>
            }
            data-testid="sync-export-done"
          />
        )}
      </div>
    </div>
  );
}

/**
 * Imports a bundle and tells the rest of the window: cases may have changed, and the answers it
 * carried settled outbox entries — the status (待发送 here and in the status bar) is read again now,
 * not at the next 30 s poll.
 */
export async function takeBundle(path: string, passphrase?: string): Promise<BundleImport> {
  const result = await api.call('sync.importBundle', { path, ...(passphrase !== undefined ? { passphrase } : {}) });
  syncActions.changed();
  void syncActions.refresh();
  return result;
}

function ImportBundle() {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ApiEvents['import.progress'] | null>(null);
  const [result, setResult] = useState<BundleImport | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The sealed bundle whose passphrase is being asked for. */
  const [asking, setAsking] = useState<string | null>(null);
  useEffect(() => (busy ? api.on('import.progress', setProgress) : undefined), [busy]);
  // Opened from the empty queue's 导入案卷包…: the reviewer is here to type a path. Focused once the
  // drawer has opened: before, the drawer's own focus on its panel would take it back.
  const asked = useSyncState((s) => s.importAsked && s.panelShown);
  const field = useRef<InputRef>(null);
  const section = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!asked) return;
    section.current?.scrollIntoView({ block: 'nearest' });
    field.current?.focus();
    syncActions.importShown();
  }, [asked]);

  /**
   * One import; a sealed bundle without (or with a wrong) passphrase opens the passphrase dialog.
   * Answers what the dialog should say when it stays open (the passphrase was wrong), else null.
   */
  const run = async (passphrase?: string): Promise<string | null> => {
    const target = asking ?? path.trim();
    setBusy(true);
    setError(null);
    setResult(null);
    setProgress(null);
    try {
      setResult(await takeBundle(target, passphrase));
      setAsking(null);
      return null;
    } catch (err) {
      if (err instanceof ApiFailure && err.error.code === 'passphrase_required') {
        setAsking(target);
        return passphrase === undefined ? null : err.message;
      }
      setAsking(null);
      setError(errorText(err, '案卷包未能导入，请检查路径后重试'));
      return null;
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sync-exchange" data-testid="sync-import" ref={section}>
      <div className="sync-exchange-label">导入案卷包</div>
      <div className="sync-exchange-body">
        <div className="sync-exchange-row">
          <Input ref={field} size="small" value={path} onChange={(e) => setPath(e.target.value)} onPressEnter={() => path.trim() && !busy && void run()} placeholder="完整路径：案卷交换包（.fashen-cases 或 .zip）、案卷文件夹，或装有多个案卷文件夹的文件夹" aria-label="案卷包路径" data-testid="sync-import-path" />
          <Button size="small" loading={busy} disabled={!path.trim()} onClick={() => void run()} data-testid="sync-import-run">
            导入
          </Button>
        </div>
        {busy && progress && <div className="small muted num">{`${progress.done}/${progress.total} ${progress.label}`}</div>}
        {asking && <BundleImportDialog path={asking} onSubmit={(p) => run(p)} onClose={() => setAsking(null)} />}
        {result?.encrypted === true && (
          <div className="small muted" data-testid="sync-import-sealed">
            加密交换包：已用口令解密，文件完整
          </div>
        )}
        {result && result.outcomes.length > 0 && <ImportResult outcomes={result.outcomes} />}
        {result?.bundles && <BundleReports bundles={result.bundles} />}
        {result?.central && <CentralSigned central={result.central} />}
        {result?.calendar && <CalendarTaken calendar={result.calendar} />}
        {result?.encrypted === false && (
          <Alert type="warning" showIcon title="未加密的交换包" description="由中心系统旧版本制作（或制作时未加密）：其中的当事人信息在 U 盘上是明文，导入后请删除 U 盘上的文件，并请管理员今后制作加密的交换包。" data-testid="sync-import-plain" />
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="sync-import-error" />}
      </div>
    </div>
  );
}

export function OfflineExchange({ dataDir, pending }: { dataDir: string | null; pending: number }) {
  return (
    <section className="sync-section" aria-label="离线交换">
      <h3 className="sync-sub">离线交换（U 盘）</h3>
      <ExportBundle dataDir={dataDir} pending={pending} />
      <ImportBundle />
    </section>
  );
}
