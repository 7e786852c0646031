// Handlers the executor's tests run as real Node processes.
const v8 = require('node:v8');

let calls = 0;

exports.echo = async (event, context) => ({
  event,
  calls: ++calls,
  pid: process.pid,
  greeting: process.env.GREETING,
  taskRoot: process.env.LAMBDA_TASK_ROOT,
  timeZone: process.env.TZ,
  requestId: context.awsRequestId,
  remainingMs: context.getRemainingTimeInMillis(),
  heapLimitBytes: v8.getHeapStatistics().heap_size_limit,
});

exports.logs = async () => {
  console.log('first line of the handler');
  console.error('second line of the handler');
  return 'logged';
};

exports.fails = async () => {
  throw new TypeError('bad order');
};

exports.sleeps = () => new Promise((resolve) => setTimeout(() => resolve('too late'), 60_000));

exports.crashes = async () => process.exit(3);

exports.callback = (_event, _context, callback) => {
  setTimeout(() => callback(null, { via: 'callback' }), 10);
};
