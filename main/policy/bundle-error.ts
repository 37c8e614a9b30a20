/** A policy bundle that cannot be used: which file, and what is wrong with it. Refused at start-up. */
export class PolicyBundleError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`Policy bundle refused: ${file}: ${problem}`);
    this.name = 'PolicyBundleError';
  }
}
