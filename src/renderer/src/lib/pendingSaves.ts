// Text typed but not yet saved (the save-as-you-type fields wait a moment after the last key) is
// saved before the page goes away — a reload, the window closed — and before this window locks the
// workstation; without this the last half second of typing was lost. Each field registers its flush
// while mounted; the message to the back end leaves at once, so it arrives although the page is going.
const flushers = new Set<() => unknown>();
let listening = false;

export function registerPendingSave(flush: () => unknown): () => void {
  if (!listening) {
    listening = true;
    window.addEventListener('pagehide', () => void flushPendingSaves());
  }
  flushers.add(flush);
  return () => {
    flushers.delete(flush);
  };
}

/** Every field's pending text sent now; resolves when all saves have answered (failures stay on their field). */
export async function flushPendingSaves(): Promise<void> {
  await Promise.allSettled([...flushers].map((f) => Promise.resolve().then(f)));
}
