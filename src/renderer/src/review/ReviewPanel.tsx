// Right region: the 审核要点 review panel — deadline, round, status and reviewer on top; P1–P10 with
// findings, decisions, notes, citations and overrides; the conclusion at the bottom; 上一轮 when the
// case was resubmitted; the signed 意见书 versions below the conclusion. Every change is saved at once
// through review.* (no save button).
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Spin, Tooltip } from 'antd';
import { MenuUnfoldOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ReviewPointId } from '../../../shared/api/evidence';
import type { ResolvedCitation } from '../../../shared/api/review';
import type { FindingRef } from '../../../shared/rules/types';
import { STATUS_LABEL } from '../lib/labels';
import { REASSIGNED_LABEL } from '../../../shared/casefile/status-labels';
import type { RevealTarget } from '../workspace/reveal';
import { SUMMARY_TAB } from '../workspace/workspaceModel';
import { useReview } from './useReview';
import { DeadlineLine } from './DeadlineLine';
import { ReviewerLine } from './ReviewerLine';
import { PointList } from './PointList';
import { Conclusion } from './Conclusion';
import { PreviousRound } from './PreviousRound';
import { OpinionList } from '../opinion/OpinionList';
import { opinionActions } from '../opinion/store';
import type { PointJump } from './usePointKeys';
import './review.css';

interface Props {
  caseId: string;
  onCollapse: () => void;
  /** Show something in the centre: an item (at a page), a highlight, or the 概要. */
  onReveal: (target: RevealTarget) => void;
  /** The case's status changed (待审 → 审核中 → 已退回/已审核): the queue should reload. */
  onStatusChange: () => void;
  jump: PointJump | null;
}

type Tab = 'current' | 'previous';

export function ReviewPanel({ caseId, onCollapse, onReveal, onStatusChange, jump }: Props) {
  const review = useReview(caseId);
  const { view, error } = review;
  const [open, setOpen] = useState<ReviewPointId | null>(null);
  const [tab, setTab] = useState<Tab>('current');
  const status = useRef<string | null>(null);

  useEffect(() => {
    if (!view) return;
    if (status.current !== null && status.current !== view.status) onStatusChange();
    status.current = view.status;
  }, [view, onStatusChange]);

  useEffect(() => {
    if (jump) setTab('current');
  }, [jump]);

  // A preview on screen follows the case's reassignment (learnt by a sync since it was made): no 签署 on it.
  const reassignedAt = view ? (view.reassigned ? (view.reassignedAt ?? '') : null) : undefined;
  useEffect(() => {
    if (reassignedAt !== undefined) opinionActions.followReassignment(caseId, reassignedAt);
  }, [caseId, reassignedAt]);

  const openRef = (ref: FindingRef) => onReveal({ itemId: ref.kind === 'document' || ref.kind === 'evidence' ? ref.id : SUMMARY_TAB });
  const openCitation = (c: ResolvedCitation) => {
    if (!c.itemId) return;
    onReveal({ itemId: c.itemId, ...(c.page ? { page: c.page } : {}), ...(c.kind === 'annotation' ? { annotationId: c.id } : {}) });
  };

  const header = (
    <header className="panel-header rv-header">
      <h2>审核要点</h2>
      {view && (
        <>
          <span className="num" data-testid="review-round">
            第{view.round}轮
          </span>
          <span className={`status status-${view.reassigned ? 'reassigned' : view.status}`} data-testid="review-status">
            {view.reassigned ? REASSIGNED_LABEL : STATUS_LABEL[view.status]}
          </span>
        </>
      )}
      <span className="spacer" />
      <Tooltip title="重新读取">
        <Button type="text" size="small" icon={<ReloadOutlined />} aria-label="重新读取审核记录" onClick={() => void review.reload()} />
      </Tooltip>
      <Tooltip title="收起审核要点">
        <Button type="text" size="small" icon={<MenuUnfoldOutlined />} aria-label="收起审核要点" onClick={onCollapse} />
      </Tooltip>
    </header>
  );

  if (!view) {
    return (
      <section className="panel rv-panel" aria-label="审核要点" data-testid="review-panel">
        {header}
        {error ? (
          <Alert type="error" showIcon banner title={error} />
        ) : (
          <div className="centre-hint" role="status">
            <Spin size="small" />
            正在读取审核记录…
          </div>
        )}
      </section>
    );
  }

  // Reassigned to another reviewer: everything stays to read, nothing more is concluded or signed here.
  const reassigned = view.reassigned === true;
  const editable = view.conclusion === null && !reassigned;
  const prev = view.previous;

  return (
    <section className="panel rv-panel" aria-label="审核要点" data-testid="review-panel" data-case-id={caseId}>
      {header}
      <div className="rv-top">
        <DeadlineLine deadline={view.deadline} concluded={view.conclusion !== null} />
        <ReviewerLine reviewer={view.reviewer} onSave={review.setReviewer} />
      </div>
      {prev && (
        <div role="tablist" aria-label="审核轮次" className="rv-tabs rv-round-tabs">
          <button type="button" role="tab" id="rv-tab-current" aria-selected={tab === 'current'} aria-controls="rv-tabpanel" className={`rv-tab${tab === 'current' ? ' is-active' : ''}`} onClick={() => setTab('current')} data-testid="round-tab-current">
            本轮审核（第{view.round}轮）
          </button>
          <button type="button" role="tab" id="rv-tab-previous" aria-selected={tab === 'previous'} aria-controls="rv-tabpanel" className={`rv-tab${tab === 'previous' ? ' is-active' : ''}`} onClick={() => setTab('previous')} data-testid="round-tab-previous">
            上一轮（第{prev.round}轮）
            {prev.diff.fields.length + prev.diff.items.length > 0 && <span className="rv-tab-count num">{prev.diff.fields.length + prev.diff.items.length} 处变化</span>}
          </button>
        </div>
      )}
      <div className="rv-body" id="rv-tabpanel" role={prev ? 'tabpanel' : undefined} aria-labelledby={prev ? `rv-tab-${tab}` : undefined}>
        {error && <Alert type="error" showIcon banner title={error} />}
        {prev && tab === 'previous' ? (
          <PreviousRound previous={prev} points={view.points} onOpenItem={(itemId) => onReveal({ itemId })} />
        ) : (
          <>
            {reassigned ? (
              <Alert type="warning" showIcon banner data-testid="review-reassigned" title={`${REASSIGNED_LABEL}，不能再签署：中心系统已将本案改派给其他审核员。您在本机所做的审核与已签署的意见书保留备查。`} />
            ) : (
              !editable && <div className="rv-locked small">本轮已作出结论，各要点只读；如需修改请先“撤回结论”。</div>
            )}
            <PointList points={view.points} review={review} editable={editable} open={open} onOpen={setOpen} jump={jump} onOpenRef={openRef} onOpenCitation={openCitation} previous={prev} />
            <section className="rv-foot" aria-label="审核结论">
              {/* A disabled fieldset disables every control of the conclusion, 撤回结论 and 预览/签署 alike. */}
              <fieldset className="rv-foot-fields" disabled={reassigned}>
                <Conclusion key={`${caseId}-${view.round}`} view={view} review={review} />
              </fieldset>
            </section>
            <OpinionList caseId={caseId} />
          </>
        )}
      </div>
    </section>
  );
}
