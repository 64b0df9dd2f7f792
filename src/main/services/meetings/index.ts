// The meeting services of one workstation: set-up and records, the audience view, the minutes.
import type { Workstation } from '../../workstation';
import { AudienceService } from './audience-service';
import { AudienceGrants } from './audience-grants';
import { MinutesService } from './minutes-service';
import { MeetingService } from './service';
import { SignerKeys } from './signer-keys';

export { MeetingService } from './service';

export function createMeetingService(ws: Workstation): MeetingService {
  const meetings = new MeetingService(ws);
  const keys = new SignerKeys(ws.dataDir, ws.opinions.keys, () => ws.review.reviewer()?.name ?? null, ws.opts.osProtector);
  meetings.minutes = new MinutesService(ws, meetings, keys);
  meetings.audience = new AudienceService(ws, meetings);
  meetings.grants = new AudienceGrants(meetings);
  return meetings;
}
