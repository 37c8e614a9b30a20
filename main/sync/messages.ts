import { type Gateway, outboxGateway } from '../core';

/**
 * The gateway a desk's message dispatcher uses. Connected to a team server, the desk sends nothing
 * itself: its messages (written confirmations, closing summaries, surveys) reach the server with its
 * push and the server delivers them, once, whichever desk wrote or pulled them. A standalone desk
 * (no server in its settings) keeps its own gateway, as before sync.
 */
export function deskGateway(options: { serverUrl: string | null | undefined; standalone: Gateway }): Gateway {
  if (!options.serverUrl) return options.standalone;
  return { ...outboxGateway, name: 'team-server' };
}
