/** Sign-in tables (migration 0008): credentials, sessions and failed attempts. Times are ISO-8601 UTC text. */
export interface AccountTables {
  credentials: { agent_id: string; algorithm: string; params: string; salt: string; hash: string; updated_at: string };
  sessions: {
    id: string;
    /** sha256 (hex) of the session token; the token itself is only ever in the person's cookie. */
    token_hash: string;
    agent_id: string;
    created_at: string;
    expires_at: string;
    last_seen_at: string;
    revoked_at: string | null;
  };
  /** Desk access and refresh tokens (migration 0015), by sha256 only; one sign-in is one family. */
  desk_tokens: {
    id: string;
    token_hash: string;
    kind: 'access' | 'refresh';
    family_id: string;
    agent_id: string;
    client_id: string;
    created_at: string;
    expires_at: string;
    /** A refresh token's one use (rotation); a second use revokes the family. */
    used_at: string | null;
    revoked_at: string | null;
  };
  sign_in_failures: { employee_no: string; failures: number; first_failed_at: string; locked_until: string | null };
}
