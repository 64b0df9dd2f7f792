export interface Scratch {
  dir: string;
  env: Record<'TMPDIR' | 'TEMP' | 'TMP' | 'FASHEN_TEST_SCRATCH', string>;
  remove(): string | null;
}
export function makeScratch(prefix: string): Scratch;
