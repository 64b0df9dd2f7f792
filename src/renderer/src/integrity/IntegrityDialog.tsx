// 校验案卷 result: progress while re-hashing, then 完好 / 已篡改 / 缺失 per item (problems first).
// The dialog can be closed at any time; the check finishes in the background and the tree shows it.
import { Alert, Button, Modal, Progress } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { chinaDateTime } from '../../../shared/format/date';
import type { IntegrityItem } from '../../../shared/api/evidence';
import type { VerifyState } from './useVerifyCase';
import { FILE_STATE_LABEL } from './labels';
import './integrity.css';

interface Props {
  open: boolean;
  verify: VerifyState;
  onClose: () => void;
  onOpenItem: (itemId: string) => void;
}

const ORDER = { tampered: 0, missing: 1, ok: 2 } as const;

function StateTag({ item }: { item: IntegrityItem }) {
  const ok = item.state === 'ok';
  return (
    <span className={`state-tag state-${item.state}`} data-testid="integrity-state" data-state={item.state}>
      {ok ? <CheckCircleFilled aria-hidden /> : <CloseCircleFilled aria-hidden />}
      {FILE_STATE_LABEL[item.state]}
    </span>
  );
}

export function IntegrityDialog({ open, verify, onClose, onOpenItem }: Props) {
  const { running, progress, report, error } = verify;
  const percent = progress && progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  const items = report ? [...report.items].sort((a, b) => ORDER[a.state] - ORDER[b.state]) : [];
  const bad = report ? report.summary.tampered + report.summary.missing : 0;
  return (
    <Modal
      open={open}
      title="校验案卷"
      onCancel={onClose}
      width={560}
      footer={
        <Button type="primary" onClick={onClose} data-testid="integrity-close">
          {running ? '在后台继续' : '关闭'}
        </Button>
      }
    >
      <div data-testid="integrity-dialog">
        {running && (
          <div aria-live="polite">
            <div className="small muted">正在逐个重新计算文件的 SHA-256 校验值…</div>
            <Progress percent={percent} size="small" status="active" />
            {progress && <div className="small muted num">{`${progress.done}/${progress.total}`}</div>}
          </div>
        )}
        {error && <Alert type="error" showIcon title={error} />}
        {report && !running && (
          <>
            <Alert
              type={bad ? 'error' : 'success'}
              showIcon
              title={bad ? `${bad} 个文件有问题：已篡改 ${report.summary.tampered}，缺失 ${report.summary.missing}；完好 ${report.summary.ok}` : `全部 ${report.summary.ok} 个文件完好`}
              description={`校验时间 ${chinaDateTime(report.checkedAt)}${bad ? '。已篡改或缺失的文件不能作为审核依据，请重新同步或导入该案卷包。' : ''}`}
              data-testid="integrity-summary"
            />
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
