// Bottom of the panel: the conclusion (同意 / 建议纠正 / 建议补充调查 / 其他意见) and the opinion text,
// prefilled from the draft and saved as typed into the encrypted cache (review.saveDraft — never the
// browser's storage, which a lock does not protect); 作出结论 → review.conclude.
// Once concluded: read-only, with 撤回结论, then 预览意见书 / 签署 (opinion/OpinionActions). The
// confirmation names the signed 集体讨论记录 that cite the conclusion (they stay as signed).
import { useCallback, useEffect, useId, useState } from 'react';
import { Alert, App as AntApp, Button, Input, Popconfirm, Radio } from 'antd';
import type { MinutesCitation } from '../../../shared/api/meetings';
import type { ConclusionDraft, OpinionType, ReviewView } from '../../../shared/api/review';
import { opinionDraft } from '../../../shared/review/draft';
import { chinaDateTime, formatDateCn } from '../../../shared/format/date';
import { errorText } from '../lib/errors';
import { statusText, useAutosave } from '../lib/useAutosave';
import { api } from '../api';
import { OpinionActions } from '../opinion/OpinionActions';
import { opinionActions } from '../opinion/store';
import { syncActions } from '../sync/store';
import { OPINION_TYPES } from './labels';
import type { ReviewState } from './useReview';

type Draft = ConclusionDraft;
const EMPTY: Draft = { type: null, text: null };

const OPINION_NOTE = '已签署但尚未发出的意见书随之撤回、不再发送；已发出的无法收回，重新签署后中心系统以新版本为准。';

/** The 撤回结论 confirmation: what happens to the opinion and, when signed minutes cite this conclusion, to them. */
function reopenNote(cited: MinutesCitation[]) {
  if (!cited.length) return <>撤回后可修改各要点和审核意见，再重新作出结论。{OPINION_NOTE}</>;
  const records = cited.map((m) => `${formatDateCn(m.date)}的集体讨论记录（${m.signed === 'both' ? '已签署' : '主持人已签署'}）`).join('、');
  return (
    <div>
      <p className="t-warn" style={{ margin: '0 0 4px' }} data-testid="reopen-minutes-warning">
        {records}引用了本审核结论（{cited[0]!.review.type}）。撤回结论后，{cited.length > 1 ? '这些记录' : '该记录'}仍按签署时的内容保存，不随之改变；改变后的审核结论可能须另行提请集体讨论。
      </p>
      <p style={{ margin: 0 }}>撤回后可修改各要点和审核意见，再重新作出结论。{OPINION_NOTE}</p>
    </div>
  );
}

/**
 * `justMade`: concluded a moment ago in this panel — said here, beside what it changed, rather than in
 * a toast over the case header (where it covered the status badge).
 */
function Concluded({ view, review, justMade, onReopened }: { view: ReviewView; review: ReviewState; justMade: boolean; onReopened: (type: OpinionType, text: string) => void }) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [cited, setCited] = useState<MinutesCitation[]>([]);
  const c = view.conclusion!;
  // Signed (or signing) minutes of this round that print this very conclusion.
  const loadCited = useCallback(() => {
    api.call('meetings.citingMinutes', { caseId: view.caseId }).then(
      (all) => setCited(all.filter((m) => m.review.round === view.round && m.review.type === c.type && m.review.text === c.opinionText)),
      () => setCited([]),
    );
  }, [view.caseId, view.round, c.type, c.opinionText]);
  useEffect(loadCited, [loadCited]);
  const reopen = async () => {
    setBusy(true);
    try {
      await review.reopen();
      onReopened(c.type, c.opinionText);
      // A signed version not yet sent was withdrawn with the conclusion: the list and the outbox count change.
      void opinionActions.loadRecords(view.caseId).catch(() => undefined);
      void syncActions.refresh();
    } catch (err) {
      message.error(errorText(err, '未能撤回结论，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="rv-conclusion is-done" data-testid="conclusion-done">
      <div className="rv-line">
        <span className="rv-meta-label">审核结论</span>
        <strong className={`rv-opinion-type type-${c.type}`} data-testid="conclusion-type">
          {c.type}
        </strong>
        <span className="muted small num">{chinaDateTime(c.concludedAt)}</span>
        <span className="spacer" />
        <Popconfirm
          title="撤回结论？"
          description={reopenNote(cited)}
          okText="撤回"
          cancelText="取消"
          onOpenChange={(open) => open && loadCited()}
          styles={{ root: { maxWidth: 440 } }}
          onConfirm={() => void reopen()}
        >
          <Button size="small" loading={busy} data-testid="conclusion-reopen">
            撤回结论
          </Button>
        </Popconfirm>
      </div>
      {justMade && (
        <div className="small t-ok rv-concluded-note" role="status" data-testid="conclusion-made">
          已作出审核结论：{c.type}。可预览意见书，核对后签署。
        </div>
      )}
      <div className="rv-opinion-text" data-testid="conclusion-text">
        {c.opinionText}
      </div>
      <OpinionActions view={view} />
    </div>
  );
}

export function Conclusion({ view, review }: { view: ReviewView; review: ReviewState }) {
  const id = useId();
  const [justMade, setJustMade] = useState(false);
  const [draft, setDraftState] = useState<Draft>(view.conclusionDraft ?? EMPTY);
  const autosave = useAutosave<Draft>((d) => api.call('review.saveDraft', { caseId: view.caseId, draft: d }));
  const setDraft = (d: Draft) => {
    setDraftState(d);
    autosave.schedule(d);
  };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A refusal for want of the reviewer goes once the reviewer is set.
  useEffect(() => setError(null), [view.reviewer?.name]);

  // 撤回结论 makes the withdrawn conclusion the draft on the back end too.
  if (view.conclusion)
    return (
      <Concluded
        view={view}
        review={review}
        justMade={justMade}
        onReopened={(t, text) => {
          setJustMade(false);
          setDraftState({ type: t, text });
        }}
      />
    );

  // The proposed type: null while points are open and nothing has been found wrong (never 同意 then).
  const { suggested, open } = opinionDraft(view.points, '');
  const type = draft.type;
  const text = draft.text ?? view.draftOpinion;
  const decided = view.points.length - open.length;

  const adopt = suggested && (
    <button type="button" className="rv-link rv-adopt" onClick={() => setDraft({ ...draft, type: suggested })} data-testid="adopt-suggested">
      采用
    </button>
  );

  const conclude = async () => {
    if (!type) {
      setError('请先选择审核结论：同意、建议纠正、建议补充调查或其他意见');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // The conclusion carries the text; a draft save still waiting would only be refused after it.
      await autosave.cancel();
      await review.conclude(type, text);
      setDraftState(EMPTY);
      setJustMade(true);
    } catch (err) {
      autosave.schedule(draft); // not concluded: the draft is kept as it stands
      setError(errorText(err, '未能作出结论，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="rv-conclusion" data-testid="conclusion">
      <div className="rv-line">
        <span className="rv-meta-label" id={`${id}-type`}>
          审核结论
        </span>
        <span className={`small num ${decided < view.points.length ? 'muted' : 't-ok'}`} data-testid="decided-count">
          已认定 {decided}/{view.points.length}
        </span>
      </div>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        value={type}
        onChange={(e) => setDraft({ ...draft, type: e.target.value as OpinionType })}
        options={OPINION_TYPES.map((t) => ({ value: t, label: t }))}
        aria-labelledby={`${id}-type`}
        className="rv-opinion-types"
        data-testid="conclusion-type-select"
      />
      {!view.reviewer && (
        <div className="small t-warn" data-testid="conclusion-no-reviewer">
          作出结论前，请先在上方“设置审核人员”：P2 需核对审核人员回避与资格
        </div>
      )}
      {decided > 0 && open.length > 0 && (
        <div className="small t-warn" data-testid="conclusion-open">
          尚有 {open.length} 个要点未认定：{open.join('、')}
          {suggested ? `；按已作出的认定和自动检查，初步建议结论为“${suggested}”` : '；全部认定后给出建议结论'}
          {suggested && !type && adopt}
        </div>
      )}
      {open.length === 0 && suggested && type !== suggested && (
        <div className="muted small" data-testid="conclusion-suggested">
          按各要点的认定，建议结论为“{suggested}”
          {!type && adopt}
        </div>
      )}
      <div className="rv-field-label">
        <label htmlFor={`${id}-text`}>审核意见</label>
        <span className={`rv-save-state${autosave.status.kind === 'error' ? ' t-fail' : ''}`} role="status" aria-live="polite" data-testid="opinion-save-state">
          {statusText(autosave.status)}
        </span>
        {draft.text !== null && (
          <button type="button" className="rv-link" onClick={() => setDraft({ ...draft, text: null })} data-testid="opinion-reset">
            恢复为自动草稿
          </button>
        )}
      </div>
      <Input.TextArea
        id={`${id}-text`}
        value={text}
        onChange={(e) => setDraft({ ...draft, text: e.target.value })}
        autoSize={{ minRows: 3, maxRows: 12 }}
        maxLength={50_000}
        className="rv-opinion-input"
        data-testid="opinion-text"
      />
      {error && <Alert type="error" showIcon title={error} data-testid="conclusion-error" />}
      <div className="rv-conclusion-actions">
        <Button type="primary" loading={busy} onClick={() => void conclude()} data-testid="conclude">
          作出结论
        </Button>
      </div>
    </div>
  );
}
