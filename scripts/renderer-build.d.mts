export function buildRenderer(opts?: { force?: boolean }): void;
