-- tests/bench/workload.lua — Lua 5.4 peer of workload.py (same operations, Lua idioms)
local function workload(rounds)
  local check = 0
  for r = 0, rounds - 1 do
    local words = {}
    for i = 0, 1999 do words[#words + 1] = "w" .. tostring((i * 7919 + r) % 500) end
    local counts, keys = {}, {}
    for _, w in ipairs(words) do
      if counts[w] == nil then counts[w] = 0; keys[#keys + 1] = w end
      counts[w] = counts[w] + 1
    end
    table.sort(keys, function(a, b)
      if counts[a] ~= counts[b] then return counts[a] > counts[b] end
      return a < b
    end)
    local top = {}
    for i = 1, math.min(10, #keys) do top[i] = keys[i] end
    local text = table.concat(words, " ")
    local parts = {}
    for p in string.gmatch(text, "[^ ]+") do parts[#parts + 1] = p end
    local upper = {}
    for _, p in ipairs(parts) do
      if p:sub(-1) == "7" then upper[#upper + 1] = p:upper() end
    end
    local squares = {}
    for x = 0, 999 do squares[#squares + 1] = x * x end
    local evens, ne = {}, 0
    for _, x in ipairs(squares) do
      if x % 2 == 0 and evens[x] == nil then evens[x] = x // 2; ne = ne + 1 end
    end
    check = check + #top + #upper + ne + #text + counts[top[1]]
  end
  return check
end
local N = tonumber(arg[1]) or 600
print(workload(N))
