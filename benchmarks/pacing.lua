-- Shared by the wrk scripts: with RATE (requests/s over all CONNECTIONS, default 100) each connection
-- waits CONNECTIONS/RATE s between requests (closed-loop pacing, which reaches somewhat less than
-- RATE; wrk prints what it reached), for the latency at a given load. Without RATE: as fast as answered.
local rate = tonumber(os.getenv("RATE") or "0")
local connections = tonumber(os.getenv("CONNECTIONS") or "100")

if rate > 0 then
  function delay()
    return connections * 1000 / rate
  end
end
