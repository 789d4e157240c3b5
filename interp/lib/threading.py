"""threading: a higher-level threading interface on top of _thread (Tollbooth's frozen module).

Thread, current_thread, main_thread, active_count, enumerate, get_ident, get_native_id,
Lock, RLock, Condition, Event, Semaphore, BoundedSemaphore, Timer, Barrier, excepthook,
stack_size.
A Thread's `core` attribute is the core it started on (Tollbooth addition).
Non-daemon threads are joined at interpreter exit by _shutdown() (called by the runtime).
"""

import _thread

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
stack_size = _thread.stack_size
Lock = _thread.allocate_lock
_CRLock = _thread.RLock


def RLock():
    return _CRLock()


class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%r, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        if hasattr(self._lock, "_release_save"):
            return self._lock._release_save()
        self._lock.release()
        return None

    def _acquire_restore(self, saved):
        if hasattr(self._lock, "_acquire_restore"):
            self._lock._acquire_restore(saved)
        else:
            self._lock.acquire()

    def _is_owned(self):
        if hasattr(self._lock, "_is_owned"):
            return self._lock._is_owned()
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _monotonic() + waittime
                else:
                    waittime = endtime - _monotonic()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters.pop(0)
            try:
                waiter.release()
            except RuntimeError:
                pass
            n -= 1

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


def _monotonic():
    import time
    return time.monotonic()


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _monotonic() + timeout
                    else:
                        timeout = endtime - _monotonic()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class Event:
    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """parties threads call wait(); all return together (indexes 0..parties-1). Simplified:
    abort()/reset() break the barrier for the current waiters."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be >= 1")
        self._cond = Condition(Lock())
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._count = 0
        self._generation = 0
        self._broken = False

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            if self._broken:
                raise BrokenBarrierError
            gen = self._generation
            index = self._count
            self._count += 1
            if self._count == self._parties:
                if self._action:
                    self._action()
                self._count = 0
                self._generation += 1
                self._cond.notify_all()
                return index
            while gen == self._generation and not self._broken:
                if not self._cond.wait(timeout) and gen == self._generation:
                    self._broken = True
                    self._cond.notify_all()
            if self._broken and gen == self._generation:
                raise BrokenBarrierError
            return index

    def abort(self):
        with self._cond:
            self._broken = True
            self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count:
                self._broken = True
                self._cond.notify_all()
            self._count = 0
            self._generation += 1
            self._broken = False

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count

    @property
    def broken(self):
        return self._broken


# ---- threads ------------------------------------------------------------------------------
_active_limbo_lock = _allocate_lock()
_active = {}      # ident -> Thread
_limbo = {}       # Thread -> Thread (started, not yet running)
_counter = 0


def _newname(template):
    global _counter
    _counter += 1
    return template % _counter


class ExceptHookArgs:
    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread


def excepthook(args):
    """Print an uncaught exception of a thread, as CPython does; the program continues."""
    if args.exc_type is SystemExit:
        return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    _thread._print_exc(args.exc_value, "Exception in thread %s:\n" % name)


__excepthook__ = excepthook


class Thread:
    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, daemon=None):
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                tname = getattr(target, "__name__", None)
                if tname is not None:
                    name = name + " (" + tname + ")"
        self._target = target
        self.name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self.daemon = daemon
        else:
            self.daemon = current_thread().daemon
        self.ident = None
        self.native_id = None
        self.core = None
        self._started = Event()
        self._is_stopped = False
        self._done = _allocate_lock()
        self._initialized = True

    def __repr__(self):
        status = "initial"
        if self._started.is_set():
            status = "started"
        if self._is_stopped:
            status = "stopped"
        if self.daemon:
            status = status + " daemon"
        if self.ident is not None:
            status = status + " %s" % self.ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self.name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        self._done.acquire()
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            self._done.release()
            raise
        self._started.wait()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            self._target = None
            self._args = None
            self._kwargs = None

    def _bootstrap(self):
        # The bookkeeping around run() sets the events start() and join() wait for: if it raises,
        # they wait for ever. Only a corrupted interpreter (the unsafe policy) gets there, and
        # _bootstrap_failed reports it, so the reset ends those waits.
        try:
            self.ident = get_ident()
            self.native_id = get_native_id()
            self.core = _thread._core()
            with _active_limbo_lock:
                _active[self.ident] = self
                del _limbo[self]
            self._started.set()
        except Exception:           # not SystemExit: a console stop may land here
            _thread._bootstrap_failed()
            raise
        try:
            try:
                self.run()
            except SystemExit:
                pass
            except BaseException as e:
                excepthook(ExceptHookArgs(type(e), e, None, self))
        finally:
            try:
                # before a joiner can return: the exit code waits for marked threads to end
                _thread._mark_exiting()
                with _active_limbo_lock:
                    self._is_stopped = True
                    if self.ident in _active:
                        del _active[self.ident]
                self._done.release()
            except Exception:
                _thread._bootstrap_failed()
                raise

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if self._is_stopped:
            return
        if timeout is None:
            ok = self._done.acquire()
        else:
            if timeout < 0:
                timeout = 0
            ok = self._done.acquire(True, timeout)
        if ok:
            self._done.release()

    def is_alive(self):
        return self._started.is_set() and not self._is_stopped

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = str(name)

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic


class Timer(Thread):
    """Call a function after a specified number of seconds (cancel() stops it)."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        if args is None:
            args = []
        if kwargs is None:
            kwargs = {}
        self.args = args
        self.kwargs = kwargs
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started.set()
        self.ident = get_ident()
        self.native_id = get_native_id()
        self.core = _thread._core()
        with _active_limbo_lock:
            _active[self.ident] = self


class _DummyThread(Thread):
    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self.ident = get_ident()
        self.native_id = get_native_id()
        self.core = _thread._core()
        with _active_limbo_lock:
            _active[self.ident] = self

    def join(self, timeout=None):
        raise RuntimeError("cannot join a dummy thread")


_main_thread = None


def current_thread():
    t = _active.get(get_ident())
    if t is None:
        if _main_thread is None:
            return None
        return _DummyThread()
    return t


currentThread = current_thread


def main_thread():
    return _main_thread


def active_count():
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


activeCount = active_count


def enumerate():
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    """Call func(*arg, **kwargs) at interpreter exit, before the non-daemon threads are joined
    (last registered, first called; CPython's hook for concurrent.futures' executors)."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append((func, arg, kwargs))


def _shutdown():
    """Run the _register_atexit hooks, then join every non-daemon thread (the runtime calls this
    at interpreter exit)."""
    global _SHUTTING_DOWN
    _SHUTTING_DOWN = True
    while _threading_atexits:
        func, arg, kwargs = _threading_atexits.pop()
        func(*arg, **kwargs)
    while True:
        with _active_limbo_lock:
            pending = []
            for t in list(_active.values()) + list(_limbo.values()):
                if t is not _main_thread and not t.daemon and not t._is_stopped:
                    pending.append(t)
        if not pending:
            return
        for t in pending:
            t.join()


def _init_main():
    global _main_thread
    _main_thread = _MainThread()


_init_main()
