// An expanded review point: what it asks, the automatic findings, the reviewer's decision
// (无问题 / 存在问题 / 不适用), the note and the citations. Choosing 无问题 over an open `fail`
// is refused by the back end; the refusal is shown with a 不采纳 reason box per failing check.
import { useEffect, useRef, useState } from 'react';
import { Alert, App as AntApp, Radio } from 'antd';
import type { Citation, PointDecision, PointView, ResolvedCitation } from '../../../shared/api/review';
import type { FindingRef } from '../../../shared/rules/types';
import { ApiFailure } from '../../../shared/api/result';
import { errorText } from '../lib/errors';
import type { ReviewState } from './useReview';
import { DECISION_LABEL, DECISION_OPTIONS, bySeverity } from './labels';
import { openFails, storedCitation } from './model';
import { FindingItem, basisText } from './FindingItem';
import { NoteField } from './NoteField';
import { Citations } from './Citations';
import { CitationPicker } from './CitationPicker';
import { OverrideForm } from './OverrideForm';

interface Props {
  point: PointView;
  review: ReviewState;
  editable: boolean;
  onOpenRef: (ref: FindingRef) => void;
  onOpenCitation: (c: ResolvedCitation) => void;
  /** The same point in the previous round, when the case was resubmitted. */
  previous?: { round: number; decision: PointDecision | null; note: string } | undefined;
}

interface Conflict {
  message: string;
  details: string[];
}

export function PointDetail({ point: p, review, editable, onOpenRef, onOpenCitation, previous }: Props) {
  const { message } = AntApp.useApp();
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [showPassed, setShowPassed] = useState(false);
  const [picking, setPicking] = useState(false);
  const [deciding, setDeciding] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (conflict) conflictRef.current?.scrollIntoView({ block: 'nearest' });
  }, [conflict]);

  const findings = [...p.automatic].sort(bySeverity);
  const concerns = findings.filter((f) => f.severity !== 'ok');
  const passed = findings.filter((f) => f.severity === 'ok');
  const foldPassed = concerns.length > 0 && passed.length > 0;
  const fails = openFails(p);

  const decide = async (decision: PointDecision) => {
    setDeciding(true);
    try {
      await review.setPoint(p.id, { decision });
      setConflict(null);
    } catch (err) {
      if (err instanceof ApiFailure && err.error.code === 'conflict') setConflict({ message: err.error.message, details: err.error.details ?? [] });
      else message.error(errorText(err, '认定未能保存，请稍后重试'));
    } finally {
      setDeciding(false);
    }
  };

  /** After the last open fail is set aside, the 无问题 the reviewer asked for is recorded. */
  const override = async (check: string, reason: string) => {
    const v = await review.override(check, reason);
    const now = v.points.find((x) => x.id === p.id);
    if (conflict && now && openFails(now).length === 0) await decide('ok');
  };
  const clearOverride = async (check: string) => {
    try {
      await review.clearOverride(check);
    } catch (err) {
      message.error(errorText(err, '未能撤销，请稍后重试'));
    }
  };
  const saveCitations = (list: Citation[]) => review.setPoint(p.id, { citations: list.map(storedCitation) });
  const removeCitation = async (c: ResolvedCitation) => {
    try {
      await saveCitations(p.citations.filter((x) => x !== c));
    } catch (err) {
      message.error(errorText(err, '引用未能移除，请稍后重试'));
    }
  };

  const renderFinding = (f: (typeof findings)[number], i: number) => (
    <FindingItem
      key={f.id}
      finding={f}
      override={p.overrides.find((o) => o.check === f.id)}
      editable={editable}
      onOpenRef={onOpenRef}
      onOverride={(reason) => override(f.id, reason)}
      onClearOverride={() => clearOverride(f.id)}
    />
  );

  return (
    <div className="rv-detail" data-testid="point-detail" data-point={p.id}>
      <p className="rv-desc">{p.description}</p>
      {previous && (
        <p className="rv-prev-line" data-testid="point-previous">
          第{previous.round}轮认定
          <span className={`rv-decision-badge decision-${previous.decision ?? 'none'}`}>{previous.decision ? DECISION_LABEL[previous.decision] : '未认定'}</span>
          {previous.note.trim()}
        </p>
      )}
      {p.basis.length > 0 && <p className="rv-desc-basis muted small">{p.basis.map(basisText).join('；')}</p>}

      <h4 className="rv-sub">自动检查</h4>
      {findings.length === 0 && <p className="muted small">本要点没有可自动核对的内容，请人工审核。</p>}
      <ul className="rv-findings">{(foldPassed ? concerns : findings).map(renderFinding)}</ul>
      {foldPassed && (
        <>
          <button type="button" className="rv-fold" aria-expanded={showPassed} onClick={() => setShowPassed((s) => !s)} data-testid="show-passed">
            {showPassed ? '收起通过的检查' : `另有 ${passed.length} 项检查通过`}
          </button>
          {showPassed && <ul className="rv-findings">{passed.map(renderFinding)}</ul>}
        </>
      )}

      <h4 className="rv-sub">审核认定</h4>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        value={p.decision}
        disabled={!editable || deciding}
        onChange={(e) => void decide(e.target.value as PointDecision)}
        options={DECISION_OPTIONS}
        aria-label={`${p.id} 审核认定`}
        className={`rv-decision decision-${p.decision ?? 'none'}`}
        data-testid="point-decision"
      />
      {p.decision === 'ok' && fails.length > 0 && !conflict && (
        <div className="rv-inline-warn small" role="note" data-testid="point-open-fail">
          已认定“无问题”，但仍有 {fails.length} 项未通过的自动检查未写明不采纳理由。
        </div>
      )}
      {conflict && (
        <div ref={conflictRef}>
        <Alert
          className="rv-conflict"
          type="warning"
          showIcon
          title={conflict.message}
          data-testid="point-conflict"
          description={
            <div className="rv-conflict-body">
              {fails.map((f) => (
                <OverrideForm key={f.id} message={f.message} onSubmit={(reason) => override(f.id, reason)} />
              ))}
            </div>
          }
          closable={{ 'aria-label': '关闭提示', onClose: () => setConflict(null) }}
        />
        </div>
      )}

      <NoteField key={`${review.caseId}-${p.id}`} label="审核意见 / 备注" initial={p.note} disabled={!editable} save={(note) => review.setPoint(p.id, { note })} />

      <Citations citations={p.citations} editable={editable} onOpen={onOpenCitation} onRemove={(c) => void removeCitation(c)} onAdd={() => setPicking(true)} />
      {picking && (
        <CitationPicker
          open
          caseId={review.caseId}
          point={p.id}
          pointTitle={p.title}
          cited={p.citations}
          onClose={() => setPicking(false)}
          onPick={(c) => saveCitations([...p.citations.map(storedCitation), c])}
        />
      )}
    </div>
  );
}
