/**
 * Checks a merged map against `Shape` with no key missing (the `Shape` constraint) and none extra
 * (an extra key's type becomes `never`, which no value has): `exactly<Shape>()({ ...a, ...b })`.
 */
export function exactly<Shape>() {
  return <T extends Shape>(value: T & Record<Exclude<keyof T, keyof Shape>, never>): Shape => value;
}
