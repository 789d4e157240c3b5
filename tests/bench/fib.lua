-- tests/bench/fib.lua — Lua 5.4 peer of fib.py
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end
local N = tonumber(arg[1]) or 30
print(fib(N))
