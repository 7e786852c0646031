/** The batch size an AWS stage's SQS event source uses unless CONSUMER_BATCH_SIZE says otherwise. */
export declare const DEFAULT_CONSUMER_BATCH_SIZE: number;
