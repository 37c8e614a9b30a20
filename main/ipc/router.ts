import { type Agent, type AppErrorShape, type Envelope, invalidInput } from '../../shared';
import type { Core } from '../core';
import { IpcCallRequest } from './request';

export interface IpcRouterOptions<E> {
  core: Pick<Core, 'call'>;
  /** Who is at the desk (see `DeskActor`); null: nobody has unlocked it, and every call is `unauthenticated`. */
  resolveActor: () => Agent | null | Promise<Agent | null>;
  /** True only for our window's main frame showing our own page. */
  isTrustedSender: (event: E) => boolean;
  /** Unexpected failures outside core (core reports its own through its dispatch options). */
  onInternalError?: (error: unknown) => void;
}

export type IpcInvokeHandler<E> = (event: E, rawRequest: unknown) => Promise<Envelope<unknown>>;

function failure(error: AppErrorShape): Envelope<never> {
  return { ok: false, error };
}

/**
 * The handler behind IPC_CHANNELS.invoke: check the sender → check the request's shape → core
 * (contract lookup, role check, input parse) → envelope. It never throws, so the renderer always
 * gets a typed answer instead of Electron's stringified exception.
 */
export function createIpcRouter<E>(options: IpcRouterOptions<E>): IpcInvokeHandler<E> {
  return async (event, rawRequest) => {
    let trusted = false;
    try {
      trusted = options.isTrustedSender(event);
    } catch {
      trusted = false;
    }
    if (!trusted) return failure({ code: 'forbidden', message: 'This page may not call Kept.' });

    const parsed = IpcCallRequest.safeParse(rawRequest);
    if (!parsed.success) {
      const shape = invalidInput(parsed.error).toShape();
      return failure({ ...shape, code: 'bad_request', message: `Not a Kept call: ${shape.message}` });
    }

    const { procedure, input, mutationId } = parsed.data;
    try {
      const actor = await options.resolveActor();
      if (!actor) return failure({ code: 'unauthenticated', message: 'Choose your profile at this desk first.' });
      return await options.core.call({ procedure, input: input ?? {}, mutationId }, { actor });
    } catch (error) {
      options.onInternalError?.(error);
      return failure({ code: 'internal', message: 'Something went wrong on our side. Nothing was changed.' });
    }
  };
}
