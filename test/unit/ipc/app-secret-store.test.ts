import { describe, expect, it } from 'vitest';
import type { DeskSettings, SettingsStore } from '../../../main/app/desk-settings';
import { createDeskSecretStore, type SafeStorageLike, safeStorageUsable } from '../../../main/app/secret-store';

const TOKEN = `kdr_${'Q'.repeat(43)}`;

/** A stand-in for Electron's safeStorage: "encrypts" by reversing and tagging, so a plain copy is detectable. */
function stubSafeStorage(available: boolean, backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']>): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => Buffer.from(`sealed:${[...plain].reverse().join('')}`),
    decryptString: (sealed) => {
      const text = sealed.toString();
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return [...text.slice('sealed:'.length)].reverse().join('');
    },
  };
}

function memoryStore(initial: Partial<DeskSettings> = {}): SettingsStore & { data: Partial<DeskSettings> } {
  const data: Partial<DeskSettings> = { ...initial };
  return {
    data,
    get: (key) => data[key],
    set: (key, value) => {
      data[key] = value;
    },
    delete: (key) => {
      delete data[key];
    },
  };
}

describe('safeStorageUsable', () => {
  it('needs OS encryption, and on Linux a real keyring rather than basic_text', () => {
    expect(safeStorageUsable(stubSafeStorage(true, 'gnome_libsecret'), 'linux')).toBe(true);
    expect(safeStorageUsable(stubSafeStorage(true, 'kwallet5'), 'linux')).toBe(true);
    expect(safeStorageUsable(stubSafeStorage(true, 'basic_text'), 'linux')).toBe(false);
    expect(safeStorageUsable(stubSafeStorage(false, 'gnome_libsecret'), 'linux')).toBe(false);
    expect(safeStorageUsable(stubSafeStorage(true, 'unknown'), 'win32')).toBe(true);
    expect(safeStorageUsable(stubSafeStorage(false, 'unknown'), 'darwin')).toBe(false);
  });
});

describe('the desk secret store', () => {
  it('seals the refresh token into settings, never in plain, and reads it back after a restart', async () => {
    const settings = memoryStore();
    const safe = stubSafeStorage(true, 'gnome_libsecret');
    const store = createDeskSecretStore(safe, settings, 'linux');
    expect(store.persistent).toBe(true);
    await store.set(TOKEN);
    expect(JSON.stringify(settings.data)).not.toContain(TOKEN);
    expect(settings.data.sealedRefreshToken).toEqual(expect.any(String));
    expect(await createDeskSecretStore(safe, settings, 'linux').get()).toBe(TOKEN);
    await store.clear();
    expect(settings.data.sealedRefreshToken).toBeUndefined();
    expect(await store.get()).toBeNull();
  });

  it('refuses to write when the OS offers only plain text: memory only, nothing in settings, gone after a restart', async () => {
    for (const [safe, platform] of [
      [stubSafeStorage(true, 'basic_text'), 'linux'],
      [stubSafeStorage(false, 'unknown'), 'win32'],
    ] as const) {
      const settings = memoryStore();
      const store = createDeskSecretStore(safe, settings, platform);
      expect(store.persistent).toBe(false);
      await store.set(TOKEN);
      expect(await store.get()).toBe(TOKEN);
      expect(settings.data).toEqual({});
      expect(await createDeskSecretStore(safe, settings, platform).get()).toBeNull();
    }
  });

  it('drops a token sealed earlier once the keyring is gone, and one it cannot decrypt', async () => {
    const settings = memoryStore({ sealedRefreshToken: Buffer.from(`sealed:${TOKEN}`).toString('base64') });
    createDeskSecretStore(stubSafeStorage(true, 'basic_text'), settings, 'linux');
    expect(settings.data.sealedRefreshToken).toBeUndefined();
    const damaged = memoryStore({ sealedRefreshToken: Buffer.from('not sealed').toString('base64') });
    expect(await createDeskSecretStore(stubSafeStorage(true, 'kwallet'), damaged, 'linux').get()).toBeNull();
    expect(damaged.data.sealedRefreshToken).toBeUndefined();
  });
});
