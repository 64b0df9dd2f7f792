// 校验案卷 result: progress while re-hashing, then 完好 / 已篡改 / 缺失 per item (problems first).
// The dialog can be closed at any time; the check finishes in the background and the tree shows it.
import { Alert, Button, Modal, Progress } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { chinaDateTime } from '../../../shared/format/date';
import type { IntegrityItem, IntegrityReport } from '../../../shared/api/evidence';
import type { VerifyState } from './useVerifyCase';
import { verifyProgressView } from './progress';
import { ITEM_STATE_LABEL } from './labels';
import './integrity.css';

interface Props {
  open: boolean;
  verify: VerifyState;
  onClose: () => void;
  onOpenItem: (itemId: string) => void;
}

const ORDER = { tampered: 0, missing: 1, unchecked: 2, ok: 3 } as const;

function summaryText(r: IntegrityReport): { type: 'error' | 'success' | 'warning'; title: string; description: string } {
  const { ok, tampered, missing, unchecked } = r.summary;
  const bad = tampered + missing;
  const when = `校验时间 ${chinaDateTime(r.checkedAt)}`;
  const advice = '已篡改或缺失的文件不能作为审核依据，请重新同步或导入该案卷包。';
  if (r.cancelled) {
    const found = bad ? `，其中已篡改 ${tampered}，缺失 ${missing}` : '';
    return {
      type: bad ? 'error' : 'warning',
      title: `已取消：已校验 ${ok + bad} 个文件${found}；${unchecked} 个未校验`,
      description: `${when}。未校验的文件状态不变，可稍后重新校验。${bad ? advice : ''}`,
    };
  }
  if (bad) return { type: 'error', title: `${bad} 个文件有问题：已篡改 ${tampered}，缺失 ${missing}；完好 ${ok}`, description: `${when}。${advice}` };
  return { type: 'success', title: `全部 ${ok} 个文件完好`, description: when };
}

function StateTag({ item }: { item: IntegrityItem }) {
  const icon = item.state === 'ok' ? <CheckCircleFilled aria-hidden /> : item.state === 'unchecked' ? <MinusCircleOutlined aria-hidden /> : <CloseCircleFilled aria-hidden />;
  return (
    <span className={`state-tag state-${item.state}`} data-testid="integrity-state" data-state={item.state}>
      {icon}
      {ITEM_STATE_LABEL[item.state]}
    </span>
  );
}

export function IntegrityDialog({ open, verify, onClose, onOpenItem }: Props) {
  const { running, cancelling, progress, report, error } = verify;
  const shown = progress ? verifyProgressView(progress) : null;
  const items = report ? [...report.items].sort((a, b) => ORDER[a.state] - ORDER[b.state]) : [];
  const summary = report ? summaryText(report) : null;
  return (
    <Modal
      open={open}
      title="校验案卷"
      onCancel={onClose}
      width={560}
      footer={
        <>
          {running && (
            <Button onClick={() => void verify.cancel()} loading={cancelling} disabled={cancelling} data-testid="integrity-cancel">
              {cancelling ? '正在取消…' : '取消校验'}
            </Button>
          )}
          <Button type="primary" onClick={onClose} data-testid="integrity-close">
            {running ? '在后台继续' : '关闭'}
          </Button>
        </>
      }
    >
      <div data-testid="integrity-dialog">
        {running && (
          <div aria-live="polite">
            <div className="small muted">正在逐个重新计算文件的 SHA-256 校验值…</div>
            <Progress percent={shown?.percent ?? 0} size="small" status="active" />
            {shown && (
              <div className="small muted num" data-testid="integrity-progress">
                {shown.text}
              </div>
            )}
          </div>
        )}
        {error && <Alert type="error" showIcon title={error} />}
        {report && summary && !running && (
          <>
            <Alert type={summary.type} showIcon title={summary.title} description={summary.description} data-testid="integrity-summary" data-cancelled={report.cancelled} />
            <table className="dense-table integrity-table">
              <thead>
                <tr>
                  <th scope="col" style={{ width: '6em' }}>
                    状态
                  </th>
                  <th scope="col">材料</th>
                  <th scope="col" style={{ width: '4em' }}>
                    类别
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((it) => (
                  <tr key={it.itemId} data-item-id={it.itemId}>
                    <td>
                      <StateTag item={it} />
                    </td>
                    <td>
                      <button type="button" className="link-button" onClick={() => onOpenItem(it.itemId)} title={`SHA-256 ${it.sha256}`}>
                        {it.title}
                      </button>
                    </td>
                    <td className="small muted">{it.itemKind === 'document' ? '文书' : '证据'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </Modal>
  );
}
