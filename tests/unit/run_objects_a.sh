#!/bin/sh
# Build and run the objects-A unit test (tests/unit/test_objects_a.c) against every interpreter
# object of a host build except host_main.o. BUILD=dir picks the build tree (default build).
set -e
cd "$(dirname "$0")/../.."
B=${BUILD:-build}
make -s BUILD="$B" host >/dev/null 2>&1 || true
OBJS=$(ls "$B"/host/obj/*.o | grep -v host_main.o)
gcc -std=gnu11 -Wall -Wextra -Werror -g -Iinterp -o "$B"/host/test_objects_a tests/unit/test_objects_a.c tests/unit/objects_a_stub.c $OBJS -lm -pthread
exec "$B"/host/test_objects_a
