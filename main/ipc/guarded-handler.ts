import { type AppErrorShape, DeskNoInput, type Envelope, invalidInput, isAppError } from '../../shared';

export const failure = (error: AppErrorShape): Envelope<never> => ({ ok: false, error });

export interface GuardOptions<E> {
  isTrustedSender: (event: E) => boolean;
  onInternalError?: (error: unknown) => void;
}

/**
 * Wraps a desk-side channel's handler (`desk:*`, `sync:*`): the sender is checked first (a throwing
 * check counts as untrusted), a typed error becomes its envelope, anything else `internal` with
 * nothing said of it to the page. The handler never throws.
 */
export function guardedHandler<E, T>(
  options: GuardOptions<E>,
  run: (raw: unknown) => Promise<Envelope<T>>,
): (event: E, raw?: unknown) => Promise<Envelope<T>> {
  return async (event, raw) => {
    let trusted = false;
    try {
      trusted = options.isTrustedSender(event);
    } catch {
      trusted = false;
    }
    if (!trusted) return failure({ code: 'forbidden', message: 'This page may not call Kept.' });
    try {
      return await run(raw);
    } catch (error) {
      if (isAppError(error)) return failure(error.toShape());
      options.onInternalError?.(error);
      return failure({ code: 'internal', message: 'Something went wrong on our side. Nothing was changed.' });
    }
  };
}

/** A channel that takes no input: its refusal when something was sent anyway, or null. */
export function refuseInput(raw: unknown): AppErrorShape | null {
  const parsed = DeskNoInput.safeParse(raw);
  return parsed.success ? null : invalidInput(parsed.error).toShape();
}
