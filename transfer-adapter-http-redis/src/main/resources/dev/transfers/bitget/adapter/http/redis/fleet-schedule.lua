-- The permits of one rate-limit key (KEYS[1]) for every process of a fleet, on Redis's clock.
-- Run by FleetSchedule (EVALSHA, EVAL when Redis does not know the script yet); RedisRateLimiter's
-- Javadoc gives the argument for the bound.
--
-- ARGV[1] spacing: the least time between two permits, microseconds
-- ARGV[2] horizon: how far ahead of now a permit may be reserved, microseconds
-- ARGV[3] the longest the caller will wait for its permit, microseconds
-- ARGV[4] how long the key lives after its last write, milliseconds
-- ARGV[5] time kept free after the slot reserved now, microseconds (0, or more for a cold process)
--
-- The key holds "<time of the last permit, microseconds on Redis's clock> <run_id of the Redis process
-- that wrote it>". Returns {code, microseconds}:
--   {1, wait}  a permit reserved for `wait` from now: the caller sends then, not before;
--   {2, wait}  nothing reserved: the permits already reserved reach past the horizon; ask again in `wait`;
--   {0, wait}  nothing reserved: the next permit is `wait` away, longer than the caller will wait.

if redis.replicate_commands then
  redis.replicate_commands() -- Redis 3.2 to 4: allows writes after TIME; a no-op from Redis 5 on
end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local spacing = tonumber(ARGV[1])
local horizon = tonumber(ARGV[2])
local longest = tonumber(ARGV[3])
local ttl = tonumber(ARGV[4])
local kept_free = tonumber(ARGV[5])
local run = string.match(redis.call('INFO', 'server'), 'run_id:(%w+)')

local last
local state = redis.call('GET', KEYS[1])
if state then
  local time_text, written_by = string.match(state, '^(%d+) (%w+)$')
  -- Trusted only when this Redis process wrote it, and no further ahead than a permit can be
  -- reserved (further means Redis's clock stepped back).
  if written_by == run and tonumber(time_text) <= now + horizon then
    last = tonumber(time_text)
  end
end
if not last then
  -- No schedule this Redis process wrote: the key is new or expired (an hour unused), or Redis
  -- restarted, was flushed or failed over. A permit handed out before may still be waiting, at most
  -- the horizon ahead: the next one comes a spacing after that.
  last = now + horizon
  redis.call('SET', KEYS[1], string.format('%.0f %s', last, run), 'PX', ttl)
end

local slot = math.max(now, last + spacing)
local wait = slot - now
if wait > longest then
  return {0, wait}
end
if wait > horizon then
  return {2, wait - horizon}
end
redis.call('SET', KEYS[1], string.format('%.0f %s', slot + kept_free, run), 'PX', ttl)
return {1, wait}
