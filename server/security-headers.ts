import type { FastifyReply } from 'fastify';
import { contentSecurityPolicyFor } from '../shared';

/** Headers on every answer; the CSP by path (only the decision-table editor's page may compile WebAssembly). */
export function setSecurityHeaders(reply: FastifyReply, url: string): void {
  reply.header('Content-Security-Policy', contentSecurityPolicyFor(url));
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Referrer-Policy', 'no-referrer');
  reply.header('X-Frame-Options', 'DENY');
  reply.header('Cross-Origin-Opener-Policy', 'same-origin');
}
