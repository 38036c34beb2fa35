-- wrk script: GET /recommend cycling over USERS user ids (user_0 .. user_{USERS-1}), each wrk
-- thread starting at a different offset, so consecutive requests are for different users.
-- Env: USERS (default 10000), K (default 10).
-- RATE and CONNECTIONS: paced, see ../pacing.lua.
local users = tonumber(os.getenv("USERS") or "10000")
local k = os.getenv("K") or "10"
local next_thread = 0
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../pacing.lua")

function setup(thread)
  thread:set("offset", next_thread * 7919)
  next_thread = next_thread + 1
end

function init(args)
  i = offset or 0
end

function request()
  i = i + 1
  return wrk.format("GET", "/recommend?user_id=user_" .. (i % users) .. "&k=" .. k)
end
