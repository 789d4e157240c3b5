# mk/tsan.mk — the interpreter under ThreadSanitizer (build/host-tsan/tollpy) and the
# free-threaded policy's container stress (`make test-none-stress`). This file sorts after
# mk/host.mk, whose host_variant macro it uses.
#
# Under `none` several threads run bytecode at once, so every access to a shared container must
# be ordered by its object lock (interp/core/objlock.h); TSan checks that ordering, ASan+UBSan that no
# access touches freed memory. `tests/runner.py none-stress` runs tests/threads/none_stress*.py
# on both builds (TSan suppressions, each with its reason: tests/threads/tsan.supp).
.PHONY: host-tsan test-none-stress

# -Wno-tsan: TSan does not model the one __atomic_thread_fence in interp/mp/mp_shared.c (a
# multiprocessing shared-memory poll loop, not used by threads), and gcc warns about it.
$(eval $(call host_variant,host-tsan,-O1 -fno-omit-frame-pointer -fsanitize=thread -Wno-tsan,-fsanitize=thread))
host-tsan: $(BUILD)/host-tsan/tollpy

test-none-stress: $(BUILD)/host-asan/tollpy $(BUILD)/host-tsan/tollpy
	$(PYTHON) tests/runner.py none-stress --asan $(BUILD)/host-asan/tollpy --tsan $(BUILD)/host-tsan/tollpy
