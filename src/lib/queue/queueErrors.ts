export class QueueSendError extends Error {
  override readonly name = 'QueueSendError';
  constructor(
    readonly sent: number,
    readonly failed: number,
    readonly firstFailure: string,
    /** One entry per body, in order: its message id, or undefined when it was not sent. */
    readonly messageIds: readonly (string | undefined)[] = [],
  ) {
    super(`${failed} of ${sent + failed} messages could not be queued (${firstFailure})`);
  }
}
