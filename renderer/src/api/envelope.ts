import { AppError, EnvelopeShape } from '../../../shared';

/**
 * Turns whatever a host answered into the value or a thrown AppError. The envelope's shape is
 * checked; the value inside is trusted, because every host builds it from the same contract.
 */
export function unwrapEnvelope<T>(raw: unknown): T {
  const parsed = EnvelopeShape.safeParse(raw);
  if (!parsed.success) throw new AppError('internal', 'The host answered with something that is not an envelope.');
  if (parsed.data.ok) return parsed.data.value as T;
  throw AppError.from(parsed.data.error);
}
