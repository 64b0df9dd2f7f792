// Signing keys on the desktop are wrapped by the OS keychain (Electron safeStorage: Keychain on
// macOS, DPAPI on Windows, libsecret/kwallet on Linux) instead of a passphrase.
import { safeStorage } from 'electron';
import type { KeyProtector } from '../services/signing/index';

export function safeStorageProtector(): KeyProtector | undefined {
  // On Linux without a secret service Electron falls back to a hard-coded key ('basic_text'):
  // that protects nothing, so keep the passphrase there.
  if (!safeStorage.isEncryptionAvailable() || (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')) return undefined;
  return {
    kind: 'os',
    wrap: async (plain) => new Uint8Array(safeStorage.encryptString(Buffer.from(plain).toString('base64'))),
    unwrap: async (wrapped) => new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(wrapped)), 'base64')),
  };
}
