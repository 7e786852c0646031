/**
 * Lua for the recording scripts: `incrementAll(eachIncrement)` makes every HINCRBY that `eachIncrement(visit)` lists
 * (it calls `visit(key, field, amount)` for each, in the same order every time), and returns Redis's refusal, if any,
 * with none of them left in place.
 *
 * Why: HINCRBY refuses a field that holds something other than an integer (or would overflow), and by then the
 * script may have made other increments; Redis does not roll a script back, so the batch would stay half-written and
 * be counted again when SQS delivers it again. On a refusal the list is walked again and the increments already made
 * are taken back (a field back at 0 is deleted: the scripts never write a 0). Walking the list twice costs nothing
 * on the way that matters, where keeping a journal of every increment would slow the batch script. The scripts make
 * every HINCRBY before any other write, so nothing else needs taking back: the other writes cannot fail once the key
 * types are checked, and Redis refuses a script for lack of memory only at its first write.
 */
export const UNDOABLE_INCREMENT_LUA = `
local function incrementAll(eachIncrement)
  local made, refusal = 0, nil
  eachIncrement(function(key, field, amount)
    if refusal or amount == 0 then return end
    local reply = redis.pcall('HINCRBY', key, field, string.format('%d', amount))
    if type(reply) == 'table' then refusal = reply else made = made + 1 end
  end)
  if refusal then
    eachIncrement(function(key, field, amount)
      if made == 0 or amount == 0 then return end
      made = made - 1
      if redis.call('HINCRBY', key, field, string.format('%d', -amount)) == 0 then redis.call('HDEL', key, field) end
    end)
  end
  return refusal
end
`;
