# mk/unit.mk — C-level unit tests of the interpreter on the host.
#   make test-gil          tests/unit/test_gil.c: the GIL policies (interp/gil/) with the host port
#                          and small stubs for the rest (tests/unit/gil_stubs.c)
#   make test-gil-tsan     the same under ThreadSanitizer (the GIL's lock-free hints are relaxed
#                          atomics)
#   make test-scalars      tests/unit/test_scalars.c: ints, floats, strs, formatting and the
#                          generic operations against what CPython 3.11 prints; -asan: ASan+UBSan
#   make test-containers   tests/unit/test_containers.c: containers, exceptions, builtins from C
#   make test-compiler     tests/unit/test_frontend.py: lexer, parser, compiler, disassembler
#   make test-requests     tests/unit/test_requests.py: the frozen requests package against the
#                          local test server (qemu/httpbin_server.py), tollpy vs CPython 3.11
.PHONY: test-gil test-gil-tsan test-scalars test-scalars-asan test-containers test-compiler \
        test-requests

GIL_UNIT_SRCS := $(filter interp/gil/%,$(INTERP_SRCS)) interp/core/objlock.c interp/core/state.c \
                 ports/host/port_linux.c \
                 tests/unit/test_gil.c tests/unit/gil_stubs.c
UNIT_CFLAGS := -std=gnu11 -Wall -Wextra -Werror -g -Iinterp -DTOLLPY_HOST=1

$(BUILD)/unit/test_gil: $(GIL_UNIT_SRCS) $(INTERP_HDRS)
	@mkdir -p $(dir $@)
	gcc $(UNIT_CFLAGS) -O2 -o $@ $(GIL_UNIT_SRCS) -pthread -lm

test-gil: $(BUILD)/unit/test_gil
	$(BUILD)/unit/test_gil

$(BUILD)/unit/test_gil_tsan: $(GIL_UNIT_SRCS) $(INTERP_HDRS)
	@mkdir -p $(dir $@)
	gcc $(UNIT_CFLAGS) -O1 -fsanitize=thread -o $@ $(GIL_UNIT_SRCS) -pthread -lm

test-gil-tsan: $(BUILD)/unit/test_gil_tsan
	$(BUILD)/unit/test_gil_tsan 300000

test-scalars: $(BUILD)/host/tollpy
	@$(HOST_CC) $(UNIT_CFLAGS) -o $(BUILD)/host/test_scalars tests/unit/test_scalars.c \
	  $(call host_objs,host) $(HOST_LDLIBS)
	@$(BUILD)/host/test_scalars

test-scalars-asan: $(BUILD)/host-asan/tollpy
	@$(HOST_CC) $(UNIT_CFLAGS) -O1 -fsanitize=address,undefined -o $(BUILD)/host-asan/test_scalars \
	  tests/unit/test_scalars.c $(call host_objs,host-asan) -fsanitize=address,undefined $(HOST_LDLIBS)
	@ASAN_OPTIONS=detect_leaks=0 $(BUILD)/host-asan/test_scalars

test-containers: $(BUILD)/host/tollpy
	@$(HOST_CC) $(UNIT_CFLAGS) -o $(BUILD)/host/test_containers tests/unit/test_containers.c \
	  $(call host_objs,host) $(HOST_LDLIBS)
	@$(BUILD)/host/test_containers

test-compiler: $(BUILD)/host/tollpy
	$(PYTHON) tests/unit/test_frontend.py --tollpy $(BUILD)/host/tollpy

test-requests: $(BUILD)/host/tollpy
	TOLLPY=$(BUILD)/host/tollpy $(PYTHON) -m pytest -q tests/unit/test_requests.py

# The FAT file system (fs/fat.c, fs/bio.c) on the host over image files, under ASan+UBSan: known
# operations on FAT16 and FAT32 (checked with fsck.fat and mtools) and seeded hostile images.
.PHONY: test-fat
FAT_HOST_SRCS := tests/unit/fat_host.c fs/fat.c fs/bio.c kernel/sleeplock.c
$(BUILD)/unit/fat_host: $(FAT_HOST_SRCS) fs/fat.h fs/bio.h kernel/sleeplock.h
	@mkdir -p $(dir $@)
	gcc -std=gnu11 -Wall -Wextra -Werror -g -O1 -I. -fsanitize=address,undefined \
	  -fno-sanitize-recover=all -o $@ $(FAT_HOST_SRCS)

test-fat: deps $(BUILD)/unit/fat_host
	$(PYTHON) tests/unit/test_fat.py $(BUILD)/unit/fat_host
