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
  const ANA = '00000000-0000-4000-8000-0000000000a1';
  const BO = '00000000-0000-4000-8000-0000000000b2';
  const OTHER = `kdr_${'R'.repeat(43)}`;

  it('seals each person’s refresh token into settings, never in plain, and reads them back after a restart', async () => {
    const settings = memoryStore();
    const safe = stubSafeStorage(true, 'gnome_libsecret');
    const store = createDeskSecretStore(safe, settings, 'linux');
    expect(store.persistent).toBe(true);
    await store.of(ANA).set(TOKEN);
    await store.of(BO).set(OTHER);
    expect(JSON.stringify(settings.data)).not.toContain(TOKEN);
    expect(JSON.stringify(settings.data)).not.toContain(OTHER);
    expect(Object.keys(settings.data.sealedRefreshTokens ?? {}).sort()).toEqual([ANA, BO]);
    const again = createDeskSecretStore(safe, settings, 'linux');
    expect((await again.people()).sort()).toEqual([ANA, BO]);
    expect(await again.of(ANA).get()).toBe(TOKEN);
    expect(await again.of(BO).get()).toBe(OTHER);
    // One person's sign-out leaves the other's.
    await store.of(ANA).clear();
    expect(await store.of(ANA).get()).toBeNull();
    expect(await store.of(BO).get()).toBe(OTHER);
    await store.of(BO).clear();
    expect(settings.data.sealedRefreshTokens).toBeUndefined();
    expect(await store.people()).toEqual([]);
  });

  it('refuses to write when the OS offers only plain text: memory only, nothing in settings, gone after a restart', async () => {
    for (const [safe, platform] of [
      [stubSafeStorage(true, 'basic_text'), 'linux'],
      [stubSafeStorage(false, 'unknown'), 'win32'],
    ] as const) {
      const settings = memoryStore();
      const store = createDeskSecretStore(safe, settings, platform);
      expect(store.persistent).toBe(false);
      await store.of(ANA).set(TOKEN);
      expect(await store.of(ANA).get()).toBe(TOKEN);
      expect(await store.people()).toEqual([ANA]);
      expect(settings.data).toEqual({});
      expect(await createDeskSecretStore(safe, settings, platform).of(ANA).get()).toBeNull();
    }
  });

  it('drops tokens sealed earlier once the keyring is gone, one it cannot decrypt, and the old single desk token', async () => {
    const settings = memoryStore({ sealedRefreshTokens: { [ANA]: Buffer.from(`sealed:${TOKEN}`).toString('base64') } });
    createDeskSecretStore(stubSafeStorage(true, 'basic_text'), settings, 'linux');
    expect(settings.data.sealedRefreshTokens).toBeUndefined();
    const damaged = memoryStore({
      sealedRefreshTokens: {
        [ANA]: Buffer.from('not sealed').toString('base64'),
        [BO]: Buffer.from(`sealed:${[...OTHER].reverse().join('')}`).toString('base64'),
      },
    });
    const store = createDeskSecretStore(stubSafeStorage(true, 'kwallet'), damaged, 'linux');
    expect(await store.of(ANA).get()).toBeNull();
    expect(Object.keys(damaged.data.sealedRefreshTokens ?? {})).toEqual([BO]);
    expect(await store.of(BO).get()).toBe(OTHER);
    const legacy = memoryStore({ sealedRefreshToken: Buffer.from(`sealed:${TOKEN}`).toString('base64') });
    expect(await createDeskSecretStore(stubSafeStorage(true, 'kwallet'), legacy, 'linux').people()).toEqual([]);
    expect(legacy.data.sealedRefreshToken).toBeUndefined();
  });
});
