# mk/objects_a.mk — objects-A's host unit test (owner: objects-A): tests/unit/test_objects_a.c
# links tollpy's host objects (all but host_main.o) and checks ints, floats, strs, formatting
# and the generic operations against CPython 3.11's output. `make test` finds test-objects-a
# and test-objects-a-asan by name (mk/tests.mk).
.PHONY: test-objects-a test-objects-a-asan

OBJA_OBJS = $(patsubst interp/%.c,$(BUILD)/$(1)/obj/%.o,$(filter-out interp/host_main.c,$(HOST_SRCS))) \
            $(BUILD)/$(1)/obj/gen_modtab.o $(BUILD)/$(1)/obj/gen_frozen.o

test-objects-a: $(BUILD)/host/tollpy
	@$(HOST_CC) -std=gnu11 -Wall -Wextra -Werror -g -Iinterp -DTOLLPY_HOST=1 \
	  -o $(BUILD)/host/test_objects_a tests/unit/test_objects_a.c $(call OBJA_OBJS,host) $(HOST_LDLIBS)
	@$(BUILD)/host/test_objects_a

test-objects-a-asan: $(BUILD)/host-asan/tollpy
	@$(HOST_CC) -std=gnu11 -Wall -Wextra -Werror -g -O1 -fsanitize=address,undefined -Iinterp -DTOLLPY_HOST=1 \
	  -o $(BUILD)/host-asan/test_objects_a tests/unit/test_objects_a.c $(call OBJA_OBJS,host-asan) \
	  -fsanitize=address,undefined $(HOST_LDLIBS)
	@ASAN_OPTIONS=detect_leaks=0 $(BUILD)/host-asan/test_objects_a
