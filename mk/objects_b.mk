# mk/objects_b.mk — objects-B's host unit test (owner: objects-B): tests/unit/test_objects_b.c
# links tollpy's host objects (all but host_main.o) and checks containers, set order, exceptions
# and builtins from C. `make test` finds test-objb by name (mk/tests.mk).
.PHONY: test-objb

OBJB_OBJS = $(patsubst interp/%.c,$(BUILD)/host/obj/%.o,$(filter-out interp/host_main.c,$(HOST_SRCS))) \
            $(BUILD)/host/obj/gen_modtab.o $(BUILD)/host/obj/gen_frozen.o

test-objb: $(BUILD)/host/tollpy
	@$(HOST_CC) -std=gnu11 -Wall -Wextra -Werror -g -Iinterp -DTOLLPY_HOST=1 \
	  -o $(BUILD)/host/test_objects_b tests/unit/test_objects_b.c $(OBJB_OBJS) $(HOST_LDLIBS)
	@$(BUILD)/host/test_objects_b
