#!/bin/sh
# Build and run the objects-A unit test; same as `make test-objects-a` (BUILD=dir to pick a tree).
cd "$(dirname "$0")/../.." && exec make -s ${BUILD:+BUILD="$BUILD"} test-objects-a
