# mk/gil.mk — the GIL's host unit test (owner: gil). `make test-gil` builds
# build/unit/test_gil from interp/gil*.c + interp/port_linux.c + a small stub file, and runs it.
.PHONY: test-gil
GIL_UNIT_SRCS := $(filter-out interp/gil_module.c,$(sort $(wildcard interp/gil*.c))) interp/port_linux.c interp/objlock.c tests/unit/test_gil.c tests/unit/gil_stubs.c
GIL_UNIT_CFLAGS := -std=gnu11 -Wall -Wextra -Werror -O2 -g -Iinterp -DTOLLPY_HOST=1

$(BUILD)/unit/test_gil: $(GIL_UNIT_SRCS) $(wildcard interp/*.h)
	@mkdir -p $(dir $@)
	gcc $(GIL_UNIT_CFLAGS) -o $@ $(GIL_UNIT_SRCS) -pthread -lm

test-gil: $(BUILD)/unit/test_gil
	$(BUILD)/unit/test_gil

# The thread programs (tests/threads/*.py) under every GIL policy, against CPython or .expected.
.PHONY: test-threads
test-threads: $(BUILD)/host/tollpy
	$(PYTHON) tests/runner.py threads --tollpy $(BUILD)/host/tollpy

# The same unit test under ThreadSanitizer (the GIL's lock-free hints are relaxed atomics).
.PHONY: test-gil-tsan
$(BUILD)/unit/test_gil_tsan: $(GIL_UNIT_SRCS) $(wildcard interp/*.h)
	@mkdir -p $(dir $@)
	gcc $(GIL_UNIT_CFLAGS:-O2=-O1) -fsanitize=thread -o $@ $(GIL_UNIT_SRCS) -pthread -lm

test-gil-tsan: $(BUILD)/unit/test_gil_tsan
	$(BUILD)/unit/test_gil_tsan 300000
