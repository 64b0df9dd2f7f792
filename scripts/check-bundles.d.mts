export interface BundleSpec {
  /** Relative to the app root. */
  file: string;
  kind: 'main' | 'preload';
}
export interface BundleReport {
  bundles: { file: string; kind: 'main' | 'preload'; imports: number; packages: string[] }[];
  problems: string[];
}
export const BUNDLES: BundleSpec[];
export function specifiersOf(code: string, fileName: string): { spec: string; how: 'import' | 'dynamic' | 'require'; names: string[]; from?: string }[];
export function checkBundles(bundles?: BundleSpec[]): Promise<BundleReport>;
