// FASHEN_TODAY fixes "today" (demos, training, tests that run the host or the CLI as a child
// process), so that the browser host and `fashen` count review periods from the same day.
export const TODAY_ENV = 'FASHEN_TODAY';

/** The Workstation option for a fixed today, or nothing; a malformed date is refused, not ignored. */
export function todayOption(env: NodeJS.ProcessEnv = process.env): { today?: () => string } {
  const raw = env[TODAY_ENV];
  if (raw === undefined || raw === '') return {};
  // A calendar date that exists (2026-02-30 does not round-trip).
  const real = /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) && new Date(`${raw}T00:00:00Z`).toISOString().slice(0, 10) === raw;
  if (!real) {
    throw new FixedTodayError(`${TODAY_ENV} 应为 YYYY-MM-DD 格式的日期，如 2026-11-20（收到：${raw}）`);
  }
  return { today: () => raw };
}

export class FixedTodayError extends Error {}
