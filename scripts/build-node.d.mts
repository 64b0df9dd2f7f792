export const ENTRIES: Record<'cli' | 'host', { entry: string; out: string; banner?: string }>;
export function buildNode(names?: ('cli' | 'host')[], opts?: { force?: boolean }): Promise<void>;
export function newest(dir: string): number;
export const BUNDLED: string[];
export function externals(): string[];
export function nodeBundleOptions(): import('esbuild').BuildOptions;
export function buildConfigTime(): number;
