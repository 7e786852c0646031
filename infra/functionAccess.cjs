// What each function touches on AWS, so its role grants that and nothing else. Read-only routes get no SQS write,
// delete or visibility action; only the functions that use Redis or the consumer log run in the VPC.
const SEND = ['sqs:SendMessage'];
const PEEK = ['sqs:ReceiveMessage', 'sqs:GetQueueAttributes'];
const CONSUME = ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes'];

/** @type {Record<string, { redis?: true, adminToken?: true, logFiles?: 'read' | 'write', queues?: { orders?: string[], deadLetter?: string[] } }>} */
const functionAccess = {
  apiInfo: {},
  routeFallback: {},
  // GET /health pings Redis and reads the orders queue's attributes.
  health: { redis: true, queues: { orders: ['sqs:GetQueueAttributes'] } },
  docs: {},
  dashboard: {},
  // The write routes keep their Idempotency-Key records and the queued records of GET /orders/{id} in Redis.
  produce: { redis: true, queues: { orders: SEND } },
  orders: { redis: true, queues: { orders: SEND } },
  orderStatus: { redis: true },
  users: { redis: true },
  stats: { redis: true },
  clearRedisDb: { redis: true, adminToken: true },
  consumerLogs: { logFiles: 'read' },
  deadLetterQueue: { queues: { deadLetter: PEEK } },
  redriveDeadLetterQueue: { adminToken: true, queues: { deadLetter: CONSUME, orders: SEND } },
  consumeOrders: { redis: true, logFiles: 'write', queues: { orders: CONSUME, deadLetter: SEND } },
};

module.exports = { functionAccess };
