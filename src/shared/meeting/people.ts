// Who is listed at a meeting, counted once per person. Names are typed by hand (and pasted from
// notices, where two-character names are often padded with a full-width space: “张　三”), so the
// same person can be entered twice in forms that look different.

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The key two entries of the same person share: NFKC (full-width letters and the full-width
 * space become ASCII), trimmed, and without inner spaces in a Chinese name (spaces only align it)
 * or with runs of spaces collapsed in any other name.
 */
export function personKey(name: string): string {
  const n = name.normalize('NFKC').trim();
  return CJK.test(n) ? n.replace(/\s+/g, '') : n.replace(/\s+/g, ' ').toLowerCase();
}

/** Indexes of entries that repeat an earlier entry's person (blank names are not compared). */
export function repeatedNames(names: readonly string[]): Set<number> {
  const seen = new Set<string>();
  const repeated = new Set<number>();
  names.forEach((name, i) => {
    const key = personKey(name);
    if (!key) return;
    if (seen.has(key)) repeated.add(i);
    seen.add(key);
  });
  return repeated;
}

/** Heads (出席) listed, each person once: what the quorum counts. */
export function distinctMembers(attendees: readonly ({ name?: string | null; role?: string | null } | null | undefined)[]): number {
  return new Set(attendees.filter((a) => a?.role === 'member').map((a) => personKey(a?.name ?? '')).filter(Boolean)).size;
}
