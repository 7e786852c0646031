/**
 * Lua for the recording scripts: `increment(key, field, amount)`, an HINCRBY that can be taken back.
 *
 * Why: HINCRBY refuses a field that holds something other than an integer (or would overflow), and by then the
 * script may have written other counters; Redis does not roll a script back, so the batch would stay half-written and
 * be counted again when SQS delivers it again. Each increment is remembered, and at the first refusal the ones made so
 * far are taken back (a field the increment created is deleted) before the script fails with Redis's own error. The
 * scripts make every HINCRBY before any other write, so nothing else needs taking back: the other writes cannot fail
 * once the key types are checked, and Redis refuses a script for lack of memory only at its first write.
 */
export const UNDOABLE_INCREMENT_LUA = `
local madeKeys, madeFields, madeAmounts, madeNew, made = {}, {}, {}, {}, 0
local function increment(key, field, amount)
  local reply = redis.pcall('HINCRBY', key, field, amount)
  if type(reply) == 'table' then
    for x = made, 1, -1 do
      if madeNew[x] then redis.call('HDEL', madeKeys[x], madeFields[x])
      else redis.call('HINCRBY', madeKeys[x], madeFields[x], string.format('%d', -madeAmounts[x])) end
    end
    error(reply)
  end
  local number = tonumber(amount)
  made = made + 1
  madeKeys[made], madeFields[made], madeAmounts[made], madeNew[made] = key, field, number, reply == number
end
`;
