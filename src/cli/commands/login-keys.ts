// Right after `fashen login`: this workstation's signing keys are registered with the central
// system (and revocations made offline reported), so the next signature already carries the central
// certificate. Anything that cannot be done now is done by the next `fashen sync`.
import type { Io } from '../main';
import { ReviewerKeys } from '../../main/services/opinions/keys';

export async function enrolAfterLogin(home: string, io: Io): Promise<void> {
  const keys = new ReviewerKeys(home);
  if (!keys.store.listKeys().length) return;
  const { report, error } = await keys.contactCentral();
  if (error) {
    io.err(`签名密钥未能登记到中心系统（${error}）：下次同步时重试\n`);
    return;
  }
  for (const id of report?.enrolled ?? []) io.out(`已将签名密钥 ${id} 登记到中心系统：此后的签名使用中心签发的证书\n`);
  for (const id of report?.revoked ?? []) io.out(`已告知中心系统：签名密钥 ${id} 已吊销\n`);
  for (const r of report?.refused ?? []) io.err(`签名密钥 ${r.keyId} 未能登记到中心系统：${r.reason}\n`);
}
