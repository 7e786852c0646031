import type { OrderOutcome } from './orderOutcome';
import { outcomeMarker } from './outcomeMarker';
import { processedMarkerKey } from '../orderStatus/processedMarkerKey';
import { statsKeys } from './statsKeys';
import { UNDOABLE_INCREMENT_LUA } from './undoableIncrementLua';

/**
 * Applies a whole batch's effect on every statistic, once per SQS message id, in one script call.
 *
 * Redis does not roll a script back, so every key the batch touches has its type checked once, before the first
 * write. An order whose own keys (its month, its user) have the wrong type fails alone with nothing of it written;
 * a shared key of the wrong type fails every new order of the batch. Then each order's processed marker is checked
 * (EXISTS), also against the markers seen earlier in the same batch; a duplicate refreshes its marker's expiry, a
 * write, so that a WAIT after the script covers the first delivery's writes (see recordOrderOutcomes.ts). The new
 * orders' increments are summed per key and field and every key is written once per field, the counters before
 * anything else and each increment undoable (undoableIncrementLua.ts): a counter that refuses its increment fails the
 * script with nothing written, and the batch is recorded again one order at a time. The markers, whose value is the
 * order's outcome, are set last, in the same script: an order is counted and marked together or not at all.
 *
 * KEYS: global, months set, spend ranking, order-count ranking, then one processed marker per order,
 *       one hash per distinct month, one spend ranking per distinct month, one hash per distinct user
 * ARGV: marker ttl seconds, orders n, months m, users u, the m month names, the u user ids,
 *       then per order: month index (1..m), user index (0 when invalid), value in cents or '' when failed, marker value
 * A valid order always names its user (an invalid user id fails validation).
 * Returns one entry per order: 1 recorded, 0 duplicate, or the reason it failed (a string).
 */
export const RECORD_BATCH_LUA = `${UNDOABLE_INCREMENT_LUA}
local ttl, n, m, u = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local firstMarker, firstMonth, firstMonthRanking, firstUser = 4, 4 + n, 4 + n + m, 4 + n + 2 * m
local firstOrderArg = 4 + m + u

local function wrongType(key, expected)
  local actual = redis.call('TYPE', key)['ok']
  if actual ~= 'none' and actual ~= expected then
    return 'WRONGTYPE ' .. key .. ' is a ' .. actual .. ', expected a ' .. expected
  end
  return false
end

local sharedProblem = wrongType(KEYS[1], 'hash') or wrongType(KEYS[2], 'set') or wrongType(KEYS[3], 'zset')
  or wrongType(KEYS[4], 'zset')
local monthProblem, userProblem = {}, {}
if not sharedProblem then
  for j = 1, m do
    monthProblem[j] = wrongType(KEYS[firstMonth + j], 'hash') or wrongType(KEYS[firstMonthRanking + j], 'zset')
  end
  for k = 1, u do userProblem[k] = wrongType(KEYS[firstUser + k], 'hash') end
end

local results, seen, recorded = {}, {}, {}
local g = {orders = 0, revenue = 0, failed = 0}
local months, users = {}, {}
for i = 1, n do
  local marker, a = KEYS[firstMarker + i], firstOrderArg + (i - 1) * 4
  local j, k, cents = tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2]), ARGV[a + 3]
  if seen[marker] ~= nil then
    results[i] = seen[marker] == 1 and 0 or seen[marker]
  elseif redis.call('EXISTS', marker) == 1 then
    redis.call('EXPIRE', marker, ttl)
    results[i] = 0
  else
    local problem = sharedProblem or monthProblem[j] or (k > 0 and userProblem[k])
    if problem then
      results[i] = problem
    else
      results[i] = 1
      recorded[#recorded + 1] = i
      local mo = months[j] or {orders = 0, revenue = 0, failed = 0, users = {}}
      months[j] = mo
      local mu, us
      if k > 0 then
        mu = mo.users[k] or {orders = 0, spend = 0, failed = 0}
        mo.users[k] = mu
        us = users[k] or {orders = 0, spend = 0, failed = 0}
        users[k] = us
      end
      if cents ~= '' and mu then
        local value = tonumber(cents)
        g.orders, g.revenue = g.orders + 1, g.revenue + value
        mo.orders, mo.revenue = mo.orders + 1, mo.revenue + value
        mu.orders, mu.spend = mu.orders + 1, mu.spend + value
        us.orders, us.spend = us.orders + 1, us.spend + value
      else
        g.failed, mo.failed = g.failed + 1, mo.failed + 1
        if k > 0 then mu.failed, us.failed = mu.failed + 1, us.failed + 1 end
      end
    end
  end
  seen[marker] = results[i]
end
if #recorded == 0 then return results end

local function eachIncrement(visit)
  for j, mo in pairs(months) do
    local key = KEYS[firstMonth + j]
    visit(key, 'total_orders', mo.orders)
    visit(key, 'total_revenue_cents', mo.revenue)
    visit(key, 'failed_orders', mo.failed)
    for k, mu in pairs(mo.users) do
      local field = 'user:' .. ARGV[4 + m + k] .. ':'
      visit(key, field .. 'order_count', mu.orders)
      visit(key, field .. 'total_spend_cents', mu.spend)
      visit(key, field .. 'failed_order_count', mu.failed)
    end
  end
  visit(KEYS[1], 'total_orders', g.orders)
  visit(KEYS[1], 'total_revenue_cents', g.revenue)
  visit(KEYS[1], 'failed_orders', g.failed)
  for k, us in pairs(users) do
    local key = KEYS[firstUser + k]
    visit(key, 'order_count', us.orders)
    visit(key, 'total_spend_cents', us.spend)
    visit(key, 'failed_order_count', us.failed)
  end
end
local refusal = incrementAll(eachIncrement)
if refusal then return refusal end
local monthNames = {}
for j in pairs(months) do monthNames[#monthNames + 1] = ARGV[4 + j] end
for j, mo in pairs(months) do
  for k, mu in pairs(mo.users) do
    redis.call('ZINCRBY', KEYS[firstMonthRanking + j], string.format('%d', -mu.spend), ARGV[4 + m + k])
  end
end
redis.call('SADD', KEYS[2], unpack(monthNames))
for k, us in pairs(users) do
  if us.orders > 0 then
    local userId = ARGV[4 + m + k]
    redis.call('ZINCRBY', KEYS[3], string.format('%d', us.spend), userId)
    redis.call('ZINCRBY', KEYS[4], us.orders, userId)
  end
end
for _, i in ipairs(recorded) do
  redis.call('SET', KEYS[firstMarker + i], ARGV[firstOrderArg + (i - 1) * 4 + 4], 'EX', ttl)
end
return results
`;

/** The key count and the KEYS and ARGV of one call of RECORD_BATCH_LUA, in the order the script reads them. */
export const recordBatchScriptArguments = (
  prefix: string,
  outcomes: readonly OrderOutcome[],
  idempotencyTtlSeconds: number,
): { keyCount: number; keysAndArgs: (string | number)[] } => {
  const keys = statsKeys(prefix);
  const monthIndex = new Map<string, number>();
  const userIndex = new Map<string, number>();
  for (const { month, userId } of outcomes) {
    if (!monthIndex.has(month)) monthIndex.set(month, monthIndex.size + 1);
    if (userId !== undefined && !userIndex.has(userId)) userIndex.set(userId, userIndex.size + 1);
  }
  const months = [...monthIndex.keys()];
  const users = [...userIndex.keys()];
  const orderArgs = outcomes.flatMap((outcome) => [
    monthIndex.get(outcome.month) ?? 0,
    outcome.userId === undefined ? 0 : (userIndex.get(outcome.userId) ?? 0),
    outcome.valid ? outcome.valueCents : '',
    outcomeMarker(outcome),
  ]);
  const keyList = [
    keys.global,
    keys.months,
    keys.spendRanking,
    keys.orderCountRanking,
    ...outcomes.map((outcome) => processedMarkerKey(prefix, outcome.messageId)),
    ...months.map(keys.month),
    ...months.map(keys.monthSpendRanking),
    ...users.map(keys.user),
  ];
  return {
    keyCount: keyList.length,
    keysAndArgs: [
      ...keyList,
      idempotencyTtlSeconds,
      outcomes.length,
      months.length,
      users.length,
      ...months,
      ...users,
      ...orderArgs,
    ],
  };
};
