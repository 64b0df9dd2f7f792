// The renderer opens no other windows: in Electron the main process denies them anyway
// (setWindowOpenHandler); in the browser host this is the only guard, so window.open is replaced
// by a function that opens nothing, and cannot be put back (injected script is refused by the CSP).
export function lockWindowOpen(): void {
  Object.defineProperty(window, 'open', { value: () => null, writable: false, configurable: false });
}
