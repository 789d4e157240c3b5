"""asyncio: coroutines run by an event loop (Tollbooth's frozen module, written for tollpy).

The subset a threading student compares with threads and processes: run, sleep, gather,
create_task, ensure_future, wait_for, wait, as_completed, timeout, shield, Task, Future,
Queue (and LifoQueue, PriorityQueue), Lock, Event, Semaphore, BoundedSemaphore, Condition,
get_running_loop, get_event_loop, new_event_loop, current_task, all_tasks, iscoroutine,
CancelledError, TimeoutError, InvalidStateError, QueueEmpty, QueueFull.

How it works (the design of CPython's asyncio, in our own words):
- A Task drives a coroutine: each step sends None into it (or throws an exception) until the
  coroutine yields a Future it waits on (`await fut` ends in Future.__await__, which yields the
  future itself). The task then registers itself as that future's done callback and the step
  ends; when the future completes, the loop schedules the next step.
- The loop has a ready list of callbacks and a heap of timers. One iteration moves the timers
  that are due to the ready list and runs the callbacks that were ready when it began. When
  nothing is ready it sleeps the thread with time.sleep until the first timer: the sleep releases
  the GIL, so other Python threads run meanwhile, and CPU time is not burnt.
- There is no I/O selector (no sockets yet): asyncio.sleep stands in for waiting on the network.
  call_soon_threadsafe wakes a sleeping loop within its poll interval (_IDLE_POLL seconds).

State: one running loop per thread (_running, keyed by _thread.get_ident()); a loop and its
tasks belong to the thread that runs it, as in CPython. call_soon_threadsafe is the one entry
point for other threads: it appends under _thread's lock.
"""

import time as _time
import _thread
import sys as _sys

__all__ = [
    "run", "sleep", "gather", "create_task", "ensure_future", "wait_for", "wait", "as_completed",
    "timeout", "shield", "Task", "Future", "Queue", "LifoQueue", "PriorityQueue", "Lock", "Event",
    "Semaphore", "BoundedSemaphore", "Condition", "get_running_loop", "get_event_loop",
    "new_event_loop", "set_event_loop", "current_task", "all_tasks", "iscoroutine",
    "iscoroutinefunction", "isfuture", "CancelledError", "TimeoutError", "InvalidStateError",
    "QueueEmpty", "QueueFull", "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED",
    "AbstractEventLoop", "to_thread", "run_coroutine_threadsafe",
]

_IDLE_POLL = 0.05           # seconds an idle loop sleeps between looks at call_soon_threadsafe


class CancelledError(BaseException):
    """The operation was cancelled (a BaseException since Python 3.8)."""


class InvalidStateError(Exception):
    """The Future is not in a state that allows this operation."""


TimeoutError = TimeoutError          # asyncio.TimeoutError is the built-in one since Python 3.11


class QueueEmpty(Exception):
    """Raised by Queue.get_nowait() on an empty queue."""


class QueueFull(Exception):
    """Raised by Queue.put_nowait() on a full queue."""


async def _probe():
    pass

_p = _probe()
_coroutine_type = type(_p)
_p.close()
del _p


def iscoroutine(obj):
    return type(obj) is _coroutine_type


def iscoroutinefunction(func):
    code = getattr(func, "__code__", None)
    return code is not None and bool(code.co_flags & 0x80)


def isfuture(obj):
    return getattr(type(obj), "_asyncio_future_blocking", None) is not None


# ---- the running loop and the current task, per thread -----------------------------------------
_running = {}               # thread ident -> the loop running in it
_current = {}               # loop -> the task whose step is running
_default = {}               # thread ident -> the loop set_event_loop gave it


def _get_running_loop():
    return _running.get(_thread.get_ident())


def get_running_loop():
    loop = _running.get(_thread.get_ident())
    if loop is None:
        raise RuntimeError("no running event loop")
    return loop


def get_event_loop():
    loop = _running.get(_thread.get_ident())
    if loop is not None:
        return loop
    loop = _default.get(_thread.get_ident())
    if loop is None:
        loop = new_event_loop()
        _default[_thread.get_ident()] = loop
    return loop


def set_event_loop(loop):
    if loop is None:
        _default.pop(_thread.get_ident(), None)
    else:
        _default[_thread.get_ident()] = loop


def new_event_loop():
    return EventLoop()


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _current.get(loop)


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    return {t for t in loop._tasks if not t.done()}


# ---- callbacks and timers ------------------------------------------------------------------------
class Handle:
    """A callback scheduled on a loop (call_soon); cancel() keeps it from running."""

    def __init__(self, callback, args, loop):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def cancel(self):
        self._cancelled = True
        self._callback = None
        self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                "message": "Exception in callback %r" % (self._callback,),
                "exception": exc,
            })

    def __repr__(self):
        state = " cancelled" if self._cancelled else ""
        return "<%s%s %r>" % (type(self).__name__, state, self._callback)


class TimerHandle(Handle):
    """A callback due at loop time `when` (call_later / call_at)."""

    def __init__(self, when, seq, callback, args, loop):
        Handle.__init__(self, callback, args, loop)
        self._when = when
        self._seq = seq             # ties at the same time run in scheduling order

    def when(self):
        return self._when

    def _key(self):
        return (self._when, self._seq)


def _heap_push(heap, item):
    heap.append(item)
    i = len(heap) - 1
    key = item._key()
    while i > 0:
        parent = (i - 1) >> 1
        if heap[parent]._key() <= key:
            break
        heap[i] = heap[parent]
        i = parent
    heap[i] = item


def _heap_pop(heap):
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    n = len(heap)
    i = 0
    key = last._key()
    while True:
        child = 2 * i + 1
        if child >= n:
            break
        if child + 1 < n and heap[child + 1]._key() < heap[child]._key():
            child += 1
        if key <= heap[child]._key():
            break
        heap[i] = heap[child]
        i = child
    heap[i] = last
    return top


# ---- the event loop -----------------------------------------------------------------------------
class AbstractEventLoop:
    """The base class of event loops (only EventLoop here)."""


class EventLoop(AbstractEventLoop):
    """A loop of callbacks and timers; sleeps the thread (GIL released) when nothing is ready."""

    def __init__(self):
        self._ready = []
        self._scheduled = []
        self._seq = 0
        self._stopping = False
        self._closed = False
        self._thread_id = None
        self._tasks = set()
        self._task_count = 0
        self._threadsafe = []
        self._threadsafe_lock = _thread.allocate_lock()
        self._exception_handler = None
        self._asyncgens = []             # dropped unfinished: aclose() scheduled (finalizer hook)
        self._asyncgens_alive = None     # WeakSet of those first iterated on this loop (firstiter hook)
        self._executor_jobs = 0          # run_in_executor calls whose thread has not reported back

    def __repr__(self):
        return "<%s running=%s closed=%s debug=False>" % (
            type(self).__name__, self.is_running(), self._closed)

    # -- scheduling
    def time(self):
        return _time.monotonic()

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        h = Handle(callback, args, self)
        self._ready.append(h)
        return h

    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(self.time() + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        self._check_closed()
        self._seq += 1
        h = TimerHandle(when, self._seq, callback, args, self)
        _heap_push(self._scheduled, h)
        return h

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        h = Handle(callback, args, self)
        with self._threadsafe_lock:
            self._threadsafe.append(h)
        return h

    def create_future(self):
        return Future(loop=self)

    def run_in_executor(self, executor, func, *args):
        """A future of func(*args) run in another thread: a thread of its own when executor is
        None, else executor.submit (a concurrent.futures executor)."""
        self._check_closed()
        fut = self.create_future()
        self._executor_jobs += 1
        if executor is not None:
            cf = executor.submit(func, *args)

            def relay(done):
                try:
                    res, ok = done.result(), True
                except BaseException as exc:
                    res, ok = exc, False
                self.call_soon_threadsafe(_deliver_executor_result, self, fut, ok, res)
            cf.add_done_callback(relay)
            return fut

        def work():
            try:
                res, ok = func(*args), True
            except BaseException as exc:
                res, ok = exc, False
            self.call_soon_threadsafe(_deliver_executor_result, self, fut, ok, res)
        _thread.start_new_thread(work, ())
        return fut

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        return Task(coro, loop=self, name=name)

    # -- running
    def is_running(self):
        return self._thread_id is not None

    def is_closed(self):
        return self._closed

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def stop(self):
        self._stopping = True

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        self._closed = True
        self._ready = []
        self._scheduled = []

    def run_forever(self):
        self._check_closed()
        if self.is_running():
            raise RuntimeError("This event loop is already running")
        me = _thread.get_ident()
        if _running.get(me) is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")
        self._thread_id = me
        _running[me] = self
        old_hooks = _sys.get_asyncgen_hooks()
        _sys.set_asyncgen_hooks(firstiter=self._asyncgen_firstiter_hook, finalizer=_asyncgen_finalizer_hook)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._thread_id = None
            del _running[me]
            _sys.set_asyncgen_hooks(firstiter=old_hooks[0], finalizer=old_hooks[1])

    def run_until_complete(self, future):
        self._check_closed()
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        future.add_done_callback(_stop_loop_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()      # retrieved: the loop's own error is the one to report
            raise
        finally:
            future.remove_done_callback(_stop_loop_cb)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def _run_once(self):
        if self._threadsafe:
            with self._threadsafe_lock:
                self._ready.extend(self._threadsafe)
                self._threadsafe = []
        sched = self._scheduled
        while sched and sched[0]._cancelled:
            _heap_pop(sched)
        if not self._ready and not self._stopping:
            # Nothing to run: sleep until the first timer (the GIL is released while sleeping)
            if sched:
                delay = sched[0]._when - self.time()
                if self._executor_jobs and delay > _IDLE_POLL:
                    delay = _IDLE_POLL          # a worker thread may report back sooner
                if delay > 0:
                    _time.sleep(delay)
            else:
                _time.sleep(_IDLE_POLL)
        now = self.time()
        while sched and sched[0]._when <= now:
            h = _heap_pop(sched)
            if not h._cancelled:
                self._ready.append(h)
        # run what is ready now; callbacks they schedule wait for the next iteration
        batch = self._ready
        self._ready = []
        for h in batch:
            if not h._cancelled:
                h._run()

    # -- errors
    def set_exception_handler(self, handler):
        self._exception_handler = handler

    def get_exception_handler(self):
        return self._exception_handler

    def default_exception_handler(self, context):
        msg = context.get("message") or "Unhandled exception in event loop"
        exc = context.get("exception")
        if exc is not None:
            msg = "%s\n%s: %s" % (msg, type(exc).__name__, exc)
        print(msg, file=_sys.stderr)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            self.default_exception_handler(context)
        else:
            self._exception_handler(self, context)

    def _asyncgen_firstiter_hook(self, agen):
        if self._asyncgens_alive is None:
            from weakref import WeakSet
            self._asyncgens_alive = WeakSet()
        self._asyncgens_alive.add(agen)

    async def shutdown_asyncgens(self):
        """Close the async generators still open that were first iterated on this loop or handed
        to it by the finalizer hook: all at once (gather), as CPython's."""
        pending = list(self._asyncgens)
        self._asyncgens.clear()
        if self._asyncgens_alive is not None:
            pending += [a for a in list(self._asyncgens_alive) if a not in pending]
            self._asyncgens_alive.clear()
        if not pending:
            return
        results = await gather(*[agen.aclose() for agen in pending], return_exceptions=True)
        for result, agen in zip(results, pending):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    "message": "an error occurred during closing of asynchronous generator %r" % (agen,),
                    "exception": result,
                    "asyncgen": agen,
                })

    def get_debug(self):
        return False

    def set_debug(self, enabled):
        pass


def _stop_loop_cb(fut):
    fut._loop.stop()


def _deliver_executor_result(loop, fut, ok, res):
    loop._executor_jobs -= 1
    if fut.cancelled():
        return
    if ok:
        fut.set_result(res)
    else:
        fut.set_exception(res)


async def to_thread(func, *args, **kwargs):
    """Run func(*args, **kwargs) in a separate thread and await its result (blocking I/O off the loop)."""
    loop = get_running_loop()
    return await loop.run_in_executor(None, lambda: func(*args, **kwargs))


def run_coroutine_threadsafe(coro, loop):
    """Submit coro to loop from another thread; returns an object with result(timeout) and done()."""
    if not iscoroutine(coro):
        raise TypeError("A coroutine object is required")
    return _ThreadsafeResult(coro, loop)


class _ThreadsafeResult:
    """What run_coroutine_threadsafe returns (a small concurrent.futures.Future)."""

    def __init__(self, coro, loop):
        self._done = _thread.allocate_lock()
        self._done.acquire()
        self._ok = None
        self._value = None
        loop.call_soon_threadsafe(self._start, loop, coro)

    def _start(self, loop, coro):
        task = loop.create_task(coro)
        task.add_done_callback(self._finish)

    def _finish(self, task):
        if task.cancelled():
            self._ok, self._value = False, CancelledError()
        elif task.exception() is not None:
            self._ok, self._value = False, task.exception()
        else:
            self._ok, self._value = True, task.result()
        self._done.release()

    def done(self):
        return self._ok is not None

    def result(self, timeout=None):
        if self._ok is None:
            if not self._done.acquire(True, -1 if timeout is None else timeout):
                raise TimeoutError()
            self._done.release()
        if self._ok:
            return self._value
        raise self._value


async def _aclose(agen):
    await agen.aclose()


def _asyncgen_finalizer_hook(agen):
    """An async generator was dropped unfinished: close it on the loop running in this thread
    (its finally blocks may await), as CPython's BaseEventLoop._asyncgen_finalizer_hook. With no
    loop running here nothing is kept, and the generator is closed on the spot."""
    loop = _running.get(_thread.get_ident())
    if loop is None or loop._closed:
        return
    if loop._asyncgens_alive is not None:
        loop._asyncgens_alive.discard(agen)
    loop._asyncgens.append(agen)
    loop.call_soon(_close_dropped_agen, loop, agen)


def _close_dropped_agen(loop, agen):
    if agen in loop._asyncgens:
        loop._asyncgens.remove(agen)
        loop.create_task(_aclose(agen))


# ---- futures ------------------------------------------------------------------------------------
_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"


class Future:
    """A result that will be set later; `await fut` suspends the awaiting task until it is."""

    # a class attribute marks futures (isfuture); True on an instance while a task waits on it
    _asyncio_future_blocking = False

    def __init__(self, *, loop=None):
        self._loop = get_event_loop() if loop is None else loop
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._cancel_message = None

    def __repr__(self):
        return "<%s %s>" % (type(self).__name__, self._repr_info())

    def _repr_info(self):
        state = self._state.lower()
        if self._state == _FINISHED:
            if self._exception is not None:
                return "%s exception=%r" % (state, self._exception)
            return "%s result=%r" % (state, self._result)
        return state

    def get_loop(self):
        return self._loop

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def _make_cancelled_error(self):
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Result is not set.")
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Exception is not set.")
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        kept = [f for f in self._callbacks if f != fn]
        removed = len(self._callbacks) - len(kept)
        self._callbacks = kept
        return removed

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        self._callbacks = []
        for fn in callbacks:
            self._loop.call_soon(fn, self)

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError("%s: %r" % (self._state, self))
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError("%s: %r" % (self._state, self))
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators "
                            "and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self                  # the task driving us waits until we are done
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


class _Yield:
    """`await _Yield()` gives the loop one turn (asyncio.sleep(0)): a bare yield to the task."""

    def __await__(self):
        yield


class Task(Future):
    """Runs a coroutine on the loop, one step per wake-up; a Future of its result."""

    def __init__(self, coro, *, loop=None, name=None, context=None):
        Future.__init__(self, loop=loop)
        if not iscoroutine(coro):
            self._state = _CANCELLED
            raise TypeError("a coroutine was expected, got %r" % (coro,))
        self._coro = coro
        self._fut_waiter = None
        self._must_cancel = False
        self._num_cancels_requested = 0
        self._loop._task_count += 1
        self._name = str(name) if name is not None else "Task-%d" % self._loop._task_count
        self._loop._tasks.add(self)
        self._loop.call_soon(self._step)

    def _repr_info(self):
        info = Future._repr_info(self)
        return "%s name=%r coro=<%s>" % (info.split(" ")[0], self._name, self._coro.__qualname__) + \
            info[len(info.split(" ")[0]):]

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def get_coro(self):
        return self._coro

    def set_result(self, result):
        raise RuntimeError("Task does not support set_result operation")

    def set_exception(self, exception):
        raise RuntimeError("Task does not support set_exception operation")

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def cancel(self, msg=None):
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def _finish(self):
        self._loop._tasks.discard(self)
        self._schedule_callbacks()

    def _step(self, exc=None):
        if self.done():
            return
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        loop = self._loop
        prev = _current.get(loop)
        _current[loop] = self
        try:
            if exc is None:
                result = self._coro.send(None)
            else:
                result = self._coro.throw(exc)
        except StopIteration as e:
            if self._must_cancel:
                self._must_cancel = False
                self._state = _CANCELLED
            else:
                self._result = e.value
                self._state = _FINISHED
            self._finish()
        except CancelledError as e:
            self._state = _CANCELLED
            if e.args:
                self._cancel_message = e.args[0]
            self._finish()
        except (KeyboardInterrupt, SystemExit) as e:
            self._exception = e
            self._state = _FINISHED
            self._finish()
            raise
        except BaseException as e:
            self._exception = e
            self._state = _FINISHED
            self._finish()
        else:
            blocking = getattr(result, "_asyncio_future_blocking", None)
            if blocking is not None:
                if result._loop is not loop:
                    loop.call_soon(self._step, RuntimeError(
                        "Task %r got Future %r attached to a different loop" % (self, result)))
                elif blocking:
                    result._asyncio_future_blocking = False
                    result.add_done_callback(self._wakeup)
                    self._fut_waiter = result
                    if self._must_cancel:
                        if self._fut_waiter.cancel(msg=self._cancel_message):
                            self._must_cancel = False
                else:
                    loop.call_soon(self._step, RuntimeError(
                        "yield was used instead of yield from in task %r with %r" % (self, result)))
            elif result is None:
                loop.call_soon(self._step)          # a bare yield: sleep(0)
            else:
                loop.call_soon(self._step, RuntimeError("Task got bad yield: %r" % (result,)))
        finally:
            if prev is None:
                del _current[loop]
            else:
                _current[loop] = prev

    def _wakeup(self, fut):
        try:
            fut.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()


def create_task(coro, *, name=None, context=None):
    return get_running_loop().create_task(coro, name=name)


def ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        if loop is not None and loop is not coro_or_future._loop:
            raise ValueError("The future belongs to a different loop than the one specified as the loop argument")
        return coro_or_future
    if iscoroutine(coro_or_future):
        if loop is None:
            loop = get_event_loop()
        return loop.create_task(coro_or_future)
    if hasattr(type(coro_or_future), "__await__"):
        return ensure_future(_wrap_awaitable(coro_or_future), loop=loop)
    raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")


async def _wrap_awaitable(awaitable):
    return await awaitable


# ---- sleeping and waiting -----------------------------------------------------------------------
def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


async def sleep(delay, result=None):
    """Suspend the calling task for `delay` seconds; other tasks run meanwhile."""
    if delay <= 0:
        await _Yield()
        return result
    loop = get_running_loop()
    fut = loop.create_future()
    h = loop.call_later(delay, _set_result_unless_cancelled, fut, result)
    try:
        return await fut
    finally:
        h.cancel()


class _GatheringFuture(Future):
    """gather()'s result: cancelling it cancels the children."""

    def __init__(self, children, *, loop):
        Future.__init__(self, loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    """Run the awaitables concurrently; a future of the list of their results, in order."""
    if not coros_or_futures:
        outer = get_event_loop().create_future()
        outer.set_result([])
        return outer
    state = {"finished": 0}
    children = []
    arg_to_fut = {}
    loop = None
    outer = None

    def done_callback(fut):
        state["finished"] += 1
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()         # mark it retrieved
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if state["finished"] == len(arg_to_fut):
            results = []
            for f in children:
                if f.cancelled():
                    res = f._make_cancelled_error()
                else:
                    res = f.exception()
                    if res is None:
                        res = f.result()
                results.append(res)
            if outer._cancel_requested:
                outer.set_exception(CancelledError())
            else:
                outer.set_result(results)

    for arg in coros_or_futures:
        key = id(arg)
        if key not in arg_to_fut:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut._loop
            arg_to_fut[key] = (arg, fut)
            fut.add_done_callback(done_callback)
        else:
            fut = arg_to_fut[key][1]
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    return outer


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut):
    loop = get_running_loop()
    waiter = loop.create_future()
    cb = lambda f: _release_waiter(waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    """Await fut; past `timeout` seconds cancel it and raise TimeoutError."""
    loop = get_running_loop()
    if timeout is None:
        return await fut
    fut = ensure_future(fut, loop=loop)
    if timeout <= 0:
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = lambda f: _release_waiter(waiter)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures/tasks in fs; returns (done, pending) sets."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError("expect a list of futures, not %s" % type(fs).__name__)
    if not fs:
        raise ValueError("Set of Tasks/Futures is empty.")
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError("Invalid return_when value: %s" % (return_when,))
    loop = get_running_loop()
    fs = set(fs)
    for f in fs:
        if iscoroutine(f):
            raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    fs = {ensure_future(f, loop=loop) for f in fs}
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = [len(fs)]

    def on_done(f):
        counter[0] -= 1
        if (counter[0] <= 0 or return_when == FIRST_COMPLETED or
                (return_when == FIRST_EXCEPTION and not f.cancelled() and f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(on_done)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(on_done)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


def as_completed(fs, *, timeout=None):
    """An iterator of awaitables that give the results of fs in the order they complete."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError("expect an iterable of futures, not %s" % type(fs).__name__)
    loop = get_event_loop()
    todo = {ensure_future(f, loop=loop) for f in set(fs)}
    done = Queue()
    timeout_handle = None

    def on_timeout():
        for f in todo:
            f.remove_done_callback(on_completion)
            done.put_nowait(None)
        todo.clear()

    def on_completion(f):
        if not todo:
            return
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, on_timeout)
    for _ in range(len(todo)):
        yield wait_for_one()


def shield(arg):
    """A future of arg's result that cancelling does not pass on to arg."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner._loop
    outer = loop.create_future()

    def inner_done(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(inner_done)

    inner.add_done_callback(inner_done)
    outer.add_done_callback(outer_done)
    return outer


class Timeout:
    """`async with asyncio.timeout(delay):` cancels the block past the deadline and raises TimeoutError."""

    def __init__(self, when):
        self._when = when
        self._handle = None
        self._task = None
        self._expired = False

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        self._when = when
        if when is not None and self._task is not None:
            loop = get_running_loop()
            if when <= loop.time():
                self._handle = loop.call_soon(self._on_timeout)
            else:
                self._handle = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._expired

    async def __aenter__(self):
        self._task = current_task()
        if self._task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        if self._expired and exc_type is CancelledError:
            if self._task.uncancel() == 0:
                raise TimeoutError from exc_val
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._expired = True
        self._handle = None


def timeout(delay):
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    return Timeout(when)


# ---- running a program --------------------------------------------------------------------------
def _cancel_all_tasks(loop):
    to_cancel = [t for t in loop._tasks if not t.done()]
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                "message": "unhandled exception during asyncio.run() shutdown",
                "exception": task.exception(),
            })


def run(main, *, debug=None):
    """Run coroutine main on a new event loop until it completes; return its result."""
    if _get_running_loop() is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not iscoroutine(main):
        raise ValueError("a coroutine was expected, got %r" % (main,))
    loop = new_event_loop()
    try:
        set_event_loop(loop)
        return loop.run_until_complete(main)
    finally:
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
        finally:
            set_event_loop(None)
            loop.close()


class Runner:
    """with asyncio.Runner() as r: r.run(coro) — several runs on one loop."""

    def __init__(self, *, debug=None):
        self._loop = None

    def __enter__(self):
        self._loop = new_event_loop()
        return self

    def __exit__(self, *exc):
        self.close()

    def get_loop(self):
        if self._loop is None:
            self._loop = new_event_loop()
        return self._loop

    def run(self, coro):
        loop = self.get_loop()
        set_event_loop(loop)
        return loop.run_until_complete(coro)

    def close(self):
        if self._loop is not None:
            try:
                _cancel_all_tasks(self._loop)
            finally:
                set_event_loop(None)
                self._loop.close()
                self._loop = None


# ---- synchronisation (for tasks of one loop; not thread-safe, as CPython's) ---------------------
class _LoopBound:
    _loop = None

    def _get_loop(self):
        loop = get_running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError("%r is bound to a different event loop" % (self,))
        return loop


class Lock(_LoopBound):
    """A mutex for tasks: `async with lock:`."""

    def __init__(self):
        self._waiters = []
        self._locked = False

    def __repr__(self):
        extra = "locked" if self._locked else "unlocked"
        if self._waiters:
            extra = "%s, waiters:%d" % (extra, len(self._waiters))
        return "<asyncio.locks.Lock object at %#x [%s]>" % (id(self), extra)

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and all(w.cancelled() for w in self._waiters):
            self._locked = True
            return True
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self):
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError("Lock is not acquired.")

    def _wake_up_first(self):
        for fut in self._waiters:
            if not fut.done():
                fut.set_result(True)
                return

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Event(_LoopBound):
    """A flag tasks can wait for: set() wakes every waiter."""

    def __init__(self):
        self._waiters = []
        self._value = False

    def __repr__(self):
        extra = "set" if self._value else "unset"
        if self._waiters:
            extra = "%s, waiters:%d" % (extra, len(self._waiters))
        return "<asyncio.locks.Event object at %#x [%s]>" % (id(self), extra)

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Condition(_LoopBound):
    """wait()/notify() for tasks, over a Lock."""

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()

    async def wait(self):
        if not self.locked():
            raise RuntimeError("cannot wait on un-acquired lock")
        self.release()
        try:
            fut = self._get_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    pass

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError("cannot notify on un-acquired lock")
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_LoopBound):
    """A counter tasks acquire and release; acquire waits at zero."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = []
        self._value = value

    def locked(self):
        return self._value == 0 or any(not w.cancelled() for w in self._waiters)

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if fut.done() and not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        self._bound_value = value
        Semaphore.__init__(self, value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError("BoundedSemaphore released too many times")
        Semaphore.release(self)


class Queue(_LoopBound):
    """A FIFO queue for tasks: `await q.put(x)`, `await q.get()`, task_done()/join()."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = []
        self._putters = []
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)

    def _init(self, maxsize):
        self._queue = []
        self._head = 0

    def _get(self):
        item = self._queue[self._head]
        self._queue[self._head] = None
        self._head += 1
        if self._head > 32 and self._head * 2 > len(self._queue):
            del self._queue[:self._head]
            self._head = 0
        return item

    def _put(self, item):
        self._queue.append(item)

    def _items(self):
        return self._queue[self._head:]

    def __repr__(self):
        return "<%s at %#x maxsize=%r>" % (type(self).__name__, id(self), self._maxsize)

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.pop(0)
            if not waiter.done():
                waiter.set_result(None)
                break

    @property
    def maxsize(self):
        return self._maxsize

    def qsize(self):
        return len(self._items())

    def empty(self):
        return self.qsize() == 0

    def full(self):
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        while self.full():
            putter = self._get_loop().create_future()
            self._putters.append(putter)
            try:
                await putter
            except BaseException:
                putter.cancel()
                if putter in self._putters:
                    self._putters.remove(putter)
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        while self.empty():
            getter = self._get_loop().create_future()
            self._getters.append(getter)
            try:
                await getter
            except BaseException:
                getter.cancel()
                if getter in self._getters:
                    self._getters.remove(getter)
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class LifoQueue(Queue):
    """A Queue that gives the most recently put item first."""

    def _init(self, maxsize):
        self._queue = []

    def _get(self):
        return self._queue.pop()

    def _items(self):
        return self._queue


class PriorityQueue(Queue):
    """A Queue that gives the smallest item first (kept sorted on insertion)."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        q = self._queue
        lo, hi = 0, len(q)
        while lo < hi:
            mid = (lo + hi) // 2
            if item < q[mid]:
                hi = mid
            else:
                lo = mid + 1
        q.insert(lo, item)

    def _get(self):
        return self._queue.pop(0)

    def _items(self):
        return self._queue
