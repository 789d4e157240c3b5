#!/bin/sh
# Build and run objects-B's unit test against the host objects (without host_main/vm).
set -e
cd "$(dirname "$0")/../.."
make -s build/host/obj/object.o >/dev/null 2>&1 || true
objs=$(ls build/host/obj/*.o | grep -v -e host_main.o -e '/vm.o')
gcc -std=gnu11 -Wall -Wextra -g -Iinterp -Ibuild/host/gen -o build/host/test_objects_b tests/unit/test_objects_b.c $objs -lm -pthread
./build/host/test_objects_b
