/*
 * interp/mp/mp.h — multiprocessing internals: processes are isolated interpreters (one Interp, one
 * GIL, one heap limit each) on their own port threads; only plain data crosses between them.
 *
 *   mp_copy.c    MpBuf: a neutral serialized byte form (port_malloc'd, owned by no interpreter)
 *                of plain data; mp_encode in the sender, mp_decode in the receiver.
 *   mp_shared.c  MpShared: the cells living outside every interpreter (C storage, atomic
 *                refcount, port spinlock + wait queue; layout in mp_cell.h), the per-interpreter
 *                proxy objects that point at them, and blocking on them.
 *   mp_sync.c    Lock/RLock/Semaphore/BoundedSemaphore/Event cells.
 *   mp_value.c   Value/Array cells (atomic 8-byte slots, optional lock).
 *   mp_queue.c   the queue core under Queue and Pipe (a FIFO of MpBufs).
 *   mp_process.c MpProc: a child interpreter's life (spawn, run, exit code, terminate, join).
 *   mod_multiprocessing.c  the `_multiprocessing` C module; interp/lib/multiprocessing.py on top.
 *
 * The one rule: no Obj is ever reachable from two interpreters (their refcounts are plain
 * increments under two different GILs). Process-wide immortal objects (static types, interned
 * strings, None/True/False) are the exception; mp_prepare_sharing() makes the contents of the
 * static types' dicts immortal before the first child interpreter starts.
 */
#ifndef INTERP_MP_H
#define INTERP_MP_H

#include "core/obj.h"
#include "core/state.h"

/* ---- hooks called by the runtime (interp.c, vm.c) --------------------------------------------- */
void mp_shutdown(Interp *in);          /* end of the main module: multiprocessing._shutdown() */
/* Guest: a child's own thread crashed (a contained fault, gil_unsafe.c); it never returns. The
 * process ends with exitcode 1 and its joiners wake (mp_process.c). */
void mp_child_crashed(Interp *in);

/* ---- serialized plain data (mp_copy.c) -------------------------------------------------------- */
struct MpShared;
typedef struct MpBuf {
    uint8_t *p;
    size_t n, cap;
    struct MpShared **shared;          /* shared cells referenced by the payload (held) */
    int nshared, capshared;
    struct MpBuf *next;                /* queue link (mp_queue.c) */
} MpBuf;

MpBuf *mp_encode(Obj *v);              /* NULL + TypeError ("cannot pickle 'X' object") etc. */
Obj *mp_decode(const MpBuf *b);        /* new objects in the current interpreter */
void mp_buf_free(MpBuf *b);
#define MP_MAX_MESSAGE ((size_t)64 << 20)

/* ---- shared cells (mp_shared.c; the kinds in mp_sync.c, mp_value.c, mp_queue.c) -------------- */
enum { MPS_SEM, MPS_EVENT, MPS_VALUE, MPS_ARRAY, MPS_QUEUE };
typedef struct MpShared MpShared;
void mp_shared_incref(MpShared *s);
void mp_shared_decref(MpShared *s);
int mp_shared_kind(MpShared *s);
MpShared *mp_shared_of(Obj *proxy);    /* the cell behind a proxy object, or NULL */
Obj *mp_shared_proxy(MpShared *s);     /* a new proxy in the current interpreter */
int mp_shared_init_types(void);
extern Type mp_lock_type, mp_rlock_type, mp_sem_type, mp_event_type, mp_value_type,
    mp_array_type, mp_queue_type;
/* Wait helper: sleep on q/lk (lk held) up to `left` ns in slices, giving up early (returning
 * -1) when this interpreter got a stop request. Returns port_waitq_sleep's 0/1 otherwise. */
int mp_wait_slice(void *q, void *lk, uint64_t left);

/* ---- processes (mp_process.c) ----------------------------------------------------------------- */
extern Type mp_proc_type;
int mp_process_init_types(void);
Obj *mp_process_start(Obj *target, Obj *args, Obj *kwargs, Obj *name, int daemon);
Obj *mp_current(void);                 /* (name, pid, parent_pid or None) */
int mp_prepare_sharing(void);          /* immortalize shared type dicts (once) */
extern int mp_max_processes;   /* the live count: interp_live_children (core/state.h) */
extern size_t mp_process_mem_limit;

#endif
