/**
 * How many deliveries of a message wait for a replica to confirm its order. SQS counts every receive toward
 * maxReceiveCount (5, serverless.yml), so handing a message back for as long as a replica is missing would send it
 * to the dead-letter queue, already counted. Two deliveries ride out a failover's seconds (a write the promoted replica
 * lacks is recorded again on the redelivery); from the third on, an order the primary holds is acknowledged there
 * alone and reported (docs/AWS.md, "Durability policy"), which leaves two receives for a Redis that is away.
 */
const DELIVERIES_WAITING_FOR_A_REPLICA = 2;

export const handBackForReplica = (receiveCount: number): boolean => receiveCount <= DELIVERIES_WAITING_FOR_A_REPLICA;
