-- The permits of one rate-limit key (KEYS[1]) for every process of a fleet, on Redis's clock: the
-- fleet's one arrival window. Run by FleetSchedule (EVALSHA, EVAL when Redis does not know the
-- script yet); RedisRateLimiter's Javadoc gives the argument for the bound.
--
-- ARGV[1]  'acquire' or 'release'
-- ARGV[2]  claims: how many requests the limit allows per window (10)
-- ARGV[3]  spacing: the least time between two permits, microseconds
-- ARGV[4]  horizon: how far ahead of now a permit may be reserved, microseconds
-- ARGV[5]  window: the exchange's window, microseconds
-- ARGV[6]  margin: how far below the least recent delay a request's delay may fall, microseconds
-- ARGV[7]  how long the key lives after its last write, milliseconds
-- ARGV[8]  how many recent delay samples are kept
-- ARGV[9]  how long no permit is given after a 429, microseconds
-- ARGV[10] how soon to ask again while only a request in flight can free a claim, microseconds
-- acquire: ARGV[11] the longest the caller will wait for its permit, microseconds; ARGV[12] how long
--          its attempt may take after that (the claim's lease is its slot + this + a window)
-- release: ARGV[11] the claim, 1 to claims; ARGV[12] its slot; ARGV[13] the answer's requestTime,
--          epoch milliseconds on the exchange's clock, or '-' for none; ARGV[14] '1' for a 429
--
-- The key holds, separated by spaces: the run_id of the Redis process that wrote it, the last slot,
-- the end of the hold after a 429, then per claim four numbers (kind, slot, x, requestTime), then
-- pairs of delay samples (requestTime - release, requestTime - slot). Times are microseconds on
-- Redis's clock but requestTime (milliseconds, exchange clock). Kinds: 0 free; 1 reserved, x = the
-- lease; 2 ended without a dated answer, x = the release; 3 answered, x = the release.
--
-- acquire returns {code, microseconds, claim, slot}:
--   {1, wait, claim, slot}  reserved for `wait` from now: the caller sends then, not before;
--   {2, wait}               nothing reserved: ask again in `wait`;
--   {0, wait}               nothing reserved: no permit can come sooner than `wait`, longer than the
--                           caller will wait.
-- release returns {1} when it ended the claim, {0} when the claim was no longer the caller's.

if redis.replicate_commands then
  redis.replicate_commands() -- Redis 3.2 to 4: allows writes after TIME; a no-op from Redis 5 on
end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local mode = ARGV[1]
local claims = tonumber(ARGV[2])
local spacing = tonumber(ARGV[3])
local horizon = tonumber(ARGV[4])
local window = tonumber(ARGV[5])
local margin = tonumber(ARGV[6])
local ttl = tonumber(ARGV[7])
local kept_samples = tonumber(ARGV[8])
local hold_after_429 = tonumber(ARGV[9])
local poll = tonumber(ARGV[10])
local run = string.match(redis.call('INFO', 'server'), 'run_id:(%w+)')

-- The state, trusted only when the running Redis process wrote it and its last slot is no further
-- ahead than a permit can be reserved (further means Redis's clock stepped back).
local last, hold
local kind, slot_of, x, request_time = {}, {}, {}, {}
local lower, upper = {}, {}
local state = redis.call('GET', KEYS[1])
if state then
  local tokens = {}
  for token in string.gmatch(state, '%S+') do
    tokens[#tokens + 1] = token
  end
  if tokens[1] == run and #tokens >= 3 + 4 * claims and tonumber(tokens[2]) <= now + horizon then
    last = tonumber(tokens[2])
    hold = tonumber(tokens[3])
    for i = 1, claims do
      local at = 3 + 4 * (i - 1)
      kind[i] = tonumber(tokens[at + 1])
      slot_of[i] = tonumber(tokens[at + 2])
      x[i] = tonumber(tokens[at + 3])
      request_time[i] = tonumber(tokens[at + 4])
    end
    for at = 4 + 4 * claims, #tokens - 1, 2 do
      lower[#lower + 1] = tonumber(tokens[at])
      upper[#upper + 1] = tonumber(tokens[at + 1])
    end
  end
end

local function save()
  local out = {run, string.format('%.0f', last), string.format('%.0f', hold)}
  for i = 1, claims do
    out[#out + 1] = string.format('%.0f %.0f %.0f %.0f', kind[i], slot_of[i], x[i], request_time[i])
  end
  for s = 1, #lower do
    out[#out + 1] = string.format('%.0f %.0f', lower[s], upper[s])
  end
  redis.call('SET', KEYS[1], table.concat(out, ' '), 'PX', ttl)
end

if mode == 'release' then
  if not last then
    return {0} -- the state is gone (restart, flush, expiry): nothing of the caller's is left to end
  end
  local i = tonumber(ARGV[11])
  local slot = tonumber(ARGV[12])
  local ended = 0
  if kind[i] == 1 and slot_of[i] == slot then
    ended = 1
    if ARGV[13] == '-' then
      kind[i], x[i], request_time[i] = 2, now, 0
    else
      local handled = tonumber(ARGV[13]) * 1000
      -- Each answer brackets the offset of the exchange's clock to Redis's between
      -- requestTime - release and requestTime - slot; brackets that miss each other (a clock that
      -- stepped, stamps that are not arrivals) discard what was learnt, and every answered claim
      -- falls back to its release.
      local highest_lower, lowest_upper = handled - now, handled - slot
      for s = 1, #lower do
        highest_lower = math.max(highest_lower, lower[s])
        lowest_upper = math.min(lowest_upper, upper[s])
      end
      if highest_lower - lowest_upper > 1000 then
        lower, upper = {}, {}
        for c = 1, claims do
          if kind[c] == 3 then
            kind[c], request_time[c] = 2, 0
          end
        end
      end
      lower[#lower + 1] = handled - now
      upper[#upper + 1] = handled - slot
      while #lower > kept_samples do
        table.remove(lower, 1)
        table.remove(upper, 1)
      end
      kind[i], x[i], request_time[i] = 3, now, tonumber(ARGV[13])
    end
  end
  if ARGV[14] == '1' then
    hold = math.max(hold, now + hold_after_429)
  end
  save()
  return {ended}
end

if not last then
  -- No state this Redis process wrote: the key is new or expired (an hour unused), or Redis
  -- restarted, was flushed or failed over. A permit handed out before may still be waiting, its
  -- slot at most the horizon ahead, and its request is taken to arrive within a horizon of its
  -- slot: every claim is held as if its request had ended then.
  last, hold = now + horizon, 0
  for i = 1, claims do
    kind[i], slot_of[i], x[i], request_time[i] = 2, 0, now + 2 * horizon, 0
  end
  lower, upper = {}, {}
  save()
end

local least_delay
for s = 1, #upper do
  least_delay = least_delay and math.min(least_delay, upper[s]) or upper[s]
end

-- When each claim is free: known for all but those reserved, whose lease bounds them and which are
-- free no sooner than their slot plus a window (whatever their release reports).
local best, best_free = nil, math.huge
local possible = math.huge
for i = 1, claims do
  local free
  if kind[i] == 0 then
    free = 0
  elseif kind[i] == 1 then
    if x[i] <= now then
      free = 0
    else
      possible = math.min(possible, slot_of[i] + window)
    end
  else
    free = x[i] + window
    if kind[i] == 3 and least_delay then
      free = math.min(free, request_time[i] * 1000 + 1000 + window + margin - least_delay)
    end
  end
  if free and free < best_free then
    best, best_free = i, free
  end
end

local earliest = math.max(now, last + spacing, hold)
local candidate = best and math.max(earliest, best_free) or math.huge
local longest = tonumber(ARGV[11])
if candidate - now <= horizon and candidate - now <= longest then
  kind[best], slot_of[best], x[best], request_time[best] = 1, candidate, candidate + tonumber(ARGV[12]) + window, 0
  last = candidate
  save()
  return {1, candidate - now, best, candidate}
end
local soonest = math.min(candidate, math.max(earliest, possible))
if soonest - now > longest then
  return {0, soonest - now}
end
local wait = candidate - now - horizon
if possible < candidate then
  wait = math.min(wait, math.max(poll, possible - now - horizon))
end
return {2, math.max(poll, wait)}
