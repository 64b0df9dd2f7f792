// The signed-in reviewer (settings.getReviewer, carried in ReviewView.reviewer): shown in one line,
// or a compact prompt to set it — P2 checks the reviewer's independence and 法律职业资格 against it.
import { useState } from 'react';
import { Alert, Button, Input, Modal, Radio } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import type { ReviewerProfile } from '../../../shared/api/review';
import { errorText } from '../lib/errors';

interface Props {
  reviewer: ReviewerProfile | null;
  onSave: (p: Omit<ReviewerProfile, 'officerId'>) => Promise<void>;
}

const YES_NO = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

function ReviewerForm({ initial, onSave, onClose }: { initial: ReviewerProfile | null; onSave: Props['onSave']; onClose: () => void }) {
  const [name, setName] = useState(initial?.name ?? '');
  const [agency, setAgency] = useState(initial?.agency ?? '');
  const [qualified, setQualified] = useState<boolean | null>(initial?.legalQualification ?? null);
  const [first, setFirst] = useState<boolean | null>(initial?.firstTimeReviewer ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (name.trim().length < 2) return setError('请填写审核人员姓名');
    if (agency.trim().length === 1) return setError('单位名称至少 2 个字');
    if (qualified === null) return setError('请选择是否具有法律职业资格');
    if (first === null) return setError('请选择是否初次从事法制审核');
    setBusy(true);
    setError(null);
    try {
      await onSave({ name: name.trim(), ...(agency.trim() ? { agency: agency.trim() } : {}), legalQualification: qualified, firstTimeReviewer: first });
      onClose();
    } catch (err) {
      setError(errorText(err, '审核人员信息未能保存，请稍后重试'));
      setBusy(false);
    }
  };

  return (
    <Modal open title="审核人员" onCancel={onClose} onOk={() => void submit()} okText="保存" cancelText="取消" confirmLoading={busy} width={400} destroyOnHidden>
      <div className="rv-form" data-testid="reviewer-form">
        <label className="rv-form-row">
          <span>姓名</span>
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={40} autoFocus data-testid="reviewer-name" />
        </label>
        <label className="rv-form-row">
          <span>
            所在单位 <span className="muted small">（签名证书载明，如 马鞍山市市场监督管理局）</span>
          </span>
          <Input value={agency} onChange={(e) => setAgency(e.target.value)} maxLength={80} data-testid="reviewer-agency" />
        </label>
        <div className="rv-form-row" role="group" aria-label="是否具有法律职业资格">
          <span>是否具有法律职业资格</span>
          <Radio.Group value={qualified} onChange={(e) => setQualified(e.target.value as boolean)} options={YES_NO} data-testid="reviewer-qualified" />
        </div>
        <div className="rv-form-row" role="group" aria-label="是否初次从事法制审核">
          <span>是否初次从事法制审核</span>
          <Radio.Group value={first} onChange={(e) => setFirst(e.target.value as boolean)} options={YES_NO} data-testid="reviewer-first" />
        </div>
        <p className="muted small">初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格（《行政处罚法》第五十八条第二款）。</p>
        {error && <Alert type="error" showIcon title={error} />}
      </div>
    </Modal>
  );
}

/** 具有法律职业资格 · 初次审核 · 单位: the parts after the name. */
function reviewerFacts(r: ReviewerProfile): string[] {
  return [r.legalQualification ? '具有法律职业资格' : '无法律职业资格', ...(r.firstTimeReviewer ? ['初次审核'] : []), ...(r.agency ? [r.agency] : [])];
}

export function ReviewerLine({ reviewer, onSave }: Props) {
  const [editing, setEditing] = useState(false);
  const facts = reviewer ? reviewerFacts(reviewer) : [];
  return (
    <div className="rv-line rv-reviewer" data-testid="reviewer-line" title={reviewer ? [reviewer.name, ...facts].join(' · ') : undefined}>
      <span className="rv-meta-label">审核人员</span>
      {reviewer ? (
        <>
          <UserOutlined aria-hidden className="muted" />
          <span className="ellipsis" style={{ flexShrink: 0, maxWidth: '40%' }} data-testid="reviewer-name-shown">
            {reviewer.name}
          </span>
          {/* The facts wrap (between parts first, the · ending the line) rather than cutting the 单位 short. */}
          <span className="muted small rv-reviewer-facts">
            {facts.map((f, i) => (
              <span key={f} className="rv-reviewer-fact">
                {i < facts.length - 1 ? `${f} · ` : f}
              </span>
            ))}
          </span>
          <button type="button" className="rv-link" onClick={() => setEditing(true)}>
            修改
          </button>
        </>
      ) : (
        <>
          <span className="muted small">未设置，P2 无法核对回避与资格</span>
          <span className="spacer" />
          <Button size="small" onClick={() => setEditing(true)} data-testid="reviewer-set">
            设置审核人员
          </Button>
        </>
      )}
      {editing && <ReviewerForm initial={reviewer} onSave={onSave} onClose={() => setEditing(false)} />}
    </div>
  );
}
