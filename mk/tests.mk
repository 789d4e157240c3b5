# mk/tests.mk — `make test`, its parts, `make bench` and `make fuzz`.
#
#   make test        deps, then the builds (build/host/tollpy, build/host-asan/tollpy,
#                    build/kernel.elf; with -j$(TEST_JOBS) = nproc unless make was started with -j),
#                    then every part in TEST_PARTS below, one after another. Each part runs even if
#                    an earlier one failed; the summary names every failed part and the exit status
#                    is non-zero. Figures (README.md, "Testing") come from a 2-core machine, idle and
#                    under a busy loop on every core.
#   make test-lang LANG_ARGS="--show-diff tests/lang/str_split.py"   one part, extra tests/runner.py args
#   make bench       tests/bench/run_bench.py: tollpy vs CPython 3.11 vs Lua 5.4, best of 3;
#                    writes build/bench/results.{csv,md}; runs tests/bench/kernel_bench.sh if present
#   make fuzz        = make fuzz-smoke: the fuzz targets' deterministic smoke (saved corpus replay
#                    + a fixed-seed short run); `make fuzz-run FUZZ_SECONDS=N` fuzzes open-ended.
#                    See the fuzzing section at the end of this file and docs/fuzzing.md.
#
# What the parts assert: output, exit status, counters and the order of trace events, never a
# duration. Every time limit in them (tests/runner.py --timeout and its subprocess limits,
# pytest-level limits in tests/qemu/conftest.py) is a hang guard set far above what the part
# needs on a loaded 2-core machine; README.md, "Testing", says why.
#
# Known-failure lists: tests/lang/KNOWN_FAILURES, tests/bad/KNOWN_FAILURES (see tests/runner.py).
.PHONY: test test-threads test-lang test-lang-asan test-bad test-bad-asan test-qemu-lang test-qemu-threads bench fuzz fuzz-build

RUNNER     := $(PYTHON) tests/runner.py
TOLLPY     := $(BUILD)/host/tollpy
TOLLPY_ASAN:= $(BUILD)/host-asan/tollpy
# Sanitizer reports must never look like a Python exception's status 1.
SAN_ENV    := ASAN_OPTIONS=detect_leaks=0:exitcode=99:abort_on_error=0 \
              UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=98
LANG_ARGS  ?=
BAD_ARGS   ?=
FUZZ_SECONDS ?= 60

# Every part `make test` runs, in order (the list is the contract: a part not named here does
# not run). `make help` prints it.
TEST_PARTS := check-layers test-gil test-gil-tsan test-scalars test-scalars-asan test-containers \
              test-compiler test-requests test-threads test-none-stress test-mp test-mp-tsan test-labs test-fat \
              test-lang test-lang-asan test-bad test-bad-asan \
              test-kernel test-qemu-lang test-qemu-threads qemu-test-mp fuzz-smoke
# The builds are independent object files per variant (build/host, build/host-asan) and the
# kernel's own tree, so they are safe in parallel; -j is not forced on a make that has a job server.
TEST_JOBS     ?= $(shell nproc 2>/dev/null || echo 2)
TEST_JFLAG     = $(if $(findstring jobserver,$(MAKEFLAGS))$(filter -j%,$(MAKEFLAGS)),,-j$(TEST_JOBS))

test: deps
	@fail=""; t0=$$(date +%s); \
	echo "=== make $(TEST_JFLAG) host host-asan"; \
	$(MAKE) --no-print-directory $(TEST_JFLAG) host host-asan || fail="$$fail host"; \
	echo "=== make $(TEST_JFLAG) $(BUILD)/kernel.elf"; \
	$(MAKE) --no-print-directory $(TEST_JFLAG) $(BUILD)/kernel.elf || fail="$$fail kernel.elf"; \
	for t in $(TEST_PARTS); do \
	  echo "=== make $$t"; \
	  $(MAKE) --no-print-directory $$t || fail="$$fail $$t"; \
	done; \
	echo "=== make test: $$(( $$(date +%s) - t0 ))s"; \
	if [ -n "$$fail" ]; then echo "make test: FAILED:$$fail"; exit 1; fi; \
	echo "make test: all parts passed"

test-lang: $(TOLLPY)
	$(RUNNER) lang --tollpy $(TOLLPY) --label lang $(LANG_ARGS)

test-lang-asan: $(TOLLPY_ASAN)
	$(SAN_ENV) $(RUNNER) lang --tollpy $(TOLLPY_ASAN) --label lang-asan --timeout 120 $(LANG_ARGS)

test-bad: $(TOLLPY)
	$(RUNNER) bad --tollpy $(TOLLPY) --label bad $(BAD_ARGS)

# Hostile inputs under the sanitizers (~1 min on 2 cores; the two alloc_*infinite_gen cases are most of it).
test-bad-asan: $(TOLLPY_ASAN)
	$(SAN_ENV) $(RUNNER) bad --tollpy $(TOLLPY_ASAN) --label bad-asan --timeout 240 --rlimit-as-mb 0 $(BAD_ARGS)

test-qemu-lang: deps $(BUILD)/kernel.elf
	$(RUNNER) lang --target guest --label qemu-lang

# tests/threads/QEMU_SUBSET in the guest (CPUS=2), against CPython or .expected.
test-qemu-threads: deps $(BUILD)/kernel.elf
	$(RUNNER) threads --target guest --cpus 2 --label qemu-threads

# The thread programs (tests/threads/*.py) under every GIL policy, against CPython or .expected.
test-threads: $(TOLLPY)
	$(PYTHON) tests/runner.py threads --tollpy $(TOLLPY)

bench: deps host
	$(PYTHON) tests/bench/run_bench.py --tollpy $(TOLLPY)

# ---- fuzzing: clang + libFuzzer over the compiler and VM, and the differential fuzzer
# (docs/fuzzing.md), and over the kernel's TCP/IP stack. Targets:
#   fuzz-build   build/fuzz/fuzz_compile_run (libFuzzer) and build/fuzz/diff_runner (tollpy side
#                of tests/fuzz/diff_fuzz.py), clang -fsanitize=address,undefined; build/fuzz/fuzz_net
#                (libFuzzer: frames into net/ on the host, tests/fuzz/fuzz_net.c) and
#                build/fuzz/fuzz_tcp (a hostile TCP/UDP peer against sockets, tests/fuzz/fuzz_tcp.c)
#   fuzz-smoke   for CI: replays the saved corpora (tests/fuzz/corpus/compile_run,
#                tests/fuzz/corpus/net and tests/fuzz/corpus/tcp through libFuzzer, tests/fuzz/corpus/diff against
#                /usr/bin/python3): these gate; then, reported but not gating, FUZZ_SMOKE_RUNS
#                libFuzzer runs of each libFuzzer target from an empty corpus with -seed=1 and
#                FUZZ_SMOKE_PROGRAMS generated programs of seed 1. ~1-2 min on the 2-core dev machine.
#   fuzz         = fuzz-smoke
#   fuzz-run     open-ended local run: fuzz_compile_run for FUZZ_SECONDS over build/fuzz/corpus
#                (seeded from the saved corpus, tests/lang and tests/bad), then diff_fuzz.py for
#                FUZZ_SECONDS from seed FUZZ_SEED, then fuzz_net for FUZZ_SECONDS over
#                build/fuzz/corpus-net (seeded from tests/fuzz/corpus/net); crashes in
#                build/fuzz/artifacts/ (fuzz_net's: build/fuzz/artifacts-net/), disagreements in
#                build/fuzz/diff-findings/
#   tests/fuzz/long_run.sh   every target on every core for N seconds (the big-machine run)
.PHONY: fuzz-smoke fuzz-run
FUZZ_CC      ?= clang
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_SRCS     = $(INTERP_SRCS) ports/host/port_linux.c
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined
# No -Werror here: clang warns about things gcc does not, and this build is a tool, not a product.
# -O2 (was -O1): the sanitizers instrument every memory access and every UB-prone operation the
# compiled code still performs, at any -O level; -O2 only runs the same checks faster.
FUZZ_CFLAGS  := -std=gnu11 -g -O2 -fno-omit-frame-pointer -Wall -Wextra -Iinterp \
                -I$(BUILD)/host/gen -DTOLLPY_HOST=1 -DTOLLPY_FUZZ=1 $(FUZZ_SAN)
# Two object sets: obj/ carries libFuzzer's coverage instrumentation (fuzz_compile_run); obj-diff/
# does not (diff_runner: the generated programs need no coverage feedback, and the callbacks cost
# about half its time). Both are ASan+UBSan. long_run.sh measures the diff programs' coverage
# with fuzz_compile_run.
FUZZ_OBJS     = $(patsubst %.c,$(FUZZ_DIR)/obj/%.o,$(FUZZ_SRCS)) \
                $(FUZZ_DIR)/obj/gen_modtab.o $(FUZZ_DIR)/obj/gen_frozen.o
FUZZ_DIFF_OBJS = $(patsubst %.c,$(FUZZ_DIR)/obj-diff/%.o,$(FUZZ_SRCS)) \
                $(FUZZ_DIR)/obj-diff/gen_modtab.o $(FUZZ_DIR)/obj-diff/gen_frozen.o
FUZZ_SECONDS ?= 60
FUZZ_SEED    ?= 1
FUZZ_SMOKE_RUNS     ?= 5000
FUZZ_SMOKE_PROGRAMS ?= 300
# detect_leaks=0: reference cycles are a documented leak (README "Known gaps").
FUZZ_ENV     := ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# -detect_leaks=0 for libFuzzer too: with it on, libFuzzer runs every input that frees fewer
# blocks than it allocates a second time (its first 1000 such inputs), a third of the time spent.
FUZZ_LIBFUZZER_ARGS := -timeout=10 -rss_limit_mb=4096 -max_len=4096 -handle_int=0 -detect_leaks=0 \
                -close_fd_mask=3 -dict=tests/fuzz/python.dict
DIFF_FUZZ    := $(PYTHON) tests/fuzz/diff_fuzz.py --runner $(FUZZ_DIR)/diff_runner

# Comparison tracing (libFuzzer's trace-cmp: every integer compare and switch reports its operands,
# so the mutator can learn magic values) is left out of the runtime's plumbing, whose compares are
# on hashes, sizes, refcounts and pointers, never on a value an input chooses: there it cost about
# half of all the time (docs/fuzzing.md, "Speed"); and out of int.c, whose limb loops it slowed
# tenfold (`37 ** 200300` took 15 s, a false libFuzzer timeout). Edge coverage and the sanitizers
# stay on in every file; the front end, the other object types and the modules keep trace-cmp.
FUZZ_NO_TRACE_CMP ?= vm call dict mem state cstack object attr objlock frame interp int bigdigits \
                     gil gil_new gil_old gil_prio gil_none gil_unsafe
$(FUZZ_DIR)/obj/%.o: %.c $(INTERP_HDRS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link \
	  $(if $(filter $(notdir $*),$(FUZZ_NO_TRACE_CMP)),-fno-sanitize-coverage=trace-cmp) -c $< -o $@

$(FUZZ_DIR)/obj/gen_%.o: $(BUILD)/host/gen/%.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

$(FUZZ_DIR)/obj-diff/%.o: %.c $(INTERP_HDRS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

$(FUZZ_DIR)/obj-diff/gen_%.o: $(BUILD)/host/gen/%.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@

# --wrap=port_interrupt_pending: fuzz_compile_run counts the VM's interrupt polls (one per 4096
# eval-breaker check points) as its per-input instruction budget (tests/fuzz/fuzz_compile_run.c).
$(FUZZ_DIR)/fuzz_compile_run: tests/fuzz/fuzz_compile_run.c tests/fuzz/fuzz_common.h $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -Wl,--wrap=port_interrupt_pending \
	  -o $@ $< $(FUZZ_OBJS) -lm -pthread

$(FUZZ_DIR)/diff_runner: tests/fuzz/diff_runner.c tests/fuzz/fuzz_common.h $(FUZZ_DIFF_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_DIFF_OBJS) -lm -pthread

# The network stack's target: every C file of net/ (the transports and sockets too, as soon as
# they exist), tests/fuzz/net_shim.c for the kernel and the virtio-net device, and the shim's
# drivers/timer.h ahead of the real one (which reads the ARM timer) on the include path.
FUZZ_NET_SRCS = $(sort $(wildcard net/*.c))
FUZZ_NET_ARGS := -timeout=10 -rss_limit_mb=2048 -max_len=4096 -detect_leaks=0 -close_fd_mask=1
$(FUZZ_DIR)/fuzz_net: tests/fuzz/fuzz_net.c tests/fuzz/net_shim.c tests/fuzz/net_shim/drivers/timer.h \
                      $(FUZZ_NET_SRCS) $(wildcard net/*.h) drivers/virtio_net.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -std=gnu11 -g -O2 -fno-omit-frame-pointer -Wall -Wextra -Itests/fuzz/net_shim -I. \
	  $(FUZZ_SAN) -fsanitize=fuzzer -o $@ tests/fuzz/fuzz_net.c tests/fuzz/net_shim.c $(FUZZ_NET_SRCS)

# The transports' and sockets' target (tests/fuzz/fuzz_tcp.c: a hostile peer, segments with valid
# checksums): it compiles net/tcp.c into itself, so every other C file of net/ is linked.
# Run: build/fuzz/fuzz_tcp $(FUZZ_NET_ARGS) DIR
$(FUZZ_DIR)/fuzz_tcp: tests/fuzz/fuzz_tcp.c tests/fuzz/net_shim.c tests/fuzz/net_shim/drivers/timer.h \
                      $(FUZZ_NET_SRCS) $(wildcard net/*.h) drivers/virtio_net.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -std=gnu11 -g -O2 -fno-omit-frame-pointer -Wall -Wextra -Itests/fuzz/net_shim -I. \
	  $(FUZZ_SAN) -fsanitize=fuzzer -o $@ tests/fuzz/fuzz_tcp.c tests/fuzz/net_shim.c \
	  $(filter-out net/tcp.c,$(FUZZ_NET_SRCS))

fuzz-build: deps $(FUZZ_DIR)/fuzz_compile_run $(FUZZ_DIR)/diff_runner $(FUZZ_DIR)/fuzz_net \
            $(FUZZ_DIR)/fuzz_tcp

# Safe for CI, never failing on luck. Gates (deterministic: fixed inputs): the saved corpora
# replayed, tests/fuzz/corpus/compile_run through libFuzzer (its first phase reads and runs every
# input) and tests/fuzz/corpus/diff against CPython. Then short runs with a fixed seed that do NOT
# gate (which mutations libFuzzer keeps depends on timing, so what it finds may differ from run
# to run): a finding there is printed with where its reproducer is, to turn into a test.
fuzz-smoke: fuzz-build
	@rm -rf $(FUZZ_DIR)/smoke && mkdir -p $(FUZZ_DIR)/smoke/corpus $(FUZZ_DIR)/smoke/artifacts
	$(FUZZ_ENV) $(FUZZ_DIR)/fuzz_compile_run -runs=0 $(FUZZ_LIBFUZZER_ARGS) \
	  -artifact_prefix=$(FUZZ_DIR)/smoke/artifacts/ tests/fuzz/corpus/compile_run
	$(FUZZ_ENV) $(DIFF_FUZZ) --replay tests/fuzz/corpus/diff --out $(FUZZ_DIR)/smoke/diff
	$(FUZZ_ENV) $(FUZZ_DIR)/fuzz_net -runs=0 $(FUZZ_NET_ARGS) \
	  -artifact_prefix=$(FUZZ_DIR)/smoke/artifacts/ tests/fuzz/corpus/net
	$(FUZZ_ENV) $(FUZZ_DIR)/fuzz_tcp -runs=0 $(FUZZ_NET_ARGS) \
	  -artifact_prefix=$(FUZZ_DIR)/smoke/artifacts/ tests/fuzz/corpus/tcp
	@$(FUZZ_ENV) $(FUZZ_DIR)/fuzz_compile_run -seed=1 -runs=$(FUZZ_SMOKE_RUNS) -len_control=0 $(FUZZ_LIBFUZZER_ARGS) \
	  -artifact_prefix=$(FUZZ_DIR)/smoke/artifacts/ $(FUZZ_DIR)/smoke/corpus \
	  > $(FUZZ_DIR)/smoke/run.log 2>&1 \
	  || echo "fuzz-smoke: FINDING (not a gate) by fuzz_compile_run: $(FUZZ_DIR)/smoke/artifacts/ (log: $(FUZZ_DIR)/smoke/run.log)"
	@$(FUZZ_ENV) $(DIFF_FUZZ) --seed 1 --count $(FUZZ_SMOKE_PROGRAMS) --quiet --out $(FUZZ_DIR)/smoke/diff-seed1 \
	  || echo "fuzz-smoke: FINDING (not a gate) by diff_fuzz.py: $(FUZZ_DIR)/smoke/diff-seed1/"
	@mkdir -p $(FUZZ_DIR)/smoke/corpus-net
	@$(FUZZ_ENV) $(FUZZ_DIR)/fuzz_net -seed=1 -runs=$(FUZZ_SMOKE_RUNS) -len_control=0 $(FUZZ_NET_ARGS) \
	  -artifact_prefix=$(FUZZ_DIR)/smoke/artifacts/ $(FUZZ_DIR)/smoke/corpus-net \
	  > $(FUZZ_DIR)/smoke/run-net.log 2>&1 \
	  || echo "fuzz-smoke: FINDING (not a gate) by fuzz_net: $(FUZZ_DIR)/smoke/artifacts/ (log: $(FUZZ_DIR)/smoke/run-net.log)"
	@echo "fuzz-smoke: passed (corpus replays)"

fuzz: fuzz-smoke

fuzz-run: fuzz-build
	@mkdir -p $(FUZZ_DIR)/corpus $(FUZZ_DIR)/artifacts
	-$(FUZZ_ENV) $(FUZZ_DIR)/fuzz_compile_run -max_total_time=$(FUZZ_SECONDS) $(FUZZ_LIBFUZZER_ARGS) \
	  -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/artifacts/ \
	  $(FUZZ_DIR)/corpus tests/fuzz/corpus/compile_run tests/lang tests/bad
	-$(FUZZ_ENV) $(DIFF_FUZZ) --seed $(FUZZ_SEED) --seconds $(FUZZ_SECONDS) --out $(FUZZ_DIR)/diff-findings
	@echo "fuzz-run: $$(ls $(FUZZ_DIR)/artifacts | wc -l) artifact(s) in $(FUZZ_DIR)/artifacts," \
	  "$$(ls $(FUZZ_DIR)/diff-findings 2>/dev/null | grep -c '\.py$$') finding(s) in $(FUZZ_DIR)/diff-findings"
	@mkdir -p $(FUZZ_DIR)/corpus-net $(FUZZ_DIR)/artifacts-net
	-$(FUZZ_ENV) $(FUZZ_DIR)/fuzz_net -max_total_time=$(FUZZ_SECONDS) $(FUZZ_NET_ARGS) \
	  -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/artifacts-net/ \
	  $(FUZZ_DIR)/corpus-net tests/fuzz/corpus/net
	@echo "fuzz-run: $$(ls $(FUZZ_DIR)/artifacts-net | wc -l) artifact(s) of fuzz_net in $(FUZZ_DIR)/artifacts-net"
