// When the reviewer is told how few reserved 文号 are left: the sign dialog before signing (counting
// the number the preview shows) and `fashen opinion sign` after (counting what is left once it was
// used). One rule for both, applied to the count that is printed.

/** Fewer than this left: say how many. */
export const POOL_LOW = 10;

export const isPoolLow = (left: number): boolean => left < POOL_LOW;

/** 本机尚余预留文号 N 个, or null while enough are left. */
export const lowPoolNotice = (left: number): string | null => (isPoolLow(left) ? `本机尚余预留文号 ${left} 个` : null);
