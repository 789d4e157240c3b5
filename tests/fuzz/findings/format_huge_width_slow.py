# format() with a width of 10**12 - 1: CPython raises MemoryError at once (it sizes the result
# first); tollpy grows the padded string until its heap limit: 11.6 s for the plain host build
# (1 GiB limit) on the dev machine, past libFuzzer's 10 s timeout in the fuzz build. Found by
# fuzz_compile_run (a corpus input timed out on replay). Belongs in tests/bad once fast: the
# bad-input runner allows 20 s per program.
try:
    s = format(1, "999999999999d")
except MemoryError:
    print("MemoryError")
