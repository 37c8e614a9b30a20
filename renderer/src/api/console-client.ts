import type { ApiClient } from '../../../shared';
import type { ConnectionState } from './event-socket';

/**
 * The contract's ApiClient plus what a screen needs to say whether live updates are flowing,
 * and a way to let go of the connection (tests, page teardown).
 */
export interface ConsoleClient extends ApiClient {
  connectionState(): ConnectionState;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}
