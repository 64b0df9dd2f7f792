// Right after `fashen login`: this workstation's signing keys are registered with the central
// system (and revocations made offline reported), so the next signature already carries the central
// certificate. Anything that cannot be done now is done by the next `fashen sync`.
import type { Io } from '../main';
import { ReviewerKeys } from '../../main/services/opinions/keys';
import { keyReportLines } from '../../main/services/sync/keys-report-text';

export async function enrolAfterLogin(home: string, io: Io): Promise<void> {
  const keys = new ReviewerKeys(home);
  // Also with no key yet: the trust roots and the bundle key are learnt here (offline bundles need them).
  const contact = await keys.contactCentral();
  if (!keys.store.listKeys().length) return;
  for (const line of keyReportLines(contact, 'cli')) {
    if (line.problem) io.err(`${line.text}\n`);
    else io.out(`${line.text}\n`);
  }
}
