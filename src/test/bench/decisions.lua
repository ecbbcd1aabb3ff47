-- wrk script: POST the decision API worked example (docs/api.md) with a unique requestId per request, so
-- every request is a new decision that gets evaluated and recorded (no idempotent replays).
local body_file = io.open("src/test/bench/worked-example.json")
local template = body_file:read("*a")
body_file:close()
-- the INTEGRATION key of the benchmarked instance (http-load.sh starts it with the demo profile)
local api_key = os.getenv("BATON_API_KEY") or ""
local counter = 0
local run = tostring(os.time()) .. "-" .. tostring(math.random(1000000))

function setup(thread)
  thread:set("tid", tostring(math.random(1000000000)))
end

function request()
  counter = counter + 1
  local id = run .. "-" .. tid .. "-" .. counter
  local body = string.gsub(template, "REQUEST_ID", id)
  return wrk.format("POST", "/api/v1/decisions", { ["Content-Type"] = "application/json", ["X-API-Key"] = api_key }, body)
end
