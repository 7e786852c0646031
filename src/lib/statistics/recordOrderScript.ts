import type { OrderOutcome } from './orderOutcome';
import { outcomeMarker } from './outcomeMarker';
import { processedMarkerKey } from '../orderStatus/processedMarkerKey';
import { statsKeys } from './statsKeys';
import { UNDOABLE_INCREMENT_LUA } from './undoableIncrementLua';

/**
 * Applies one order's effect on every statistic, once per SQS message id. The consumer records a batch with
 * recordBatchScript.ts; this one order at a time is its fallback when a batch's script fails as a whole.
 *
 * Redis does not roll a script back when a command fails half-way, so every key's type is checked
 * before the first write, and the counters are incremented first, each undoably (undoableIncrementLua.ts): a key of
 * the wrong type or a counter that refuses its increment makes the script fail with nothing written, and
 * the processed-marker is set last, so a failed attempt is retried in full and never looks like a duplicate.
 * A duplicate refreshes its marker's expiry: that write lets a WAIT after it cover the first delivery's writes
 * (see recordOrderOutcomes.ts), and keeps the marker as long as the message can still be delivered again.
 *
 * KEYS: processed marker, global, months set, month, user, spend ranking, order-count ranking, month's spend ranking
 * ARGV: marker ttl seconds, month, user id ('' when invalid), valid ('1'|'0'), value in cents, marker value
 */
export const RECORD_ORDER_LUA = `${UNDOABLE_INCREMENT_LUA}
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
  return 0
end
local expected = {'none', 'hash', 'set', 'hash', 'hash', 'zset', 'zset', 'zset'}
for i = 2, 8 do
  local actual = redis.call('TYPE', KEYS[i])['ok']
  if actual ~= 'none' and actual ~= expected[i] then
    return redis.error_reply('WRONGTYPE ' .. KEYS[i] .. ' is a ' .. actual .. ', expected a ' .. expected[i])
  end
end
local month, userId, valid, cents = ARGV[2], ARGV[3], ARGV[4] == '1', tonumber(ARGV[5])
local refusal = incrementAll(function(visit)
  if valid then
    visit(KEYS[2], 'total_orders', 1)
    visit(KEYS[2], 'total_revenue_cents', cents)
    visit(KEYS[4], 'total_orders', 1)
    visit(KEYS[4], 'total_revenue_cents', cents)
    visit(KEYS[4], 'user:' .. userId .. ':order_count', 1)
    visit(KEYS[4], 'user:' .. userId .. ':total_spend_cents', cents)
    visit(KEYS[5], 'order_count', 1)
    visit(KEYS[5], 'total_spend_cents', cents)
  else
    visit(KEYS[2], 'failed_orders', 1)
    visit(KEYS[4], 'failed_orders', 1)
    if userId ~= '' then
      visit(KEYS[4], 'user:' .. userId .. ':failed_order_count', 1)
      visit(KEYS[5], 'failed_order_count', 1)
    end
  end
end)
if refusal then return refusal end
if valid then
  redis.call('ZINCRBY', KEYS[6], ARGV[5], userId)
  redis.call('ZINCRBY', KEYS[7], 1, userId)
  redis.call('ZINCRBY', KEYS[8], '-' .. ARGV[5], userId)
elseif userId ~= '' then
  redis.call('ZINCRBY', KEYS[8], 0, userId)
end
redis.call('SADD', KEYS[3], month)
redis.call('SET', KEYS[1], ARGV[6], 'EX', ARGV[1])
return 1
`;

export const RECORD_ORDER_KEY_COUNT = 8;

/** The KEYS and ARGV of one call of RECORD_ORDER_LUA, in the order the script reads them. */
export const recordOrderScriptArguments = (
  prefix: string,
  outcome: OrderOutcome,
  idempotencyTtlSeconds: number,
): (string | number)[] => {
  const keys = statsKeys(prefix);
  const userId = outcome.userId ?? '';
  return [
    processedMarkerKey(prefix, outcome.messageId),
    keys.global,
    keys.months,
    keys.month(outcome.month),
    keys.user(userId),
    keys.spendRanking,
    keys.orderCountRanking,
    keys.monthSpendRanking(outcome.month),
    idempotencyTtlSeconds,
    outcome.month,
    userId,
    outcome.valid ? '1' : '0',
    outcome.valid ? outcome.valueCents : 0,
    outcomeMarker(outcome),
  ];
};
