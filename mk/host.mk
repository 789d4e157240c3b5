# mk/host.mk — the interpreter as a Linux program (build/host/tollpy): INTERP_SRCS on the host
# port (mk/interp.mk). Variants: host (-O2), host-asan (ASan+UBSan), host-tsan (mk/tsan.mk).
# Objects under build/<variant>/obj/<source path>.o, generated tables under build/<variant>/gen/
# (modtab.c from MODULE_DEF lines, frozen.c from interp/lib/*.py).
.PHONY: host host-asan

HOST_CC ?= gcc
, := ,
HOST_SRCS := $(INTERP_SRCS) $(INTERP_SOCKET_SRCS) $(HOST_PORT_SRCS)
HOST_LIB_PY := $(INTERP_LIB_PY) $(INTERP_SOCKET_PY)
HOST_WARN := -Wall -Wextra -Werror
HOST_CFLAGS_BASE := -std=gnu11 $(HOST_WARN) -g -Iinterp -DTOLLPY_HOST=1
HOST_LDLIBS := -lm -pthread

# The objects of a variant, without the program's main (unit tests link these with their own).
host_objs = $(patsubst %.c,$(BUILD)/$(1)/obj/%.o,$(filter-out ports/host/host_main.c,$(HOST_SRCS))) \
            $(BUILD)/$(1)/obj/gen_modtab.o $(BUILD)/$(1)/obj/gen_frozen.o

# $(call host_variant,NAME,CFLAGS,LDFLAGS)
define host_variant
$(BUILD)/$(1)/obj/%.o: %.c $$(INTERP_HDRS)
	@mkdir -p $$(dir $$@)
	$$(HOST_CC) $$(HOST_CFLAGS_BASE) $(2) -I$(BUILD)/$(1)/gen -MMD -c $$< -o $$@

$(BUILD)/$(1)/gen/modtab.c: $$(HOST_SRCS) mk/gen_modtab.sh
	@mkdir -p $$(dir $$@)
	sh mk/gen_modtab.sh $$@ $$(HOST_SRCS)

$(BUILD)/$(1)/gen/frozen.c: $$(HOST_LIB_PY) mk/gen_frozen.sh mk/interp.mk
	@mkdir -p $$(dir $$@)
	sh mk/gen_frozen.sh $$@ $$(HOST_LIB_PY)

$(BUILD)/$(1)/obj/gen_%.o: $(BUILD)/$(1)/gen/%.c
	@mkdir -p $$(dir $$@)
	$$(HOST_CC) $$(HOST_CFLAGS_BASE) $(2) -Iinterp -c $$< -o $$@

$(BUILD)/$(1)/tollpy: $$(call host_objs,$(1)) $(BUILD)/$(1)/obj/ports/host/host_main.o
	$$(HOST_CC) $(3) -o $$@ $$^ $$(HOST_LDLIBS)

-include $$(patsubst %.c,$(BUILD)/$(1)/obj/%.d,$$(HOST_SRCS))
endef

$(eval $(call host_variant,host,-O2,))
$(eval $(call host_variant,host-asan,-O1 -fno-omit-frame-pointer -fsanitize=address$(,)undefined,-fsanitize=address$(,)undefined))

host: $(BUILD)/host/tollpy
host-asan: $(BUILD)/host-asan/tollpy
