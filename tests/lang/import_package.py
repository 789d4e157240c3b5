# frozen packages: import PKG.SUB, from PKG import SUB, from PKG.SUB import NAME, import PKG.SUB
# as X, errors for missing submodules and non-packages; dir(module) lists the module's names
import concurrent.futures
print(concurrent.futures.__name__, concurrent.__name__, 'futures' in dir(concurrent))
from concurrent import futures
print(futures is concurrent.futures, futures.__package__)
from concurrent.futures import Future, ThreadPoolExecutor
import concurrent.futures as cf
print(cf is futures, cf.Future is Future)
import sys
print('concurrent.futures' in sys.modules, 'concurrent' in sys.modules)
for stmt in ('import concurrent.nothing', 'import bisect.x', 'from concurrent import nothing',
             'import nothing.at_all', 'from concurrent.futures import Nothing'):
    try:
        exec(stmt)
    except ImportError as e:
        print(type(e).__name__, str(e).split(' (')[0])
import bisect, heapq, queue
print([n for n in dir(bisect) if not n.startswith('_')])
print([n for n in dir(heapq) if not n.startswith('_')])
print([n for n in dir(queue) if n[0].isupper()])
print('__name__' in dir(bisect), dir(bisect) == sorted(dir(bisect)))
