import type { Agent } from '../../shared';

/** Close code for a live-update socket whose session ended (sign-out, expiry, a disabled account). */
export const SESSION_ENDED = 4401;

interface LiveSocket {
  agent: Agent;
  /** null: a test-mode socket without a session. */
  token: string | undefined;
  /** A desk's socket: the token family it was opened with. */
  familyId?: string;
  close(): void;
}

/** The open live-update sockets, so ending a session can close its sockets at once. */
export class LiveSockets {
  private readonly sockets = new Set<LiveSocket>();

  add(socket: LiveSocket): () => void {
    this.sockets.add(socket);
    return () => this.sockets.delete(socket);
  }

  /** Closes every socket opened with this session token. */
  closeSession(token: string): void {
    for (const socket of [...this.sockets]) if (socket.token === token) socket.close();
  }

  /** Closes every socket a desk opened with a token of this family (the desk signed out). */
  closeFamily(familyId: string): void {
    for (const socket of [...this.sockets]) if (socket.familyId === familyId) socket.close();
  }

  get size(): number {
    return this.sockets.size;
  }
}
