# mk/tsan.mk — the interpreter under ThreadSanitizer (build/host-tsan/tollpy) and the
# free-threaded policy's container stress (`make test-none-stress`). This file sorts after
# mk/host.mk, whose host_variant macro it uses.
#
# Under `none` several threads run bytecode at once, so every access to a shared container must
# be ordered by its object lock (interp/core/objlock.h); TSan checks that ordering, ASan+UBSan that no
# access touches freed memory. `tests/runner.py none-stress` runs tests/threads/none_stress*.py
# on both builds (TSan suppressions, each with its reason: tests/threads/tsan.supp).
# `make test-mp-tsan` runs tests/mp under `new` and `none` on the TSan build: the interpreters of
# a multiprocessing program run at once, each under its own GIL, and may share only what is
# immortal and never written (static types and their contents, interned and one-character
# strings); a shared write anywhere else is a report, and a report fails the test.
.PHONY: host-tsan test-none-stress test-mp-tsan

# -Wno-tsan: TSan does not model the one __atomic_thread_fence in interp/mp/mp_shared.c (a
# multiprocessing shared-memory poll loop, not used by threads), and gcc warns about it.
$(eval $(call host_variant,host-tsan,-O1 -fno-omit-frame-pointer -fsanitize=thread -Wno-tsan,-fsanitize=thread))
host-tsan: $(BUILD)/host-tsan/tollpy

test-none-stress: $(BUILD)/host-asan/tollpy $(BUILD)/host-tsan/tollpy
	$(PYTHON) tests/runner.py none-stress --asan $(BUILD)/host-asan/tollpy --tsan $(BUILD)/host-tsan/tollpy

test-mp-tsan: $(BUILD)/host-tsan/tollpy
	TSAN_OPTIONS=halt_on_error=0:exitcode=66:suppressions=$(CURDIR)/tests/threads/tsan.supp \
	$(PYTHON) tests/runner.py mp --tollpy $(BUILD)/host-tsan/tollpy --label mp-tsan --timeout 300
