import WebSocket from 'ws';

/** The part of a WebSocket client the sync runner uses (ws's `WebSocket` has it). */
export interface WebSocketLike {
  on(event: 'open', listener: () => void): unknown;
  on(event: 'message', listener: (data: unknown) => void): unknown;
  on(event: 'close' | 'error', listener: () => void): unknown;
  close(): void;
}

/** Opens the server's event socket with ws: Node's own WebSocket cannot send auth headers. */
export function openWsSocket(url: string, headers: Record<string, string>): WebSocketLike {
  const socket = new WebSocket(url, { headers });
  // An error is followed by close; listening here keeps an unhandled 'error' from throwing.
  socket.on('error', () => undefined);
  return socket;
}
