/** Every refusal of the linker: the message says what was found and what to change. */
export class LinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LinkError';
  }
}
