import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../../shared';
import type { BenchContext } from '../measure';

/**
 * Calls core through the same dispatch the IPC router and the server use (role check, input parse,
 * envelope), and fails the run on an error envelope: a benchmark of failing calls measures nothing.
 */
export async function callCore<P extends ProcedureName>(
  ctx: BenchContext,
  procedure: P,
  input: ProcedureInput<P>,
): Promise<ProcedureOutput<P>> {
  const envelope = await ctx.core.call({ procedure, input }, { actor: ctx.actor });
  if (!envelope.ok) throw new Error(`${procedure} failed: ${envelope.error.code}: ${envelope.error.message}`);
  // Core's implementation returns the contract's output type for P; dispatch erases it to unknown.
  return envelope.value as ProcedureOutput<P>;
}
