-- tests/bench/countdown.lua — Lua 5.4 peer of countdown.py
local function countdown(n)
  while n > 0 do n = n - 1 end
  return n
end
local N = tonumber(arg[1]) or 30000000
print(countdown(N))
