/**
 * After a failover the primary endpoint's name points at the new primary, but an open socket still reaches the old
 * one, now a replica that answers every write with READONLY. Reconnecting looks the name up again (Node resolves on
 * every connect), so the next command reaches the new primary. 1: reconnect without resending; the failed command
 * had no effect, and the caller hands its batch back or answers 503.
 */
export const reconnectOnReadOnly = (error: Error): 1 | false => (error.message.startsWith('READONLY') ? 1 : false);
