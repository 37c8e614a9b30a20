import { z } from 'zod';

export const Entity = z.enum([
  'agent',
  'customer',
  'case',
  'contact',
  'note',
  'fact',
  'incident',
  'commitment',
  'message',
  'escalation',
  'decision',
  'review',
  'survey',
  /** A published policy bundle: hosts that hear it load the active one (`main/core/policy/`). */
  'policy',
]);
export type Entity = z.infer<typeof Entity>;

/** Pushes from main or server to the UI. A UI that hears `changed` re-reads what it shows. */
export const events = {
  changed: z.object({ entity: Entity, id: z.string(), customerId: z.string().nullable() }),
  /** A commitment fell due (its owner is told) or was marked broken (it was escalated). */
  alert: z.object({
    kind: z.enum(['commitment_due', 'commitment_broken']),
    commitmentId: z.string(),
    ownerId: z.string(),
    caseId: z.string(),
    customerId: z.string(),
    wording: z.string(),
    dueAt: z.string(),
  }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
