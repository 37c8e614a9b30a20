/** The first characters of a policy bundle's sha256: enough to tell versions apart at a glance. */
export function shortVersion(version: string): string {
  return version.slice(0, 8);
}
