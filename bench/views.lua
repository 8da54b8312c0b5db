-- One widget view beacon per request, as navigator.sendBeacon sends it (text/plain JSON), from 1,000 article pages
-- (each with a query the server must drop) and three placements. BENCH_DELAY_MS makes each connection wait between
-- requests, for a steady background flow.
local placements = {"top", "end", "sidebar"}
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
local counter = 0
request = function()
  counter = counter + 1
  local body = string.format(
    '{"page":"https://news.example/story-%d?utm_source=newsletter&reader=%d","placement":"%s"}',
    counter % 1000, counter, placements[counter % 3 + 1])
  return wrk.format("POST", nil, {["Content-Type"] = "text/plain;charset=UTF-8",
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36"}, body)
end
if delay_ms > 0 then
  delay = function() return delay_ms end
end
