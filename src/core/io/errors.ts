/** A problem with one input, phrased for the user; the file name is added by `decodeInput`. */
export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}
