/** How long a session lives and how wrong passwords are counted. One place, so docs and tests agree. */
export const ACCOUNT_RULES = {
  /** A session ends this long after sign-in, however busy. */
  sessionAbsoluteMs: 12 * 60 * 60_000,
  /** …and after this long without a call. */
  sessionIdleMs: 2 * 60 * 60_000,
  /** last_seen_at is written at most this often, so a busy desk does not write on every read. */
  lastSeenWriteMs: 60_000,
  /** A desk's access token lives this long; the desk refreshes it before then. */
  deskAccessMs: 15 * 60_000,
  /** A desk's refresh token lives this long unused; each use replaces it with a new one. */
  deskRefreshMs: 30 * 24 * 60 * 60_000,
  /** This many wrong passwords in a row (within `lockoutMs` of the first) lock the account… */
  maxFailures: 5,
  /** …for this long. */
  lockoutMs: 15 * 60_000,
} as const;
