// A failed AppApi call as the UI sees it, whatever the transport: the core's error code
// (and the field it concerns) survive the trip, so screens can say what went wrong.
export class AppCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppCallError';
  }
}
