// review.* and settings.* handlers.
import type { Handlers } from '../dispatch';
import type { Workstation } from '../workstation';

type ReviewHandlers = Pick<Handlers, 'review.get' | 'review.setPoint' | 'review.override' | 'review.clearOverride' | 'review.conclude' | 'review.saveDraft' | 'review.reopen' | 'settings.getReviewer' | 'settings.setReviewer'>;

export function reviewHandlers(ws: Workstation): ReviewHandlers {
  const r = ws.review;
  return {
    'review.get': ({ caseId }) => r.get(caseId),
    'review.setPoint': ({ caseId, point, ...patch }) => r.setPoint(caseId, point, patch),
    'review.override': ({ caseId, check, reason }) => r.override(caseId, check, reason),
    'review.clearOverride': ({ caseId, check }) => r.clearOverride(caseId, check),
    'review.conclude': ({ caseId, type, opinionText }) => r.conclude(caseId, type, opinionText),
    'review.saveDraft': ({ caseId, draft }) => r.saveDraft(caseId, draft),
    'review.reopen': ({ caseId }) => r.reopen(caseId),
    'settings.getReviewer': () => r.reviewer(),
    'settings.setReviewer': (profile) => r.setReviewer(profile),
  };
}
