// IPC calls are answered only for our own top-level frame.
import { isAppUrl } from './url-policy';

export interface SenderInfo {
  url: string | undefined;
  isTopFrame: boolean;
}

export function senderAllowed(sender: SenderInfo): boolean {
  return sender.isTopFrame && typeof sender.url === 'string' && isAppUrl(sender.url);
}
