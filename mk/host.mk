# mk/host.mk — the interpreter as a Linux program (build/host/tollpy) on interp/port_linux.c.
# Targets: host, host-asan. Objects under build/<variant>/obj/, generated tables under
# build/<variant>/gen/ (modtab.c from MODULE_DEF lines, frozen.c from interp/lib/*.py).
# Every interp/*.c is linked except guest-only files listed in HOST_EXCLUDE.
.PHONY: host host-asan

HOST_CC ?= gcc
, := ,
HOST_EXCLUDE := $(wildcard interp/port_kernel.c interp/*_guest.c)
HOST_SRCS := $(filter-out $(HOST_EXCLUDE),$(sort $(wildcard interp/*.c)))
HOST_FROZEN := $(sort $(wildcard interp/lib/*.py))
HOST_WARN := -Wall -Wextra -Werror
HOST_CFLAGS_BASE := -std=gnu11 $(HOST_WARN) -g -Iinterp -DTOLLPY_HOST=1
HOST_LDLIBS := -lm -pthread

# $(call host_variant,NAME,CFLAGS,LDFLAGS)
define host_variant
$(BUILD)/$(1)/obj/%.o: interp/%.c $$(wildcard interp/*.h) | $(BUILD)/$(1)/obj
	$$(HOST_CC) $$(HOST_CFLAGS_BASE) $(2) -I$(BUILD)/$(1)/gen -MMD -c $$< -o $$@

$(BUILD)/$(1)/gen/modtab.c: $$(HOST_SRCS) mk/gen_modtab.sh | $(BUILD)/$(1)/gen
	sh mk/gen_modtab.sh $$@ $$(HOST_SRCS)

$(BUILD)/$(1)/gen/frozen.c: $$(HOST_FROZEN) mk/gen_frozen.sh | $(BUILD)/$(1)/gen
	sh mk/gen_frozen.sh $$@ $$(HOST_FROZEN)

$(BUILD)/$(1)/obj/gen_%.o: $(BUILD)/$(1)/gen/%.c | $(BUILD)/$(1)/obj
	$$(HOST_CC) $$(HOST_CFLAGS_BASE) $(2) -c $$< -o $$@

$(BUILD)/$(1)/obj $(BUILD)/$(1)/gen:
	mkdir -p $$@

$(BUILD)/$(1)/tollpy: $$(patsubst interp/%.c,$(BUILD)/$(1)/obj/%.o,$$(HOST_SRCS)) \
		$(BUILD)/$(1)/obj/gen_modtab.o $(BUILD)/$(1)/obj/gen_frozen.o
	$$(HOST_CC) $(3) -o $$@ $$^ $$(HOST_LDLIBS)

-include $$(wildcard $(BUILD)/$(1)/obj/*.d)
endef

$(eval $(call host_variant,host,-O2,))
$(eval $(call host_variant,host-asan,-O1 -fno-omit-frame-pointer -fsanitize=address$(,)undefined,-fsanitize=address$(,)undefined))

host: $(BUILD)/host/tollpy
host-asan: $(BUILD)/host-asan/tollpy
