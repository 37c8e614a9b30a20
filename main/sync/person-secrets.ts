import { memorySecretStore, type SecretStore } from './token-session';

/**
 * The refresh tokens of everyone signed in on a shared desk, one per person (keyed by their server
 * account's id). The desktop's seals each through Electron `safeStorage` (`main/app/secret-store.ts`).
 */
export interface PersonSecretStore {
  /** True when the tokens survive a restart (encrypted by the OS); false: memory only. */
  readonly persistent: boolean;
  /** The people with a stored token. */
  people(): Promise<string[]>;
  /** One person's slot. */
  of(personId: string): SecretStore;
}

/** Tokens kept in memory only: the fallback where the OS cannot encrypt, and what tests use. */
export function memoryPersonSecrets(): PersonSecretStore {
  const slots = new Map<string, SecretStore>();
  const of = (personId: string): SecretStore => {
    let slot = slots.get(personId);
    if (!slot) slots.set(personId, (slot = memorySecretStore()));
    return slot;
  };
  return {
    persistent: false,
    async people() {
      const held: string[] = [];
      for (const [id, slot] of slots) if (await slot.get()) held.push(id);
      return held;
    },
    of,
  };
}

/**
 * A sign-in's slot before the server has said who signed in: held in memory until `bind` names the
 * person, then kept (and from then on refreshed) in that person's slot of the store.
 */
export function unboundSecret(store: PersonSecretStore): SecretStore & { bind(personId: string): Promise<void> } {
  let held: string | null = null;
  let slot: SecretStore | null = null;
  return {
    persistent: store.persistent,
    get: async () => (slot ? slot.get() : held),
    async set(secret) {
      if (slot) await slot.set(secret);
      else held = secret;
    },
    async clear() {
      held = null;
      await slot?.clear();
    },
    async bind(personId) {
      slot = store.of(personId);
      if (held !== null) await slot.set(held);
      held = null;
    },
  };
}
