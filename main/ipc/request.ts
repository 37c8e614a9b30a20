import { z } from 'zod';

/**
 * The outer shape of one IPC call, checked before core sees it. Core then parses `input` against
 * the procedure's own schema; here we only refuse what is not a call at all.
 */
export const IpcCallRequest = z
  .object({
    procedure: z.string().min(1).max(100),
    input: z.unknown().optional(),
    mutationId: z.string().max(64).optional(),
  })
  .strict();
export type IpcCallRequest = z.infer<typeof IpcCallRequest>;
