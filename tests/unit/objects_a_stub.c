/* tests/unit/objects_a_stub.c — private stubs (objects-A unit test only) for symbols other
 * engineers provide but which may not exist yet. Weak, so the real ones win when present. */
#include <stddef.h>
#include "obj.h"
__attribute__((weak)) int builtins_init(Obj *d) { (void)d; return 0; }
__attribute__((weak)) Obj *compile_source(const char *s, size_t n, const char *f, int m) { (void)s; (void)n; (void)f; (void)m; return exc_raise(SyntaxError_t, "no compiler"); }
__attribute__((weak)) int compile_is_complete(const char *s, size_t n) { (void)s; (void)n; return 1; }
