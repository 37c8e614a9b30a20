import { randomUUID } from 'node:crypto';
import { DeskServerUrl } from '../../shared';

/** What the desk keeps between runs (electron-store, userData/settings.json). */
export interface DeskSettings {
  /** Identifies this desk's replica in every mutation it mints. Generated once, never changed. */
  clientId?: string;
  /** Start a new database with no demo data (only the desk's own agent). */
  startEmpty: boolean;
  /** Minutes without a call before the desk locks itself (1–240; default 15). */
  idleLockMinutes?: number;
  /** The team server this desk syncs with (`serverUrlSetting` validates it); none: the desk stays standalone. */
  serverUrl?: string;
  /**
   * Each signed-in person's refresh token (by their server account's id), encrypted by the OS
   * (`safeStorage`), base64. Never written in plain.
   */
  sealedRefreshTokens?: Record<string, string>;
  /** The single-person token of earlier versions: whose it is is unknown, so it is dropped (they sign in again). */
  sealedRefreshToken?: string;
}

export const DESK_SETTINGS_DEFAULTS: DeskSettings = { startEmpty: false };

export const IDLE_LOCK_DEFAULT_MINUTES = 15;

/** The idle lock from the desk setting: a whole number of minutes from 1 to 240, else the default. */
export function idleLockMinutes(setting: unknown): number {
  return typeof setting === 'number' && Number.isInteger(setting) && setting >= 1 && setting <= 240 ? setting : IDLE_LOCK_DEFAULT_MINUTES;
}

/** The part of electron-store the desk uses; a Map-backed fake fits it in tests. */
export interface SettingsStore {
  get<K extends keyof DeskSettings>(key: K): DeskSettings[K] | undefined;
  set<K extends keyof DeskSettings>(key: K, value: DeskSettings[K]): void;
  delete(key: keyof DeskSettings): void;
}

const CLIENT_ID = /^desk-[0-9a-f-]{36}$/;

/**
 * The desk's stable client id. Mutations from this desk carry it; if it changed, the team server
 * could not tell this desk's sequence apart from another's. A missing or damaged value is replaced.
 */
export function ensureClientId(store: SettingsStore, mint: () => string = () => `desk-${randomUUID()}`): string {
  const existing = store.get('clientId');
  if (typeof existing === 'string' && CLIENT_ID.test(existing)) return existing;
  const fresh = mint();
  store.set('clientId', fresh);
  return fresh;
}

export interface StartEmptyInput {
  setting: boolean | undefined;
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
}

/** The same switches as the browser host: --empty or KEPT_EMPTY=1, plus the desk setting. */
export function shouldStartEmpty(input: StartEmptyInput): boolean {
  return input.setting === true || input.argv.includes('--empty') || input.env.KEPT_EMPTY === '1';
}

/** The team server from the desk setting, or null (standalone) when there is none or it is not a valid server address. */
export function serverUrlSetting(setting: unknown): string | null {
  const parsed = DeskServerUrl.safeParse(setting);
  return parsed.success ? parsed.data : null;
}
