#!/usr/bin/env bash
# tests/fuzz/long_run.sh — every fuzz target on every core for N seconds, then one summary.
#
#   tests/fuzz/long_run.sh pack                 (on the dev machine, repo root, after
#                                                `make fuzz-build`): packs build/fuzz/fuzz_compile_run,
#                                                build/fuzz/diff_runner and /usr/bin/python3.11
#                                                with their shared libraries into .devkit/
#                                                (/work/shared/tools/devkit-pack), plus the part of
#                                                CPython's standard library diff_fuzz.py needs
#                                                (.devkit/stdlib.tar.xz), so they run on an x86-64
#                                                machine that has none of them
#   tests/fuzz/long_run.sh run SECONDS OUTDIR [JOBS]
#                                               runs, in parallel, on JOBS cores (default: every
#                                               core), both targets:
#                                                 compile_run  libFuzzer, FCR_JOBS processes
#                                                              sharing one corpus directory
#                                                              (default: a third of JOBS, at least 1)
#                                                 diff         diff_fuzz.py + diff_runner,
#                                                              DIFF_JOBS workers, one seed each
#                                                              (DIFF_SEED_BASE + 1, + 2, ...;
#                                                              default base: the start time)
#                                                              (default: 3/2 per remaining core:
#                                                              a worker keeps ~0.65 of a core busy,
#                                                              its CPython and its runner taking
#                                                              turns)
#                                               The split gives both targets about the same
#                                               executions per second: one diff program (run
#                                               twice) costs about twice one libFuzzer execution
#                                               (docs/fuzzing.md, "Speed").
#                                               then prints, per target, executions, coverage
#                                               (libFuzzer's cov/ft over the final corpus; for the
#                                               generated programs, over the first 2000 programs of
#                                               the first diff seed) and findings, into
#                                               OUTDIR/summary.txt too; findings, logs and the new
#                                               corpus are packed into OUTDIR/findings.tar.gz and
#                                               OUTDIR/corpus.tar.gz (few files: the device tool
#                                               brings back at most 8).
# The programs of this checkout's own build (build/fuzz/*, /usr/bin/python3) are used when they
# exist; only where they do not (the bare machine a pack was carried to) the packed .devkit/ is
# used (unpacked to /tmp/devkit). So a stale pack left in a dev checkout is never run.
#
# Wall time: SECONDS plus about a minute (the coverage passes and packing). No step waits on a
# clock for a verdict: time only bounds the run. A worker whose fuzzer stops on a finding (or
# after CHUNK_S seconds, see below) starts it again (new seed) until SECONDS are up; every crash
# stays in OUTDIR.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

die() { echo "long_run.sh: $*" >&2; exit 2; }

pack() {
    [ -x build/fuzz/fuzz_compile_run ] && [ -x build/fuzz/diff_runner ] || die "run make fuzz-build first"
    [ -x /usr/bin/python3.11 ] || die "no /usr/bin/python3.11 to pack"
    /work/shared/tools/devkit-pack build/fuzz/fuzz_compile_run build/fuzz/diff_runner /usr/bin/python3.11 \
        || die "devkit-pack failed (it needs a plain checkout: in a git worktree .git is a file)"
    # CPython finds its library at $PYTHONHOME/lib/python3.11; leave out what diff_fuzz.py never loads.
    tar -C /usr/lib -cJf .devkit/stdlib.tar.xz \
        --exclude='__pycache__' --exclude='python3.11/test' --exclude='python3.11/idlelib' \
        --exclude='python3.11/tkinter' --exclude='python3.11/lib2to3' --exclude='python3.11/ensurepip' \
        --exclude='python3.11/distutils' --exclude='python3.11/pydoc_data' \
        --exclude='python3.11/config-3.11-x86_64-linux-gnu' --exclude='python3.11/site-packages' \
        --exclude='python3.11/dist-packages' --exclude='python3.11/turtledemo' \
        --exclude='python3.11/unittest' --exclude='python3.11/asyncio' --exclude='python3.11/email' \
        --exclude='python3.11/xml' --exclude='python3.11/multiprocessing' --exclude='python3.11/http' \
        --exclude='python3.11/sqlite3' --exclude='python3.11/venv' python3.11
    du -sh .devkit
}

tools() {
    if [ -x "$root/build/fuzz/fuzz_compile_run" ] && [ -x "$root/build/fuzz/diff_runner" ]; then
        FCR=$root/build/fuzz/fuzz_compile_run
        RUNNER=$root/build/fuzz/diff_runner
        PY=/usr/bin/python3
    elif [ -f .devkit/env.sh ] && [ -f .devkit/stdlib.tar.xz ]; then
        # shellcheck disable=SC1091
        . .devkit/env.sh
        [ -d /tmp/devkit/lib/python3.11 ] || tar -C /tmp/devkit/lib -xJf .devkit/stdlib.tar.xz
        export PYTHONHOME=/tmp/devkit
        FCR=/tmp/devkit/wrap/fuzz_compile_run
        RUNNER=/tmp/devkit/wrap/diff_runner
        PY=/tmp/devkit/wrap/python3.11
    fi
    [ -n "${FCR:-}" ] && [ -x "$FCR" ] && [ -x "$RUNNER" ] || die "no fuzz binaries (make fuzz-build, or pack)"
    "$PY" -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' \
        || die "the differential oracle must be CPython 3.11 ($PY)"
}

# RSS grows ~9 KB per input (the inputs' reference cycles are never collected, README "Known
# gaps"; the interpreter's own start-up state is freed since interp_free clears the module
# dicts): at ~1000 inputs/s a process passes make's 4 GB in minutes, so a long run allows 12 GB
# and restarts each libFuzzer process after CHUNK_S seconds (~5 GB by then; the restart re-reads
# the shared corpus, a few percent of the chunk), or every worker would end in a false
# out-of-memory "finding". One allocation stays limited to 4 GB.
CHUNK_S=${CHUNK_S:-600}
# -detect_leaks=0: see FUZZ_LIBFUZZER_ARGS in mk/tests.mk (libFuzzer would run inputs twice).
LIBFUZZER_ARGS=(-timeout=10 -rss_limit_mb=12288 -malloc_limit_mb=4096 -max_len=4096 -handle_int=0
                -detect_leaks=0 -close_fd_mask=3 -dict=tests/fuzz/python.dict -print_final_stats=1)

worker_compile_run() {       # $1 index, $2 end time (epoch s)
    local i=$1 end=$2 n=0 left
    while :; do
        left=$(( end - $(date +%s) ))
        [ "$left" -ge 5 ] || break
        [ "$left" -le "$CHUNK_S" ] || left=$CHUNK_S
        "$FCR" -max_total_time="$left" -seed=$(( i * 1000 + n + 1 )) "${LIBFUZZER_ARGS[@]}" \
            -artifact_prefix="$OUT/compile_run/artifacts/" \
            "$OUT/compile_run/corpus" tests/fuzz/corpus/compile_run tests/lang tests/bad \
            >> "$OUT/compile_run/log.$i" 2>&1
        n=$(( n + 1 ))
    done
}

# Program N of seed S is always the same text (diff_fuzz.py), so a worker that began again at a
# seed an earlier run used would repeat that run's programs (fixed seeds 1001.. did: two runs of
# 2026-12-04 repeated most of the programs of the runs before them). Each run takes its seeds from
# DIFF_SEED_BASE, by default the start time in seconds, and names them in its summary.
worker_diff() {              # $1 index, $2 end time
    local i=$1 end=$2 left
    left=$(( end - $(date +%s) ))
    [ "$left" -ge 5 ] || return 0
    "$PY" tests/fuzz/diff_fuzz.py --runner "$RUNNER" --seed $(( DIFF_SEED_BASE + i )) --seconds "$left" \
        --quiet --out "$OUT/diff/findings" > "$OUT/diff/log.$i" 2>&1
}

# Executions in a libFuzzer log holding several runs: each run's last "#N" or final stat line.
count_execs() {
    awk '/^INFO: Seed:/ { total += last; last = 0 }
         /^#[0-9]+/ { n = substr($1, 2) + 0; if (n > last) last = n }
         /stat::number_of_executed_units:/ { if ($2 + 0 > last) last = $2 + 0 }
         END { total += last; print total + 0 }' "$@" 2>/dev/null | awk '{ s += $1 } END { print s + 0 }'
}

cov_of() {                   # libFuzzer's coverage over the given inputs: "cov: X ft: Y"
    "$FCR" -runs=0 "${LIBFUZZER_ARGS[@]}" -artifact_prefix="$OUT/cov/" "$@" 2>&1 \
        | grep -E '(INITED|DONE).*cov:' | tail -1 | sed -E 's/.*(cov: [0-9]+ ft: [0-9]+).*/\1/'
}

run() {
    local secs=${1:-} jobs=${3:-}
    OUT=${2:-}
    [ -n "$secs" ] && [ -n "$OUT" ] || die "usage: $0 run SECONDS OUTDIR [JOBS]"
    [ -n "$jobs" ] || jobs=$(nproc)
    tools
    mkdir -p "$OUT/compile_run/corpus" "$OUT/compile_run/artifacts" "$OUT/diff/findings" "$OUT/cov"
    OUT=$(cd "$OUT" && pwd)
    export ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    local nfcr=${FCR_JOBS:-$(( jobs / 3 > 0 ? jobs / 3 : 1 ))} ndiff
    ndiff=${DIFF_JOBS:-$(( (jobs - nfcr) * 3 / 2 > 0 ? (jobs - nfcr) * 3 / 2 : 1 ))}
    local t0 end
    t0=$(date +%s)
    end=$(( t0 + secs ))
    DIFF_SEED_BASE=${DIFF_SEED_BASE:-$t0}
    echo "long_run: $(uname -n), $(nproc) cores, $jobs cores used: compile_run x$nfcr, diff x$ndiff, ${secs}s"
    local pids=() i
    for (( i = 1; i <= nfcr; i++ )); do worker_compile_run "$i" "$end" & pids+=($!); done
    for (( i = 1; i <= ndiff; i++ )); do worker_diff "$i" "$end" & pids+=($!); done
    wait "${pids[@]}"
    local t1
    t1=$(date +%s)

    # coverage passes (both at once) and the programs they measure
    "$PY" tests/fuzz/diff_fuzz.py --seed 1001 --count 2000 --dump "$OUT/diff/sample" > /dev/null
    cov_of "$OUT/compile_run/corpus" tests/fuzz/corpus/compile_run tests/lang tests/bad > "$OUT/cov.compile_run" &
    cov_of "$OUT/diff/sample" > "$OUT/cov.diff" &
    wait

    # reports of the crashes (libFuzzer ran with stderr closed): rerun the first 20 artifacts
    local a k=0
    for a in "$OUT"/compile_run/artifacts/*; do
        [ -f "$a" ] || continue
        case "$a" in *.log) continue ;; esac
        k=$(( k + 1 )); [ "$k" -le 20 ] || break
        timeout 60 "$FCR" -timeout=10 -rss_limit_mb=12288 -malloc_limit_mb=4096 -handle_int=0 "$a" > "$a.log" 2>&1
    done

    local fcr_execs fcr_art diff_progs diff_dis diff_crash diff_hang
    fcr_execs=$(count_execs "$OUT"/compile_run/log.*)
    fcr_art=$(find "$OUT/compile_run/artifacts" -type f ! -name '*.log' | wc -l)
    read -r diff_progs diff_dis diff_crash diff_hang < <(cat "$OUT"/diff/log.* 2>/dev/null | awk -F'[ =]' '
        /^diff_fuzz: programs=/ { for (j = 1; j <= NF; j++) { if ($j == "programs") p += $(j+1);
            if ($j == "disagree") d += $(j+1); if ($j == "crash") c += $(j+1); if ($j == "hang") h += $(j+1) } }
        END { print p + 0, d + 0, c + 0, h + 0 }')
    local dt=$(( t1 - t0 > 0 ? t1 - t0 : 1 ))
    {
        echo "long_run: $(date -u '+%Y-%m-%d %H:%M UTC'), machine $(uname -n), $(nproc) cores, $jobs cores used (compile_run x$nfcr, diff x$ndiff), $dt s"
        echo "compile_run: executions=$fcr_execs ($(( fcr_execs / dt ))/s) $(cat "$OUT/cov.compile_run") corpus=$(ls "$OUT/compile_run/corpus" | wc -l) findings=$fcr_art (crash/timeout/oom artifacts)"
        echo "diff:        executions=$diff_progs ($(( diff_progs / dt ))/s; programs of seeds $(( DIFF_SEED_BASE + 1 ))-$(( DIFF_SEED_BASE + ndiff )), each run by tollpy and CPython) $(cat "$OUT/cov.diff") (first 2000 programs of seed 1001) findings=$(( diff_dis + diff_crash + diff_hang )) (disagree=$diff_dis crash=$diff_crash hang=$diff_hang)"
        echo "at these rates 10 million executions take: compile_run $(( 10000000 / (fcr_execs / dt > 0 ? fcr_execs / dt : 1) )) s, diff $(( 10000000 / (diff_progs / dt > 0 ? diff_progs / dt : 1) )) s (this machine, these workers)"
        for a in "$OUT"/compile_run/artifacts/*.log; do
            [ -f "$a" ] || continue
            echo "  $(basename "${a%.log}"): $(grep -m1 -E 'ERROR|SUMMARY|harness' "$a" | cut -c1-150)"
        done
        ls "$OUT/diff/findings" | grep '\.py$' | head -20 | sed 's/^/  diff finding: /'
    } | tee "$OUT/summary.txt"
    tar -C "$OUT" -czf "$OUT/findings.tar.gz" compile_run/artifacts diff/findings \
        $(cd "$OUT" && ls compile_run/log.* diff/log.* 2>/dev/null)
    tar -C "$OUT" -czf "$OUT/corpus.tar.gz" compile_run/corpus
}

case "${1:-}" in
    pack) pack ;;
    run) shift; run "$@" ;;
    *) die "usage: $0 pack | run SECONDS OUTDIR [JOBS]" ;;
esac
