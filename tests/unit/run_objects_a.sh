#!/bin/sh
# Build and run the objects-A unit test against every interp object except host_main.
set -e
cd "$(dirname "$0")/../.."
make -s host >/dev/null 2>&1 || true
OBJS=$(ls build/host/obj/*.o | grep -v host_main.o)
gcc -std=gnu11 -Wall -Wextra -Werror -g -Iinterp -o build/host/test_objects_a tests/unit/test_objects_a.c tests/unit/objects_a_stub.c $OBJS -lm -pthread
exec build/host/test_objects_a
