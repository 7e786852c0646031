/**
 * The pipeline's own figures, as the consumer writes them (embedded metric format) under the stage's namespace. The
 * alarms and the dashboard (infra/observability.cjs) name the same metrics; a package test holds them to this list.
 */
export const PipelineMetric = {
  /** Valid orders added to the statistics. */
  OrdersCounted: 'OrdersCounted',
  /** Orders that broke a business rule, counted as failed orders. */
  OrdersFailed: 'OrdersFailed',
  /** Messages that were not orders at all, moved to the dead-letter queue. */
  OrdersDeadLettered: 'OrdersDeadLettered',
  /** Deliveries of an already counted message, acknowledged without counting again. */
  DuplicatesSkipped: 'DuplicatesSkipped',
  /** Messages handed back to the queue for another delivery (batch item failures). */
  MessagesHandedBack: 'MessagesHandedBack',
  /** Batches with at least one message handed back: while Redis is away, every batch. */
  BatchesHandedBack: 'BatchesHandedBack',
  /** How long one batch took, from its first message parsed to its log written. */
  BatchLatency: 'BatchLatency',
} as const;

export type PipelineMetric = (typeof PipelineMetric)[keyof typeof PipelineMetric];
