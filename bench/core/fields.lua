-- GET /api/v1/farmer/{random id}/fields with one integration key (records:read). MIN_ID, MAX_ID, API_KEY from the environment.
local min_id = tonumber(os.getenv("MIN_ID"))
local max_id = tonumber(os.getenv("MAX_ID"))
local headers = { ["Authorization"] = "Bearer " .. os.getenv("API_KEY") }
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
request = function()
  return wrk.format("GET", "/api/v1/farmer/" .. math.random(min_id, max_id) .. "/fields", headers)
end
