/**
 * Applies one order's effect on every statistic atomically, once per SQS message id.
 * The processed-marker is set in the same script, so a redelivered message can never be counted twice
 * and a crash can never leave half an order behind.
 *
 * KEYS: processed marker, global, months set, month, user, spend ranking, order-count ranking
 * ARGV: marker ttl seconds, month, user id ('' when invalid), valid ('1'|'0'), value in cents
 */
export const RECORD_ORDER_LUA = `
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  return 0
end
local month, userId, valid, cents = ARGV[2], ARGV[3], ARGV[4] == '1', ARGV[5]
redis.call('SADD', KEYS[3], month)
if valid then
  redis.call('HINCRBY', KEYS[2], 'total_orders', 1)
  redis.call('HINCRBY', KEYS[2], 'total_revenue_cents', cents)
  redis.call('HINCRBY', KEYS[4], 'total_orders', 1)
  redis.call('HINCRBY', KEYS[4], 'total_revenue_cents', cents)
  redis.call('HINCRBY', KEYS[4], 'user:' .. userId .. ':order_count', 1)
  redis.call('HINCRBY', KEYS[4], 'user:' .. userId .. ':total_spend_cents', cents)
  redis.call('HINCRBY', KEYS[5], 'order_count', 1)
  redis.call('HINCRBY', KEYS[5], 'total_spend_cents', cents)
  redis.call('ZINCRBY', KEYS[6], cents, userId)
  redis.call('ZINCRBY', KEYS[7], 1, userId)
else
  redis.call('HINCRBY', KEYS[2], 'failed_orders', 1)
  redis.call('HINCRBY', KEYS[4], 'failed_orders', 1)
  if userId ~= '' then
    redis.call('HINCRBY', KEYS[4], 'user:' .. userId .. ':failed_order_count', 1)
    redis.call('HINCRBY', KEYS[5], 'failed_order_count', 1)
  end
end
return 1
`;
