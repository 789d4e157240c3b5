# mk/layers.mk — `make check-layers`: fail on any include or call across a forbidden layer edge.
#
# The checker (mk/check_layers.py, stdlib Python) reads every #include line of every C file in
# boot/ drivers/ kernel/ fs/ net/ interp/ ports/, and `nm`s the objects of both links (build/host/obj/**
# for tollpy on Linux, build/k/** for the guest kernel) to map each undefined symbol to the folder
# that defines it, so a hand-written prototype is caught as surely as an include. C library
# headers and symbols no object defines are always allowed.
#
# Components are folders; a file belongs to the deepest one that contains it. Each rule below is
# COMPONENT:what-it-may-use (besides itself). The edges:
#
#   drivers        device drivers; use the kernel's locks and console (drivers <-> kernel is one
#                  platform: boot, drivers and kernel form the kernel image's own layers)
#   boot, kernel   the kernel proper; never include or call kernel/test, interp/ or ports/
#   fs             the block cache and the FAT file system, on the kernel's locks and the
#                  virtio-blk driver; only the guest port uses it (the kernel never calls up)
#   net            the TCP/IP stack (docs/net.md), on the kernel's locks, threads and wait queues
#                  and the virtio-net driver; only the guest port uses it (like fs: the kernel
#                  never calls up; the guest port starts it, net_init)
#   kernel/test    self-tests, lab tests, benchmarks: may use boot, drivers, kernel; nothing
#                  below may use them
#   interp/<layer> the interpreter, in INTERP_LAYERS order, lowest first: a layer may use the
#                  layers before it, never those after it. The platform is reached only through
#                  interp/port (port.h, trace_events.h): the port_* functions declared there
#                  count as interp/port, every other symbol of ports/ is forbidden; no kernel or
#                  driver header or symbol at all.
#   gen            the generated registries (mk/gen_modtab.sh: module_table, mk/gen_frozen.sh:
#                  frozen_table). They are declared in interp/objects/module.h, and the build
#                  fills them from the MODULE_DEF lines of the layers above (modules, mp, the
#                  guest port's `kernel` module): a table the build writes, the link-time form of
#                  a registration hook. So the runtime (import.c) may read them, and they may name
#                  the modules' definitions.
#   ports/host     tollpy's Linux program: the top; implements interp/port and drives the
#                  interpreter (any interp layer)
#   ports/guest    the same inside the kernel: the only component that may include kernel (and
#                  driver) headers and call the kernel (and fs, net)
#
# Interpreter layers (interp/README.md says what each holds):
#   port     the door to the platform: headers only
#   core     the object header, reference counting, memory, thread state, C-stack budget, the
#            per-object locks; reaches up only through hooks it offers (mem_set_error_hook,
#            mem_checks: interp/core/obj.h)
#   objects  the built-in types
#   bytecode opcodes, code objects, the disassembler
#   compile  source to code objects
#   gil      the GIL and its policies (needs only core: threads and interpreters, not the VM)
#   runtime  the VM, frames, functions, classes, tracebacks, import, the interpreter's life and
#            the two modules every interpreter is born with (builtins, sys); the layers above
#            add to an interpreter's life through hooks (interp/runtime/interp.h)
#   modules  the other built-in modules (_thread, time, os, math, gil, native)
#   mp       multiprocessing, on top of the threads and locks of _thread, with its module
#
# There is no allow-list: every rule is a whole component's; an edge that breaks one is fixed
# in the code (a hook, a moved function or a moved file).
.PHONY: check-layers

INTERP_LAYERS := port core objects bytecode compile gil runtime modules mp

comma := ,
empty :=
space := $(empty) $(empty)
csv = $(subst $(space),$(comma),$(strip $(1)))
INTERP_ALL := $(addprefix interp/,$(INTERP_LAYERS))

# interp/X may use the layers before X in INTERP_LAYERS; the runtime and above also read gen.
interp_rule = interp/$(1):$(call csv,$(addprefix interp/,$(call before,$(1),$(INTERP_LAYERS))) \
                $(if $(filter runtime modules mp,$(1)),gen))
before = $(if $(filter $(1),$(firstword $(2))),,$(firstword $(2)) $(call before,$(1),$(wordlist 2,99,$(2))))

LAYER_RULES := \
  drivers:kernel \
  boot:kernel,drivers \
  kernel:boot,drivers \
  kernel/test:boot,drivers,kernel \
  fs:kernel,drivers \
  net:kernel,drivers \
  $(foreach l,$(INTERP_LAYERS),$(call interp_rule,$(l))) \
  gen:$(call csv,interp/objects interp/modules interp/mp ports/guest) \
  ports/host:$(call csv,$(INTERP_ALL) gen) \
  ports/guest:$(call csv,$(INTERP_ALL) gen boot drivers kernel fs net)

LAYERS_HOST_OBJS  := $(call host_objs,host) $(BUILD)/host/obj/ports/host/host_main.o
LAYERS_GUEST_OBJS := $(filter %.o,$(KOBJ))

check-layers: $(LAYERS_HOST_OBJS) $(LAYERS_GUEST_OBJS)
	@$(PYTHON) mk/check_layers.py $(addprefix --rule ,$(LAYER_RULES)) \
	  --sources boot drivers kernel fs net interp ports \
	  --objects $(LAYERS_HOST_OBJS) --objects $(LAYERS_GUEST_OBJS)
