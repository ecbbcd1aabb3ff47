-- wrk script for the Basic-flood proof (cluster-proofs.sh basic-flood): GET /api/v1/me with HTTP Basic
-- credentials of a user that does not exist, each request from another address (X-Forwarded-For, which an
-- instance believes from a proxy on loopback), as a flood from many machines would arrive. Every attempt
-- that gets its turn costs one bcrypt check; the rest are refused before any.
local auth = "Basic " .. (os.getenv("FLOOD_AUTH") or "")

function request()
  local address = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  return wrk.format("GET", "/api/v1/me", { ["Authorization"] = auth, ["X-Forwarded-For"] = address })
end
