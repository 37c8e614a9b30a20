/**
 * Deterministic UUIDv7-shaped ids for the synthetic database.
 *
 * Layout as RFC 9562: 48-bit Unix ms | version 7 | 12 bits | variant 0b10 | 62 bits. The "random"
 * bits are a row kind and a per-kind serial instead, so the same sizes always give the same file
 * and ids minted in time order also sort in time order, as `newId()` ids do in the field.
 * (uuid's v7() would be just as valid but is slower and not reproducible.)
 */
export const IdKind = {
  agent: 1,
  customer: 2,
  case: 3,
  contact: 4,
  note: 5,
  commitment: 6,
  escalation: 7,
  message: 8,
  survey: 9,
  review: 10,
} as const;
export type IdKind = (typeof IdKind)[keyof typeof IdKind];

export function uuidV7At(ms: number, kind: IdKind, serial: number): string {
  const time = ms.toString(16).padStart(12, '0');
  const tail = serial.toString(16).padStart(15, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${kind.toString(16)}00-8${tail.slice(0, 3)}-${tail.slice(3)}`;
}
