// R-AUTO-2 in Electron: the credential vault sealed by the OS through safeStorage
// (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux). When safeStorage
// has no real backend (Linux "basic_text"), it is not used: the app asks for a passphrase.
import { safeStorage } from 'electron';
import type { SecretBox } from '../src/app/account/secret-box';

export function safeStorageBox(): SecretBox | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return null;
  return {
    kind: 'safe-storage',
    seal: (plain) => safeStorage.encryptString(plain),
    open: (sealed) => safeStorage.decryptString(sealed),
  };
}
