// A finding's chip that points at a case field reads as the field's name (裁量情况), never as the
// app's path to it (case.proposedDecision.discretion), which the review panel showed before.
import { describe, expect, it } from 'vitest';
import { finding } from '../../../src/shared/rules/util';
import { input } from './fixture';
import { runChecks } from '../../../src/shared/rules/index';

describe('field references', () => {
  it('get the field’s name when the check gave none; a label given stays', () => {
    const f = finding('P6', 'x', 'info', 'm', { refs: [{ kind: 'field', id: 'case.proposedDecision.discretion' }, { kind: 'field', id: 'case.proposedDecision.legalBasis.2' }, { kind: 'field', id: 'case.procedure.filedOn', label: '立案 2026-01-02' }] });
    expect(f.refs.map((r) => r.label)).toEqual(['裁量情况', '处罚依据', '立案 2026-01-02']);
  });

  it('no check on the base case (with a hearing and a broken notice date) leaves a path as a chip', () => {
    const all = runChecks(
      input((pkg) => {
        pkg.case.procedure.hearingRequestedOn = pkg.case.procedure.noticeServedOn;
        delete pkg.case.procedure.noticeServedOn;
      }),
    );
    const bare = all.flatMap((f) => f.refs).filter((r) => r.kind === 'field' && (!r.label || r.label.startsWith('case.')));
    expect(bare).toEqual([]);
  });
});
