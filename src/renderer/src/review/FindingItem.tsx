// One automatic finding: severity, message, the computation (one step a line), the legal basis, the
// case-file items it refers to (chips that open them), and for a `fail` the reviewer's 不采纳.
import { useState } from 'react';
import { Button, Popconfirm, Tooltip } from 'antd';
import type { CheckOverride } from '../../../shared/api/review';
import type { Finding, FindingRef, LegalBasisRef } from '../../../shared/rules/types';
import { chinaDateTime } from '../../../shared/format/date';
import { shortLawName } from '../lib/law';
import { SeverityIcon } from './SeverityIcon';
import { OverrideForm } from './OverrideForm';
import { UnitText } from './unitText';

interface Props {
  finding: Finding;
  override: CheckOverride | undefined;
  editable: boolean;
  onOpenRef: (ref: FindingRef) => void;
  onOverride: (reason: string) => Promise<unknown>;
  onClearOverride: () => Promise<unknown>;
}

export function basisText(b: LegalBasisRef): string {
  return `《${shortLawName(b.law)}》${b.article}`;
}

function Basis({ list }: { list: LegalBasisRef[] }) {
  if (!list.length) return null;
  return (
    <div className="rv-basis">
      <span className="rv-meta-label">依据</span>
      {list.map((b, i) => (
        <Tooltip key={i} title={b.note} mouseEnterDelay={0.3}>
          <span className="rv-basis-ref" tabIndex={b.note ? 0 : -1}>
            {basisText(b)}
          </span>
        </Tooltip>
      ))}
    </div>
  );
}

const REF_HINT: Record<FindingRef['kind'], string> = { document: '打开文书', evidence: '打开证据', field: '在概要中查看', officer: '在概要中查看执法人员', party: '在概要中查看当事人' };

export function FindingItem({ finding: f, override, editable, onOpenRef, onOverride, onClearOverride }: Props) {
  const [overriding, setOverriding] = useState(false);
  const steps = f.computation ? f.computation.split('；').filter(Boolean) : [];
  return (
    <li className={`rv-finding sev-row-${f.severity}${override ? ' is-overridden' : ''}`} data-testid="finding" data-check={f.check} data-finding={f.id} data-severity={f.severity}>
      <div className="rv-finding-head">
        <SeverityIcon severity={f.severity} overridden={!!override} prefix="检查结果" />
        <span className="rv-finding-msg">{f.message}</span>
      </div>
      {steps.length > 0 && (
        <div className="rv-computation num" data-testid="finding-computation" aria-label="计算过程">
          {steps.map((s, i) => (
            <div key={i}>
              <UnitText text={s} />
            </div>
          ))}
        </div>
      )}
      <Basis list={f.basis} />
      {f.refs.length > 0 && (
        <div className="rv-refs">
          {f.refs.map((r, i) => (
            <button key={i} type="button" className={`rv-chip ref-${r.kind}`} title={REF_HINT[r.kind]} onClick={() => onOpenRef(r)} data-testid="finding-ref">
              {r.label ?? r.id}
            </button>
          ))}
        </div>
      )}
      {override && (
        <div className="rv-override" data-testid="override">
          <div>
            <span className="rv-meta-label">不采纳理由</span>
            <span className="rv-override-reason">{override.reason}</span>
          </div>
          <div className="rv-override-foot">
            <span className="muted small num">{chinaDateTime(override.at)}</span>
            {editable && (
              <Popconfirm title="撤销不采纳？" description="该项自动检查将重新计为未通过。" okText="撤销" cancelText="取消" onConfirm={() => void onClearOverride()}>
                <Button type="link" size="small" data-testid="override-clear">
                  撤销
                </Button>
              </Popconfirm>
            )}
          </div>
        </div>
      )}
      {f.severity === 'fail' && !override && editable && !overriding && (
        <Button type="link" size="small" className="rv-override-open" onClick={() => setOverriding(true)} data-testid="override-open">
          不采纳…
        </Button>
      )}
      {f.severity === 'fail' && !override && overriding && <OverrideForm message={f.message} onSubmit={async (r) => onOverride(r)} onCancel={() => setOverriding(false)} />}
    </li>
  );
}
