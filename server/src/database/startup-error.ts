/**
 * A problem that stops the server from starting and that the person starting it can fix.
 * `main` prints its message as one line, without a stack trace.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
