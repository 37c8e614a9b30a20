import { z } from 'zod';

/** Every failure a host can return. The UI maps each code (and issue message) to words a person understands. */
export const ErrorCode = z.enum([
  'invalid_input',
  'not_found',
  'forbidden',
  'unauthenticated',
  'rate_limited',
  'conflict',
  'unknown_procedure',
  'bad_request',
  'payload_too_large',
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorIssue = z.object({ path: z.string(), message: z.string() });
export type ErrorIssue = z.infer<typeof ErrorIssue>;

export const AppErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(ErrorIssue).optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

/** A typed failure: thrown in core, carried across IPC and HTTP as data, rethrown in the client. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[] | undefined;
  constructor(code: ErrorCode, message: string, issues?: ErrorIssue[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }
  toShape(): AppErrorShape {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
  static from(shape: AppErrorShape): AppError {
    return new AppError(shape.code, shape.message, shape.issues);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** What every host returns for every call: a value, or a typed error. Never a bare exception. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const EnvelopeShape = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorShape }),
]);

/** Turns a zod failure into the typed `invalid_input` error, keeping which field and why. */
export function invalidInput(error: z.ZodError): AppError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return new AppError('invalid_input', issues.map((i) => `${i.path || 'input'}: ${i.message}`).join('; '), issues);
}
