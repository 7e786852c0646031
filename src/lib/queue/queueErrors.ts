export class QueueSendError extends Error {
  override readonly name = 'QueueSendError';
  constructor(
    readonly sent: number,
    readonly failed: number,
    readonly firstFailure: string,
  ) {
    super(`${failed} of ${sent + failed} messages could not be queued (${firstFailure})`);
  }
}
