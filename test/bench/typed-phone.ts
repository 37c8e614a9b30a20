/**
 * The ways agents type a mainland mobile number they read off a ticket or hear on the line, all of
 * which the lookup must normalise: "138 0013 8000", "138-0013-8000", "13800138000",
 * "+86 138 0013 8000". Rotated by sample index so every form is measured.
 */
export function typedLike(e164: string, index: number): string {
  const national = e164.replace(/^\+86/, '');
  const spaced = `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
  switch (index % 4) {
    case 0:
      return spaced;
    case 1:
      return spaced.replaceAll(' ', '-');
    case 2:
      return national;
    default:
      return `+86 ${spaced}`;
  }
}
