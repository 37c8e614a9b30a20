import { createHash } from 'node:crypto';
import { AppError, canonicalJson, type Envelope, invalidInput, isProcedureName, type ProcedureName, procedures } from '../../shared';
import type { CallContext, CoreDeps } from './context';
import { type CallMeta, implementations } from './procedures';

export interface DispatchRequest {
  procedure: string;
  input: unknown;
  mutationId?: string | undefined;
}

export interface DispatchOptions {
  /** Called with unexpected (non-AppError) failures, which the caller sees only as `internal`. */
  onInternalError?: (error: unknown, request: DispatchRequest) => void;
}

const MutationIdShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a mutation id was used for: the procedure, who called it and what they asked, after parsing. */
function requestHash(procedure: string, actorId: string, input: unknown): string {
  return createHash('sha256').update(canonicalJson({ procedure, actorId, input })).digest('hex');
}

async function run(deps: CoreDeps, request: DispatchRequest, ctx: CallContext): Promise<unknown> {
  if (!isProcedureName(request.procedure)) throw new AppError('unknown_procedure', `Unknown procedure "${request.procedure}".`);
  const name: ProcedureName = request.procedure;
  const spec = procedures[name];
  if (!(spec.roles as readonly string[]).includes(ctx.actor.role))
    throw new AppError('forbidden', `Your role (${ctx.actor.role}) may not call ${name}.`);
  const parsed = spec.input.safeParse(request.input ?? {});
  if (!parsed.success) throw invalidInput(parsed.error);
  if (request.mutationId !== undefined && !MutationIdShape.test(request.mutationId))
    throw new AppError('invalid_input', 'mutationId must be a UUID.', [{ path: 'mutationId', message: 'invalid' }]);
  const meta: CallMeta =
    spec.kind === 'mutation'
      ? { mutationId: request.mutationId, request: requestHash(name, ctx.actor.id, parsed.data) }
      : { mutationId: undefined };
  const impl = implementations[name] as (d: CoreDeps, i: unknown, c: CallContext, m: CallMeta) => Promise<unknown>;
  return impl(deps, parsed.data, ctx, meta);
}

/**
 * The one entry point both hosts use: contract lookup → role check → input parse → core →
 * envelope. Nothing thrown escapes; unexpected errors become `internal` without internals.
 */
export async function dispatch(
  deps: CoreDeps,
  request: DispatchRequest,
  ctx: CallContext,
  options: DispatchOptions = {},
): Promise<Envelope<unknown>> {
  try {
    return { ok: true, value: await run(deps, request, ctx) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toShape() };
    options.onInternalError?.(error, request);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong on our side. Nothing was changed.' } };
  }
}
