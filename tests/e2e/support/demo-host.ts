// A spec's own host with the demo cases, started once per worker: for specs that change what they
// find (conclude, sign, meet), so that they neither see nor disturb another spec's cases on the
// shared workstationHost (fixtures.ts). `prepare` runs once after the demo cases are loaded.
import { callApi, startHost, test as base, type RunningHost } from '../fixtures';

/** Call once per spec file: each call is a test type with a host of its own. */
export const demoHostTest = (prepare?: (host: RunningHost) => Promise<void>) =>
  base.extend<object, { demoHost: RunningHost }>({
    demoHost: [
      async ({}, use) => {
        const host = await startHost();
        await callApi(host, 'cases.loadDemo', {});
        await prepare?.(host);
        await use(host);
        host.stop();
      },
      { scope: 'worker', timeout: 120_000 },
    ],
  });
