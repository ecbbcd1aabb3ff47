-- wrk script for the cluster failover proof (cluster-proofs.sh): POSTs the worked example with a unique
-- requestId per request, like decisions.lua, and writes one line per answer ("status decisionId") to
-- target/cluster/answers-<thread>.txt, so the proof can look up every 200 in the decision table.
local body_file = io.open("src/test/bench/worked-example.json")
local template = body_file:read("*a")
body_file:close()
local api_key = os.getenv("BATON_API_KEY") or ""
local run = tostring(os.time()) .. "-" .. tostring(math.random(1000000))
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", tostring(threads))
end

function init(args)
  counter = 0
  answers = io.open("target/cluster/answers-" .. tid .. ".txt", "w")
  answers:setvbuf("line")
end

function request()
  counter = counter + 1
  local id = run .. "-" .. tid .. "-" .. counter
  local body = string.gsub(template, "REQUEST_ID", id)
  return wrk.format("POST", "/api/v1/decisions", { ["Content-Type"] = "application/json", ["X-API-Key"] = api_key }, body)
end

function response(status, headers, body)
  local id = string.match(body, '"decisionId"%s*:%s*"([^"]+)"') or "-"
  answers:write(status .. " " .. id .. "\n")
end
