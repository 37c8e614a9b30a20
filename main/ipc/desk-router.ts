import {
  type Agent,
  DESK_CHANNELS,
  DeskCreateProfileInput,
  type DeskProfile,
  type DeskState,
  DeskUnlockInput,
  type Envelope,
  invalidInput,
} from '../../shared';
import { failure, guardedHandler, refuseInput } from './guarded-handler';
import type { DeskLock } from './desk-lock';

/** What the desk router needs of core (`main/core/accounts/desk-profiles.ts`); the app wires it. */
export interface DeskProfilesPort {
  list(): Promise<DeskProfile[]>;
  create(input: DeskCreateProfileInput, by: Agent | null): Promise<DeskProfile>;
  unlock(
    profileId: string,
    pin: string,
  ): Promise<{ ok: true; agent: Agent } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'locked'; until: string }>;
}

export interface DeskRouterOptions<E> {
  profiles: DeskProfilesPort;
  lock: DeskLock;
  /** Who is at the desk now (an unlock, or null on lock): with a team server, whose sign-in acts (`DeskConnection.switchTo`). */
  onPersonChange?: (agent: Agent | null) => void;
  isTrustedSender: (event: E) => boolean;
  onInternalError?: (error: unknown) => void;
}

export type DeskHandler<E> = (event: E, raw?: unknown) => Promise<Envelope<DeskState>>;
export type DeskHandlers<E> = Record<(typeof DESK_CHANNELS)[keyof typeof DESK_CHANNELS], DeskHandler<E>>;

/**
 * The handlers behind the `desk:*` channels (the lock). Each checks the sender like the invoke router,
 * parses its input with zod, and answers an envelope carrying the desk's state; none throws.
 * - `desk:state` — the profiles (no secrets) and who is at the desk.
 * - `desk:unlock` `{ profileId, pin }` — wrong PIN: `unauthenticated` (issue `pin_wrong`); five wrong
 *   within 15 minutes: `rate_limited` with issue `lockedUntil` = the lock's end.
 * - `desk:lock` — nobody at the desk; every invoke is `unauthenticated` until the next unlock.
 * - `desk:createProfile` `{ employeeNo, name, role, pin }` — the first profile on a desk with none, or
 *   by the unlocked admin or supervisor.
 */
export function createDeskRouter<E>(options: DeskRouterOptions<E>): DeskHandlers<E> {
  const state = async (): Promise<DeskState> => {
    const profiles = await options.profiles.list();
    const who = options.lock.peek();
    return {
      profiles,
      // A person signed in with their server password and no PIN here is at the desk without being a profile.
      current: who
        ? (profiles.find((p) => p.id === who.id) ?? { id: who.id, employeeNo: who.employeeNo, name: who.name, role: who.role })
        : null,
      idleLockMinutes: options.lock.idleLockMinutes,
    };
  };

  const guarded = (run: (raw: unknown) => Promise<Envelope<DeskState>>): DeskHandler<E> => guardedHandler(options, run);
  const noInput = refuseInput;

  return {
    [DESK_CHANNELS.state]: guarded(async (raw) => {
      const bad = noInput(raw);
      return bad ? failure(bad) : { ok: true, value: await state() };
    }),
    [DESK_CHANNELS.lock]: guarded(async (raw) => {
      const bad = noInput(raw);
      if (bad) return failure(bad);
      options.lock.lock();
      options.onPersonChange?.(null);
      return { ok: true, value: await state() };
    }),
    [DESK_CHANNELS.unlock]: guarded(async (raw) => {
      const parsed = DeskUnlockInput.safeParse(raw);
      if (!parsed.success) return failure(invalidInput(parsed.error).toShape());
      const result = await options.profiles.unlock(parsed.data.profileId, parsed.data.pin);
      if (!result.ok && result.reason === 'locked')
        return failure({
          code: 'rate_limited',
          message: `Too many wrong PINs. This profile is locked until ${result.until}.`,
          issues: [{ path: 'lockedUntil', message: result.until }],
        });
      if (!result.ok) return failure({ code: 'unauthenticated', message: 'Wrong PIN.', issues: [{ path: 'pin', message: 'pin_wrong' }] });
      options.lock.unlock(result.agent);
      options.onPersonChange?.(result.agent);
      return { ok: true, value: await state() };
    }),
    [DESK_CHANNELS.createProfile]: guarded(async (raw) => {
      const parsed = DeskCreateProfileInput.safeParse(raw);
      if (!parsed.success) return failure(invalidInput(parsed.error).toShape());
      const by = options.lock.peek();
      await options.profiles.create(parsed.data, by);
      return { ok: true, value: await state() };
    }),
  };
}
