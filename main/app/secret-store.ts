import type { SafeStorage } from 'electron';
import { memorySecretStore, type SecretStore } from '../sync/token-session';
import type { SettingsStore } from './desk-settings';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

/**
 * Whether the OS really encrypts what `safeStorage` seals. Not when encryption is unavailable, and
 * not on Linux with the 'basic_text' backend (no keyring: Chromium "encrypts" with a fixed key, so a
 * copied settings file would carry a usable sign-in).
 */
export function safeStorageUsable(safeStorage: SafeStorageLike, platform: NodeJS.Platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return !(platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
}

/**
 * The desk's refresh token: sealed by `safeStorage` into settings.json when the OS encrypts it, else
 * kept in memory only (`persistent: false`) — the desk then asks for the password at each start
 * rather than write the token where anyone who copies the file could use it.
 */
export function createDeskSecretStore(safeStorage: SafeStorageLike, settings: SettingsStore, platform: NodeJS.Platform): SecretStore {
  if (!safeStorageUsable(safeStorage, platform)) {
    // A token sealed earlier (another backend, say) is not trusted now either.
    settings.delete('sealedRefreshToken');
    return memorySecretStore();
  }
  return {
    persistent: true,
    async get() {
      const sealed = settings.get('sealedRefreshToken');
      if (typeof sealed !== 'string' || sealed === '') return null;
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        // Sealed under another OS key (a restored profile): useless here; sign in again.
        settings.delete('sealedRefreshToken');
        return null;
      }
    },
    async set(secret) {
      settings.set('sealedRefreshToken', safeStorage.encryptString(secret).toString('base64'));
    },
    async clear() {
      settings.delete('sealedRefreshToken');
    },
  };
}
