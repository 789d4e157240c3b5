#!/bin/sh
# Build and run objects-B's unit test (same as `make test-objb`).
set -e
cd "$(dirname "$0")/../.."
exec make --no-print-directory test-objb "$@"
