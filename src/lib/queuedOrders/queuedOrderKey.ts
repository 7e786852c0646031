/** Written by the producing routes for each message they queued: the order's status is `queued` until decided. */
export const queuedOrderKey = (prefix: string, messageId: string): string => `${prefix}queued:${messageId}`;
