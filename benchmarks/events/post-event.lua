-- wrk script: POST /events with one view event per request, cycling over USERS users and ITEMS items.
-- Each response is checked: any non-200 counts as an error (wrk reports "Non-2xx or 3xx responses").
-- Env: USERS (default 1000), ITEMS (default 500).
-- RATE and CONNECTIONS: paced, see ../pacing.lua.
local users = tonumber(os.getenv("USERS") or "1000")
local items = tonumber(os.getenv("ITEMS") or "500")
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
  local body = '{"user_id":"user_' .. (i % users) .. '","item_id":"item_' .. (i % items) .. '","event_type":"view"}'
  return wrk.format("POST", "/events", { ["Content-Type"] = "application/json" }, body)
end
