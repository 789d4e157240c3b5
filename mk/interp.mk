# mk/interp.mk — the interpreter's source lists, one per folder (interp/README.md says what each
# folder holds and what it may include). Every file is named here: adding a file means adding it
# to its folder's list. The host build (mk/host.mk) links INTERP_SRCS + HOST_PORT_SRCS; the guest
# kernel (mk/kernel.mk) links INTERP_SRCS + GUEST_PORT_SRCS. Both generate the module registry
# from MODULE_DEF lines (mk/gen_modtab.sh) and embed INTERP_LIB_PY (mk/gen_frozen.sh).
INTERP_CORE_SRCS     := interp/core/state.c interp/core/mem.c interp/core/cstack.c interp/core/objlock.c
INTERP_OBJECTS_SRCS  := $(addprefix interp/objects/,object.c attr.c descr.c builtin_fn.c exc.c \
                          args.c int.c bigdigits.c float.c complex.c str.c str_methods.c strfmt.c codec.c \
                          bytes.c memoryview.c list.c tuple.c dict.c set.c range.c slice.c iter.c module.c ops.c \
                          weakref.c)
INTERP_BYTECODE_SRCS := interp/bytecode/code.c interp/bytecode/dis.c
INTERP_COMPILE_SRCS  := $(addprefix interp/compile/,lexer.c parser.c strlit.c ast.c symtable.c \
                          compile.c assemble.c)
INTERP_RUNTIME_SRCS  := $(addprefix interp/runtime/,vm.c call.c frame.c func.c gen.c class.c \
                          traceback.c import.c interp.c builtins.c builtins_code.c mod_sys.c gc.c \
                          share.c)
INTERP_GIL_SRCS      := $(addprefix interp/gil/,gil.c gil_new.c gil_old.c gil_prio.c gil_none.c \
                          gil_unsafe.c)
INTERP_MP_SRCS       := $(addprefix interp/mp/,mp_copy.c mp_process.c mp_shared.c mp_sync.c \
                          mp_value.c mp_queue.c mod_multiprocessing.c)
INTERP_MODULES_SRCS  := $(addprefix interp/modules/,mod_collections.c mod_gil.c mod_math.c mod_native.c \
                          mod_random.c mod_re.c mod_struct.c mod_weakref.c \
                          mod_os.c mod_thread.c mod_time.c mod_gc.c mod_fileio.c \
                          mod_socket.c)
INTERP_SRCS := $(INTERP_CORE_SRCS) $(INTERP_OBJECTS_SRCS) $(INTERP_BYTECODE_SRCS) \
               $(INTERP_COMPILE_SRCS) $(INTERP_GIL_SRCS) $(INTERP_RUNTIME_SRCS) \
               $(INTERP_MODULES_SRCS) $(INTERP_MP_SRCS)
INTERP_HDRS := $(wildcard interp/*/*.h)
# Frozen Python modules, compiled on first import (interp/objects/module.h).
INTERP_LIB_PY := $(addprefix interp/lib/,demos.py multiprocessing.py threading.py asyncio.py \
                   collections.py heapq.py bisect.py queue.py operator.py functools.py itertools.py \
                   copy.py string.py concurrent/__init__.py concurrent/futures/__init__.py \
                   random.py json.py re.py struct.py statistics.py errno.py io.py typing.py \
                   dataclasses.py enum.py array.py weakref.py os.py posixpath.py uos.py pydoc.py \
                   vfs.py socket.py requests/__init__.py requests/exceptions.py)

# The two ports: tollpy as a Linux program, and the glue that runs it inside the kernel.
HOST_PORT_SRCS  := ports/host/port_linux.c ports/host/host_main.c
GUEST_PORT_SRCS := $(addprefix ports/guest/,port_guest.c console.c repl.c line_edit.c last_run.c \
                     mod_kernel.c timeline.c help.c port_file.c port_socket.c net_selftest.c)
