"""multiprocessing: processes are isolated interpreters (Tollbooth's frozen module).

Each Process runs in its own interpreter -- own modules, own heap limit, own GIL -- on its own
kernel thread, so CPU-bound processes run in parallel on the cores while threads under one GIL
take turns. Spawn semantics (CPython's default on macOS and Windows): the child re-runs the main
program with __name__ == "__mp_main__" (so `if __name__ == "__main__":` matters), then calls
the target, found by name in its own main module, with copies of the arguments. Only plain data
crosses (None, bool, int, float, str, bytes, tuple, list, dict, set, top-level functions and
classes by name, exceptions, and the shared objects below); anything else raises
TypeError("cannot pickle '...' object") as pickling does.

Process, current_process, parent_process, active_children, cpu_count, Lock, RLock, Semaphore,
BoundedSemaphore, Event, Value, Array, RawValue, RawArray, Queue, SimpleQueue, JoinableQueue,
Pipe, Pool. terminate() is cooperative (the child stops at its next bytecode check point).
Tollbooth addition: set_process_limits(max_processes=None, mem_limit=None).
"""

import _multiprocessing as _mp

Lock = _mp.Lock
RLock = _mp.RLock
Semaphore = _mp.Semaphore
BoundedSemaphore = _mp.BoundedSemaphore
Event = _mp.Event
Value = _mp.Value
Array = _mp.Array
cpu_count = _mp.cpu_count


def RawValue(typecode_or_type, *args):
    return _mp.Value(typecode_or_type, *args, lock=False)


def RawArray(typecode_or_type, size_or_initializer):
    return _mp.Array(typecode_or_type, size_or_initializer, lock=False)


def set_process_limits(max_processes=None, mem_limit=None):
    """Tollbooth: at most max_processes live processes, mem_limit bytes of heap each."""
    return _mp.set_limits(max_processes, mem_limit)


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


try:
    import queue as _queue
    Empty = _queue.Empty
    Full = _queue.Full
except ImportError:
    class Empty(Exception):
        pass

    class Full(Exception):
        pass


def freeze_support():
    pass


def get_start_method(allow_none=False):
    return "spawn"


def get_all_start_methods():
    return ["spawn"]


def set_start_method(method, force=False):
    if method != "spawn":
        raise ValueError("cannot find context for %r (Tollbooth only spawns)" % (method,))


def get_context(method=None):
    if method is not None and method != "spawn":
        raise ValueError("cannot find context for %r" % (method,))
    import multiprocessing
    return multiprocessing


# ---- processes ---------------------------------------------------------------------------------

_children = []
_counter = [0]
_me = _mp.current()          # (name, pid, parent_pid) of this interpreter


class _Current:
    def __init__(self, name, pid, parent):
        self.name = name
        self.pid = pid
        self.ident = pid
        self._parent_pid = parent
        self.daemon = False
        self.exitcode = None
        self.authkey = b""

    def is_alive(self):
        return True

    def __repr__(self):
        if self._parent_pid is None:
            return "<_MainProcess name=%r parent=None started>" % (self.name,)
        return "<Process name=%r parent=%d started>" % (self.name, self._parent_pid)


_current = _Current(_me[0], _me[1], _me[2])


def current_process():
    return _current


def parent_process():
    if _current._parent_pid is None:
        return None
    return _Current("Parent", _current._parent_pid, None)


def active_children():
    for p in list(_children):
        if not p.is_alive():
            p.join(0)
    return list(_children)


def _noop():
    pass


def _run_subclass(cls, state):
    self = object.__new__(cls)
    for k in state:
        setattr(self, k, state[k])
    self.run()


class Process:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, daemon=None):
        if group is not None:
            raise AssertionError("group argument must be None for now")
        _counter[0] += 1
        n = _counter[0]
        if name is None:
            if _current._parent_pid is None:
                name = "%s-%d" % (type(self).__name__, n)
            else:
                name = "%s:%d" % (_current.name, n)
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs) if kwargs else {}
        self._name = str(name)
        self.daemon = bool(daemon) if daemon is not None else False
        self._h = None
        self._closed = False

    def run(self):
        if self._target is not None:
            self._target(*self._args, **self._kwargs)

    def start(self):
        if self._h is not None:
            raise AssertionError("cannot start a process twice")
        if self._closed:
            raise ValueError("process object is closed")
        if type(self).run is Process.run:
            target = self._target if self._target is not None else _noop
            self._h = _mp._start(target, self._args, self._kwargs, self._name, self.daemon)
        else:
            state = {}
            for k in self.__dict__:
                if k != "_h":
                    state[k] = self.__dict__[k]
            self._h = _mp._start(_run_subclass, (type(self), state), None, self._name, self.daemon)
        _children.append(self)

    def join(self, timeout=None):
        if self._h is None:
            raise AssertionError("can only join a started process")
        if self._h.join(timeout):
            if self in _children:
                _children.remove(self)

    def is_alive(self):
        if self._h is None:
            return False
        return self._h.is_alive()

    def terminate(self):
        if self._h is not None:
            self._h.terminate()

    def kill(self):
        self.terminate()

    def close(self):
        if self._h is not None and self._h.is_alive():
            raise ValueError("Cannot close a process while it is still running. "
                             "You should first call join() or terminate().")
        self._closed = True

    @property
    def exitcode(self):
        if self._h is None:
            return None
        return self._h.exitcode()

    @property
    def pid(self):
        if self._h is None:
            return None
        return self._h.pid()

    @property
    def ident(self):
        return self.pid

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self._name = str(value)

    def _stats(self):
        return self._h.stats()

    def __repr__(self):
        if self._h is None:
            status = "initial"
        elif self._h.is_alive():
            status = "started"
        else:
            status = "stopped exitcode=%s" % (self._h.exitcode(),)
        pid = "" if self._h is None else " pid=%d parent=%d" % (self._h.pid(), _current.pid)
        d = " daemon" if self.daemon else ""
        return "<%s name=%r%s %s%s>" % (type(self).__name__, self._name, pid, status, d)


def _shutdown(interrupted=False):
    """Called by the runtime when the main module ends: terminate the daemonic children (all
    of them after a KeyboardInterrupt), join all the others (as CPython's atexit handler)."""
    for p in list(_children):
        if p.daemon or interrupted:
            p.terminate()
    for p in list(_children):
        p.join()


# ---- queues and pipes --------------------------------------------------------------------------

def _rebuild_queue(cls, core):
    q = object.__new__(cls)
    q._core = core
    q._unfinished = None
    return q


def _rebuild_joinable(core, unfinished, done):
    q = object.__new__(JoinableQueue)
    q._core = core
    q._unfinished = unfinished
    q._done = done
    return q


class Queue:
    def __init__(self, maxsize=0):
        self._core = _mp.QueueCore(maxsize)

    def __mp_reduce__(self):
        return (_rebuild_queue, (type(self), self._core))

    def put(self, obj, block=True, timeout=None):
        if not self._core.put(obj, block, timeout):
            raise Full
        return None

    def get(self, block=True, timeout=None):
        r = self._core.get(block, timeout)
        if not r[0]:
            raise Empty
        return r[1]

    def put_nowait(self, obj):
        return self.put(obj, False)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return self._core.qsize()

    def empty(self):
        return self._core.qsize() == 0

    def full(self):
        m = self._core.maxsize()
        return m > 0 and self._core.qsize() >= m

    def close(self):
        pass

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


SimpleQueue = Queue


class JoinableQueue(Queue):
    def __init__(self, maxsize=0):
        Queue.__init__(self, maxsize)
        self._unfinished = _mp.Value("q", 0)
        self._done = _mp.Event()
        self._done.set()

    def __mp_reduce__(self):
        return (_rebuild_joinable, (self._core, self._unfinished, self._done))

    def put(self, obj, block=True, timeout=None):
        with self._unfinished.get_lock():
            self._unfinished.value += 1
            self._done.clear()
        if not self._core.put(obj, block, timeout):
            with self._unfinished.get_lock():
                self._unfinished.value -= 1
                if self._unfinished.value == 0:
                    self._done.set()
            raise Full

    def task_done(self):
        with self._unfinished.get_lock():
            if self._unfinished.value <= 0:
                raise ValueError("task_done() called too many times")
            self._unfinished.value -= 1
            if self._unfinished.value == 0:
                self._done.set()

    def join(self):
        self._done.wait()


def _rebuild_conn(r, w):
    c = object.__new__(Connection)
    c._r = r
    c._w = w
    c.closed = False
    return c


class Connection:
    def __init__(self, r, w):
        self._r = r
        self._w = w
        self.closed = False

    def __mp_reduce__(self):
        return (_rebuild_conn, (self._r, self._w))

    @property
    def readable(self):
        return self._r is not None

    @property
    def writable(self):
        return self._w is not None

    def send(self, obj):
        if self.closed:
            raise OSError("handle is closed")
        if self._w is None:
            raise OSError("connection is read-only")
        self._w.put(obj)

    def recv(self):
        if self.closed:
            raise OSError("handle is closed")
        if self._r is None:
            raise OSError("connection is write-only")
        return self._r.get()[1]

    def send_bytes(self, buf):
        self.send(bytes(buf))

    def recv_bytes(self, maxlength=None):
        return self.recv()

    def poll(self, timeout=0.0):
        if self._r is None:
            raise OSError("connection is write-only")
        if self._r.qsize() > 0 or self._r.closed():
            return True
        if timeout is not None and timeout <= 0:
            return False
        import time
        end = None if timeout is None else time.monotonic() + timeout
        while self._r.qsize() == 0 and not self._r.closed():
            if end is not None and time.monotonic() >= end:
                return False
            time.sleep(0.001)
        return True

    def close(self):
        if not self.closed:
            self.closed = True
            if self._w is not None:
                self._w.close()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def Pipe(duplex=True):
    a = _mp.QueueCore()
    if not duplex:
        return Connection(a, None), Connection(None, a)
    b = _mp.QueueCore()
    return Connection(a, b), Connection(b, a)


# ---- pools -------------------------------------------------------------------------------------

def _call_with_kwds(func, args, kwds):
    return func(*args, **kwds)


def _pool_worker(inq, outq, initializer, initargs):
    if initializer is not None:
        initializer(*initargs)
    while True:
        r = inq.get()
        task = r[1]
        if task is None:
            break
        job = task[0]
        idx = task[1]
        func = task[2]
        chunk = task[3]
        try:
            if task[4]:
                res = [func(*a) for a in chunk]
            else:
                res = [func(a) for a in chunk]
            msg = (job, idx, True, res)
        except Exception as e:
            msg = (job, idx, False, e)
        try:
            outq.put(msg)
        except Exception as e:
            outq.put((job, idx, False, RuntimeError(
                "Error sending result: %s. Reason: %s" % (type(msg[3]).__name__, e))))


class AsyncResult:
    def __init__(self, pool, job, nchunks, single, callback, error_callback):
        self._pool = pool
        self._job = job
        self._n = nchunks
        self._single = single
        self._callback = callback
        self._error_callback = error_callback
        self._done = False
        self._ok = None
        self._value = None

    def _finish(self, timeout):
        if self._done:
            return
        ok, value = self._pool._collect(self._job, self._n, timeout)
        if self._single and ok:
            value = value[0]
        self._done = True
        self._ok = ok
        self._value = value
        if ok and self._callback is not None:
            self._callback(value)
        if not ok and self._error_callback is not None:
            self._error_callback(value)

    def ready(self):
        if not self._done:
            self._pool._drain()
            if self._pool._complete(self._job, self._n):
                self._finish(None)
        return self._done

    def successful(self):
        if not self.ready():
            raise ValueError("%r not ready" % (self,))
        return self._ok

    def wait(self, timeout=None):
        try:
            self._finish(timeout)
        except TimeoutError:
            pass

    def get(self, timeout=None):
        self._finish(timeout)
        if not self._ok:
            raise self._value
        return self._value


class Pool:
    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        if processes is None:
            processes = cpu_count()
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._inq = _mp.QueueCore()
        self._outq = _mp.QueueCore()
        self._state = "RUN"
        self._job = 0
        self._results = {}
        self._procs = []
        self._processes = processes
        for i in range(processes):
            _counter[0] += 1
            p = Process(target=_pool_worker,
                        args=(self._inq, self._outq, initializer, tuple(initargs)),
                        name="SpawnPoolWorker-%d" % (_counter[0],), daemon=True)
            p.start()
            self._procs.append(p)

    def __repr__(self):
        return "<multiprocessing.pool.Pool state=%s pool_size=%d>" % (self._state, self._processes)

    def _check_running(self):
        if self._state != "RUN":
            raise ValueError("Pool not running")

    def _submit(self, func, items, chunksize, star):
        self._check_running()
        items = list(items)
        if chunksize is None:
            chunksize, extra = divmod(len(items), self._processes * 4)
            if extra:
                chunksize += 1
        if chunksize < 1:
            chunksize = 1
        self._job += 1
        job = self._job
        self._results[job] = {}
        n = 0
        for i in range(0, len(items), chunksize):
            self._inq.put((job, n, func, items[i:i + chunksize], star))
            n += 1
        return job, n

    def _store(self, msg):
        box = self._results.get(msg[0])
        if box is not None:
            box[msg[1]] = (msg[2], msg[3])

    def _drain(self):
        while True:
            r = self._outq.get(False)
            if not r[0]:
                return
            self._store(r[1])

    def _complete(self, job, n):
        return len(self._results.get(job, ())) >= n

    def _wait(self, job, idx, timeout=None):
        box = self._results[job]
        while idx not in box:
            r = self._outq.get(True, timeout)
            if not r[0]:
                raise TimeoutError
            self._store(r[1])
        return box[idx]

    def _collect(self, job, n, timeout=None):
        out = []
        err = None
        for i in range(n):
            r = self._wait(job, i, timeout)
            if r[0]:
                out.extend(r[1])
            elif err is None:
                err = r[1]
        del self._results[job]
        if err is not None:
            return False, err
        return True, out

    def map(self, func, iterable, chunksize=None):
        job, n = self._submit(func, iterable, chunksize, False)
        ok, value = self._collect(job, n)
        if not ok:
            raise value
        return value

    def starmap(self, func, iterable, chunksize=None):
        job, n = self._submit(func, iterable, chunksize, True)
        ok, value = self._collect(job, n)
        if not ok:
            raise value
        return value

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        job, n = self._submit(func, iterable, chunksize, False)
        return AsyncResult(self, job, n, False, callback, error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        job, n = self._submit(func, iterable, chunksize, True)
        return AsyncResult(self, job, n, False, callback, error_callback)

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        job, n = self._submit(_call_with_kwds, [(func, tuple(args), dict(kwds))], 1, True)
        return AsyncResult(self, job, n, True, callback, error_callback)

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def imap(self, func, iterable, chunksize=1):
        job, n = self._submit(func, iterable, chunksize, False)
        return self._imap_results(job, n)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self.imap(func, iterable, chunksize)

    def _imap_results(self, job, n):
        for i in range(n):
            r = self._wait(job, i)
            del self._results[job][i]
            if not r[0]:
                del self._results[job]
                raise r[1]
            for v in r[1]:
                yield v
        del self._results[job]

    def close(self):
        if self._state == "RUN":
            self._state = "CLOSE"
            for p in self._procs:
                self._inq.put(None)

    def terminate(self):
        self._state = "TERMINATE"
        for p in self._procs:
            p.terminate()
        for p in self._procs:
            p.join()

    def join(self):
        if self._state == "RUN":
            raise ValueError("Pool is still running")
        for p in self._procs:
            p.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *args):
        self.terminate()


ThreadPool = None
