import type { SafeStorage } from 'electron';
import { memoryPersonSecrets, type PersonSecretStore } from '../sync/person-secrets';
import type { SecretStore } from '../sync/token-session';
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
 * The refresh tokens of the people signed in on this desk, one per person: each sealed by `safeStorage`
 * into settings.json when the OS encrypts it, else kept in memory only (`persistent: false`) — the desk
 * then asks for the password at each start rather than write a token where anyone who copies the file
 * could use it.
 */
export function createDeskSecretStore(safeStorage: SafeStorageLike, settings: SettingsStore, platform: NodeJS.Platform): PersonSecretStore {
  // Earlier versions kept one token for the whole desk; whose it is is unknown, so it is not used.
  settings.delete('sealedRefreshToken');
  if (!safeStorageUsable(safeStorage, platform)) {
    // Tokens sealed earlier (another backend, say) are not trusted now either.
    settings.delete('sealedRefreshTokens');
    return memoryPersonSecrets();
  }
  const sealed = (): Record<string, string> => {
    const all = settings.get('sealedRefreshTokens');
    return all && typeof all === 'object' ? { ...all } : {};
  };
  const write = (all: Record<string, string>) =>
    Object.keys(all).length > 0 ? settings.set('sealedRefreshTokens', all) : settings.delete('sealedRefreshTokens');
  const of = (personId: string): SecretStore => ({
    persistent: true,
    async get() {
      const mine = sealed()[personId];
      if (typeof mine !== 'string' || mine === '') return null;
      try {
        return safeStorage.decryptString(Buffer.from(mine, 'base64'));
      } catch {
        // Sealed under another OS key (a restored profile): useless here; this person signs in again.
        const all = sealed();
        delete all[personId];
        write(all);
        return null;
      }
    },
    async set(secret) {
      write({ ...sealed(), [personId]: safeStorage.encryptString(secret).toString('base64') });
    },
    async clear() {
      const all = sealed();
      delete all[personId];
      write(all);
    },
  });
  return {
    persistent: true,
    people: async () => Object.keys(sealed()),
    of,
  };
}
