import { z } from 'zod';
import { Id, Role } from '../domain/values';
import { EmployeeNo } from './procedures/accounts';

/**
 * Local desk profiles (the desktop without a server): several people share one desk, each with a
 * PIN. These inputs cross the IPC bridge on the `desk:*` channels (`DESK_CHANNELS` in `bridge.ts`)
 * and are parsed in main; they are not contract procedures, because they run before anyone is at the desk.
 */
export const PIN_PATTERN = /^\d{4,8}$/;
export const Pin = z.string().regex(PIN_PATTERN, 'pin_invalid');

export const DeskUnlockInput = z.object({ profileId: Id, pin: Pin }).strict();
export type DeskUnlockInput = z.infer<typeof DeskUnlockInput>;

export const DeskCreateProfileInput = z
  .object({
    employeeNo: EmployeeNo,
    name: z.string().trim().min(1, 'required').max(80, 'too_long'),
    role: Role,
    pin: Pin,
  })
  .strict();
export type DeskCreateProfileInput = z.infer<typeof DeskCreateProfileInput>;

/** The desk channels that take no input refuse anything but nothing or `{}`. */
export const DeskNoInput = z.union([z.undefined(), z.object({}).strict()]);

/**
 * The team server a desk syncs with. http(s) only, no user name or password in it, and https unless
 * the server is on this machine (loopback): tokens and customers' data cross that connection. Kept as
 * the origin (scheme, host, port): the desk adds its own paths.
 */
export const SERVER_URL_ISSUES = {
  invalid: 'url_invalid',
  scheme: 'url_scheme',
  https: 'https_required',
  credentials: 'url_credentials',
} as const;

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** scheme :// [user[:password]@] host [:port] [/] — no path, query or fragment: the desk adds its own paths. */
const SERVER_URL = /^([a-z][a-z0-9+.-]*):\/\/(?:([^/?#@]*)@)?(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::(\d{1,5}))?\/?$/i;

export const DeskServerUrl = z
  .string()
  .trim()
  .min(1, 'required')
  .max(500, 'too_long')
  .transform((text, ctx) => {
    const match = SERVER_URL.exec(text);
    const port = match?.[4] === undefined ? undefined : Number(match[4]);
    if (!match || (port !== undefined && (port < 1 || port > 65535))) {
      ctx.addIssue({ code: 'custom', message: SERVER_URL_ISSUES.invalid });
      return z.NEVER;
    }
    const scheme = match[1]!.toLowerCase();
    const host = match[3]!.toLowerCase();
    if (scheme !== 'https' && scheme !== 'http') ctx.addIssue({ code: 'custom', message: SERVER_URL_ISSUES.scheme });
    else if (scheme === 'http' && !isLoopbackHost(host)) ctx.addIssue({ code: 'custom', message: SERVER_URL_ISSUES.https });
    else if (match[2] !== undefined) ctx.addIssue({ code: 'custom', message: SERVER_URL_ISSUES.credentials });
    const defaultPort = scheme === 'https' ? 443 : 80;
    return `${scheme}://${host}${port === undefined || port === defaultPort ? '' : `:${port}`}`;
  });

/** `sync:setServer`: a server, or null for a standalone desk. */
export const DeskSyncServerInput = z.object({ serverUrl: DeskServerUrl.nullable() }).strict();
export type DeskSyncServerInput = z.infer<typeof DeskSyncServerInput>;

/**
 * `sync:signIn`: the person's password on the team server (not their desk PIN). With a server, this is
 * how a person unlocks the desk as their server account; `pin`, when given, is bound to that account on
 * this desk for the next unlock (offline too).
 */
export const DeskSyncSignInInput = z
  .object({
    employeeNo: z.string().trim().min(1, 'required').max(20, 'too_long'),
    password: z.string().min(1, 'required').max(200, 'too_long'),
    pin: Pin.optional(),
  })
  .strict();
export type DeskSyncSignInInput = z.infer<typeof DeskSyncSignInInput>;

/** What the desk says about its team server: pushed on `sync:status` and answered by every `sync:*` call. */
export const DeskSyncState = z.object({
  /** null: standalone, as before sync. */
  serverUrl: z.string().nullable(),
  signedIn: z.boolean(),
  /** Who the desk is signed in as on the server (null while offline at start, or signed out). */
  person: z.object({ employeeNo: z.string(), name: z.string() }).nullable(),
  /** The sign-in survives a restart; false where the OS cannot encrypt it (the password is asked each start). */
  remembered: z.boolean(),
  /** The last request reached the server. */
  online: z.boolean(),
  /** Writes made here not yet on the server. */
  pending: z.number().int().min(0),
  lastError: z.string().nullable(),
});
export type DeskSyncState = z.infer<typeof DeskSyncState>;
