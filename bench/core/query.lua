-- POST /api/v1/farmer/query as random farmers, each with its own farmer-bound key (KEYS_FILE: "farmer_id key" lines).
-- MODE=unique: every question differs (no cache hits), in English for the model path, in Croatian offline.
-- MODE=cached: the same question from the first CACHED_FARMERS farmers (after a warm-up, every answer is a cache hit).
local keys = {}
for line in io.lines(os.getenv("KEYS_FILE")) do
  local id, key = line:match("^(%d+) (%S+)$")
  if id then keys[#keys + 1] = key end
end
local mode = os.getenv("MODE") or "unique"
local language = os.getenv("LANGUAGE")
local limit = mode == "cached" and math.min(#keys, tonumber(os.getenv("CACHED_FARMERS") or "50")) or #keys
local seed = os.time() + tonumber(tostring({}):sub(8), 16) % 100000
math.randomseed(seed)
local n = 0
request = function()
  n = n + 1
  local key = keys[math.random(1, limit)]
  local question
  if mode == "cached" then question = "Koliko je karenca za Prosaro u pšenici?"
  elseif language == "en" then question = "How are my fields doing this week? #" .. seed .. "-" .. n
  else question = "Koliko je karenca za Prosaro u pšenici? #" .. seed .. "-" .. n end
  local body = '{"query":"' .. question .. '"' .. (language and (',"language":"' .. language .. '"') or "") .. '}'
  return wrk.format("POST", "/api/v1/farmer/query",
    { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" }, body)
end
