"""concurrent.futures: Future, wait, as_completed, ThreadPoolExecutor and ProcessPoolExecutor
(Tollbooth's frozen module, with CPython 3.11's behaviour, reprs and exceptions).

ThreadPoolExecutor runs work items on up to max_workers threads fed by one queue.SimpleQueue;
a thread is started per submit() only while no started thread is idle. ProcessPoolExecutor runs
them in multiprocessing processes (interp/lib/multiprocessing.py: each its own interpreter and
GIL, so CPU-bound work runs in parallel); only what multiprocessing can copy crosses (top-level
functions by name, plain data, exceptions). One manager thread per process pool moves work from
the pool's pending dict into the call queue (at most max_workers + 1 items in flight, so a
pending future can still be cancelled, as CPython) and turns results into future states.

Locks:
  Future._condition (a Condition over an RLock) guards _state, _result, _exception, _waiters and
    _done_callbacks; callbacks run after it is released.
  _Waiter.lock guards finished_futures and the counters of wait()/as_completed(); waiters are
    told about a future under that future's _condition.
  ThreadPoolExecutor._shutdown_lock guards _shutdown, _broken and the starting of threads.
  ProcessPoolExecutor._lock guards _pending, _order, _shutdown_flag and _broken; _in_flight is
    the manager thread's alone.
At interpreter exit (threading._register_atexit) every executor not shut down is shut down with
wait=True, as CPython's atexit hooks do, so queued work still runs.
"""

import threading
import time
import queue as _queue

__all__ = ('FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError',
           'TimeoutError', 'BrokenExecutor', 'Future', 'Executor', 'wait', 'as_completed',
           'ProcessPoolExecutor', 'ThreadPoolExecutor')

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}

_BASE = 'concurrent.futures._base'


class Error(Exception):
    """Base class for all future-related exceptions."""
    __module__ = _BASE


class CancelledError(Error):
    """The Future was cancelled."""
    __module__ = _BASE


TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in this state."""
    __module__ = _BASE


class BrokenExecutor(RuntimeError):
    """Raised when an executor has become non-functional after a severe failure."""
    __module__ = 'concurrent.futures._base'


class BrokenThreadPool(BrokenExecutor):
    """Raised when a worker thread in a ThreadPoolExecutor failed initializing."""
    __module__ = 'concurrent.futures.thread'


class BrokenProcessPool(BrokenExecutor):
    """Raised when a process in a ProcessPoolExecutor terminated abruptly."""
    __module__ = 'concurrent.futures.process'


def _report_callback_error(future, exc):
    # CPython logs "exception calling callback for <Future ...>" with the traceback
    try:
        import sys
        err = sys.stderr
        err.write('exception calling callback for %r\n%s: %s\n' % (future, type(exc).__name__, exc))
    except Exception:
        print('exception calling callback for %r' % (future,))


# ---- waiters: what wait() and as_completed() block on ------------------------------------------

class _Waiter:
    def __init__(self, mode, num_pending=0, stop_on_exception=False):
        self.event = threading.Event()
        self.lock = threading.Lock()
        self.finished_futures = []
        self.mode = mode
        self.num_pending = num_pending
        self.stop_on_exception = stop_on_exception

    def _done(self, future, failed):
        with self.lock:
            self.finished_futures.append(future)
            if self.mode in (_AS_COMPLETED, FIRST_COMPLETED):
                self.event.set()
                return
            self.num_pending -= 1
            if (failed and self.stop_on_exception) or not self.num_pending:
                self.event.set()

    def add_result(self, future):
        self._done(future, False)

    def add_exception(self, future):
        self._done(future, True)

    def add_cancelled(self, future):
        self._done(future, self.mode == FIRST_EXCEPTION)


class _AcquireFutures:
    """Holds every future's _condition, taken in id order (no lock-order deadlock)."""

    def __init__(self, futures):
        self.futures = sorted(futures, key=id)

    def __enter__(self):
        for f in self.futures:
            f._condition.acquire()

    def __exit__(self, *args):
        for f in self.futures:
            f._condition.release()


def _create_and_install_waiters(fs, return_when):
    if return_when == _AS_COMPLETED or return_when == FIRST_COMPLETED:
        waiter = _Waiter(return_when)
    else:
        pending_count = sum(f._state not in (CANCELLED_AND_NOTIFIED, FINISHED) for f in fs)
        waiter = _Waiter(return_when, pending_count, return_when == FIRST_EXCEPTION)
    for f in fs:
        f._waiters.append(waiter)
    return waiter


def _remove_waiter(fs, waiter):
    for f in fs:
        with f._condition:
            f._waiters.remove(waiter)


def as_completed(fs, timeout=None):
    """An iterator over the futures in fs, each yielded as it finishes (or is cancelled).

    Raises TimeoutError if __next__() is called and the result isn't available after timeout
    seconds from the original call to as_completed().
    """
    if timeout is not None:
        end_time = timeout + time.monotonic()
    fs = set(fs)
    total = len(fs)
    with _AcquireFutures(fs):
        finished = set([f for f in fs if f._state in (CANCELLED_AND_NOTIFIED, FINISHED)])
        pending = fs - finished
        waiter = _create_and_install_waiters(fs, _AS_COMPLETED)
    return _as_completed_gen(fs, total, list(finished), pending, waiter, timeout,
                             end_time if timeout is not None else None)


def _as_completed_gen(fs, total, finished, pending, waiter, timeout, end_time):
    try:
        while finished:
            f = finished.pop()
            pending.discard(f)
            yield f
        while pending:
            if timeout is None:
                wait_timeout = None
            else:
                wait_timeout = end_time - time.monotonic()
                if wait_timeout < 0:
                    raise TimeoutError('%d (of %d) futures unfinished' % (len(pending), total))
            waiter.event.wait(wait_timeout)
            with waiter.lock:
                finished = waiter.finished_futures
                waiter.finished_futures = []
                waiter.event.clear()
            finished.reverse()
            while finished:
                f = finished.pop()
                pending.discard(f)
                yield f
    finally:
        _remove_waiter(fs, waiter)


class DoneAndNotDoneFutures:
    """The (done, not_done) named pair wait() returns."""
    __module__ = _BASE

    def __init__(self, done, not_done):
        self.done = done
        self.not_done = not_done

    def __iter__(self):
        return iter((self.done, self.not_done))

    def __getitem__(self, i):
        return (self.done, self.not_done)[i]

    def __len__(self):
        return 2

    def __repr__(self):
        return 'DoneAndNotDoneFutures(done=%r, not_done=%r)' % (self.done, self.not_done)


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures in fs to complete; returns the pair (done, not_done) of sets."""
    fs = set(fs)
    with _AcquireFutures(fs):
        done = set([f for f in fs if f._state in (CANCELLED_AND_NOTIFIED, FINISHED)])
        not_done = fs - done
        if return_when == FIRST_COMPLETED and done:
            return DoneAndNotDoneFutures(done, not_done)
        elif return_when == FIRST_EXCEPTION and done:
            if any(f for f in done if not f.cancelled() and f.exception() is not None):
                return DoneAndNotDoneFutures(done, not_done)
        if len(done) == len(fs):
            return DoneAndNotDoneFutures(done, not_done)
        waiter = _create_and_install_waiters(fs, return_when)
    waiter.event.wait(timeout)
    _remove_waiter(fs, waiter)
    done.update(waiter.finished_futures)
    return DoneAndNotDoneFutures(done, fs - done)


# ---- Future -------------------------------------------------------------------------------------

class Future:
    """Represents the result of an asynchronous computation."""
    __module__ = _BASE

    def __init__(self):
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception as exc:
                _report_callback_error(self, exc)

    def __repr__(self):
        with self._condition:
            name = self.__class__.__name__
            state = _STATE_TO_DESCRIPTION_MAP[self._state]
            if self._state == FINISHED:
                if self._exception:
                    return '<%s at %#x state=%s raised %s>' % (
                        name, id(self), state, self._exception.__class__.__name__)
                return '<%s at %#x state=%s returned %s>' % (
                    name, id(self), state, self._result.__class__.__name__)
            return '<%s at %#x state=%s>' % (name, id(self), state)

    def cancel(self):
        """Cancel the future if possible: True if cancelled, False if running or done."""
        with self._condition:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        with self._condition:
            return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED)

    def running(self):
        with self._condition:
            return self._state == RUNNING

    def done(self):
        with self._condition:
            return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)

    def _get_result(self):
        if self._exception is not None:
            raise self._exception
        return self._result

    def add_done_callback(self, fn):
        """Call fn(future) when the future is done (now, if it already is)."""
        with self._condition:
            if self._state not in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception as exc:
            _report_callback_error(self, exc)

    def result(self, timeout=None):
        """The call's result, waiting up to timeout seconds (None: forever)."""
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            elif self._state == FINISHED:
                return self._get_result()
            self._condition.wait(timeout)
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            elif self._state == FINISHED:
                return self._get_result()
            raise TimeoutError()

    def exception(self, timeout=None):
        """The exception the call raised (None if it returned), waiting up to timeout seconds."""
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            elif self._state == FINISHED:
                return self._exception
            self._condition.wait(timeout)
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            elif self._state == FINISHED:
                return self._exception
            raise TimeoutError()

    def set_running_or_notify_cancel(self):
        """For executors: mark running (True), or tell waiters it was cancelled (False)."""
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)
                return False
            elif self._state == PENDING:
                self._state = RUNNING
                return True
            raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        """For executors and tests: the call returned result."""
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._result = result
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_result(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        """For executors and tests: the call raised exception."""
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_exception(self)
            self._condition.notify_all()
        self._invoke_callbacks()


def _result_or_cancel(fut, timeout=None):
    try:
        return fut.result(timeout)
    finally:
        fut.cancel()


def _map_results(fs, timeout, end_time):
    # yields in submission order; the futures not reached are cancelled if the iterator is
    # abandoned or a result raises
    try:
        fs.reverse()
        while fs:
            if timeout is None:
                yield _result_or_cancel(fs.pop())
            else:
                yield _result_or_cancel(fs.pop(), end_time - time.monotonic())
    finally:
        for future in fs:
            future.cancel()


class Executor:
    """The base of ThreadPoolExecutor and ProcessPoolExecutor."""
    __module__ = _BASE

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), with the calls run by the executor; results in order."""
        if timeout is not None:
            end_time = timeout + time.monotonic()
        else:
            end_time = None
        fs = [self.submit(fn, *args) for args in zip(*iterables)]
        return _map_results(fs, timeout, end_time)

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


# ---- ThreadPoolExecutor -----------------------------------------------------------------------

class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


def _thread_worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            executor._initializer_failed()
            return
    while True:
        work_item = work_queue.get(block=True)
        if work_item is not None:
            work_item.run()
            del work_item
            executor._idle_semaphore.release()
            continue
        # None: the executor shuts down; pass the wake-up on to the next worker
        work_queue.put(None)
        return


_thread_counter = [0]


def _cpu_count():
    try:
        import os
        return os.cpu_count() or 1
    except Exception:
        return 1


class ThreadPoolExecutor(Executor):
    __module__ = 'concurrent.futures.thread'

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            max_workers = min(32, _cpu_count() + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = _queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        n = _thread_counter[0]
        _thread_counter[0] = n + 1
        self._thread_name_prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % n)
        self._initializer = initializer
        self._initargs = initargs
        self._atexit_registered = False

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if threading._SHUTTING_DOWN:
                raise RuntimeError('cannot schedule new futures after interpreter shutdown')
            f = Future()
            w = _WorkItem(f, fn, args, kwargs)
            self._work_queue.put(w)
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        # an idle thread will take the new item
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            if not self._atexit_registered:
                threading._register_atexit(self._at_exit)
                self._atexit_registered = True
            t = threading.Thread(name='%s_%d' % (self._thread_name_prefix, num_threads),
                                 target=_thread_worker,
                                 args=(self, self._work_queue, self._initializer, self._initargs))
            t.start()
            self._threads.add(t)

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool is not usable anymore')
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except _queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenThreadPool(self._broken))
            self._work_queue.put(None)

    def _at_exit(self):
        self.shutdown(wait=True)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except _queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for t in list(self._threads):
                t.join()


# ---- ProcessPoolExecutor ------------------------------------------------------------------------

_WAKE = 'wake'
_EXTRA_QUEUED_CALLS = 1


def _process_worker(call_queue, result_queue, initializer, initargs):
    """Runs in each worker process: calls from call_queue, results to result_queue."""
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            result_queue.put(('init-failed',))
            return
    while True:
        call = call_queue.get()
        if call is None:
            return
        work_id = call[0]
        try:
            r = call[1](*call[2], **call[3])
            msg = (work_id, True, r)
        except BaseException as e:
            msg = (work_id, False, e)
        try:
            result_queue.put(msg)
        except BaseException as e:
            result_queue.put((work_id, False, e))


def _process_chunk(fn, chunk):
    return [fn(*args) for args in chunk]


def _chain_chunks(it):
    for chunk in it:
        for v in chunk:
            yield v


class ProcessPoolExecutor(Executor):
    __module__ = 'concurrent.futures.process'

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(),
                 *, max_tasks_per_child=None):
        import multiprocessing
        self._mp = multiprocessing
        if max_workers is None:
            max_workers = multiprocessing.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        self._max_workers = max_workers
        self._initializer = initializer
        self._initargs = tuple(initargs)
        self._call_queue = multiprocessing.Queue()
        self._result_queue = multiprocessing.Queue()
        self._processes = []
        self._lock = threading.Lock()
        self._pending = {}
        self._order = []
        self._in_flight = {}
        self._next_id = 0
        self._shutdown_flag = False
        self._broken = False
        self._manager = None

    def submit(self, fn, /, *args, **kwargs):
        with self._lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_flag:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if threading._SHUTTING_DOWN:
                raise RuntimeError('cannot schedule new futures after interpreter shutdown')
            f = Future()
            work_id = self._next_id
            self._next_id = work_id + 1
            self._pending[work_id] = (f, fn, args, kwargs)
            self._order.append(work_id)
            if len(self._processes) < self._max_workers and \
                    len(self._processes) < len(self._pending) + len(self._in_flight):
                self._spawn()
            if self._manager is None:
                threading._register_atexit(self._at_exit)
                self._manager = threading.Thread(target=self._manage, daemon=True,
                                                 name='ProcessPoolExecutor-manager')
                self._manager.start()
        self._result_queue.put((_WAKE,))
        return f

    def _spawn(self):
        p = self._mp.Process(target=_process_worker,
                             args=(self._call_queue, self._result_queue,
                                   self._initializer, self._initargs), daemon=True)
        p.start()
        self._processes.append(p)

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), the calls sent to the processes in chunks of chunksize."""
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        if chunksize == 1:
            return Executor.map(self, fn, *iterables, timeout=timeout)
        items = list(zip(*iterables))
        chunks = [(fn, items[i:i + chunksize]) for i in range(0, len(items), chunksize)]
        results = Executor.map(self, _process_chunk, [c[0] for c in chunks],
                               [c[1] for c in chunks], timeout=timeout)
        return _chain_chunks(results)

    def _feed(self):
        # move pending calls to the call queue, at most max_workers + 1 in flight
        while True:
            with self._lock:
                if not self._order or \
                        len(self._in_flight) >= self._max_workers + _EXTRA_QUEUED_CALLS:
                    return
                work_id = self._order.pop(0)
                item = self._pending.pop(work_id)
            f = item[0]
            if not f.set_running_or_notify_cancel():
                continue
            try:
                self._call_queue.put((work_id, item[1], item[2], item[3]))
            except BaseException as e:
                f.set_exception(e)
                continue
            self._in_flight[work_id] = f

    def _idle(self):
        with self._lock:
            return self._shutdown_flag and not self._order and not self._in_flight

    def _manage(self):
        while True:
            self._feed()
            if self._idle():
                break
            try:
                msg = self._result_queue.get(True, 0.5)
            except _queue.Empty:
                if self._check_broken():
                    return
                continue
            if msg[0] == _WAKE:
                continue
            if msg[0] == 'init-failed':
                self._set_broken('A child process terminated abruptly, the process pool is '
                                 'not usable anymore')
                return
            f = self._in_flight.pop(msg[0], None)
            if f is None:
                continue
            if msg[1]:
                f.set_result(msg[2])
            else:
                f.set_exception(msg[2])
        for p in self._processes:
            self._call_queue.put(None)
        for p in self._processes:
            p.join()

    def _check_broken(self):
        for p in self._processes:
            if p.exitcode is not None:
                self._set_broken('A process in the process pool was terminated abruptly while '
                                 'the future was running or pending.')
                return True
        return False

    def _set_broken(self, why):
        with self._lock:
            self._broken = why
            items = [self._pending[w][0] for w in self._order] + list(self._in_flight.values())
            self._order = []
            self._pending = {}
            self._in_flight = {}
        for f in items:
            if not f.done():
                try:
                    f.set_exception(BrokenProcessPool(why))
                except InvalidStateError:
                    pass
        for p in self._processes:
            if p.exitcode is None:
                p.terminate()

    def _at_exit(self):
        self.shutdown(wait=True)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._lock:
            self._shutdown_flag = True
            cancelled = []
            if cancel_futures:
                for w in self._order:
                    cancelled.append(self._pending[w][0])
                self._order = []
                self._pending = {}
            manager = self._manager
        for f in cancelled:
            f.cancel()
            f.set_running_or_notify_cancel()
        if manager is not None:
            self._result_queue.put((_WAKE,))
            if wait:
                manager.join()
