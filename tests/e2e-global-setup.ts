// Playwright's global set-up: temporary folders of the hosts and Chromium under one removed folder.
import { useScratchTmp } from './scratch-tmp';

export default function setup(): () => void {
  return useScratchTmp('fashen-e2e-run-');
}
