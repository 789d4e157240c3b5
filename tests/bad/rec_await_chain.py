# expect: RecursionError
# An await chain with no end: each await resumes the next coroutine from C (gen_send_ex), so the
# C stack bounds it, whatever sys.setrecursionlimit says.
import sys
sys.setrecursionlimit(10**6)
async def down(n):
    return await down(n + 1)
down(0).send(None)
