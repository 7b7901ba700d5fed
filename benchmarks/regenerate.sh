#!/usr/bin/env bash
# Regenerates BENCHMARKS.md in one command: builds the reactor with -Pbenchmarks (package, never
# install), runs the JMH benchmarks (training with -prof gc, inference, peak FLOP/s) with JSON
# output, the exact allocation check, the start-up harness and the dependency sizes, then writes the
# report from those results with ReportWriter. See --help.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: benchmarks/regenerate.sh [--quick] [--report-only] [--skip-build] [--out FILE]

  --quick        seconds per benchmark, to check the pipeline; writes benchmarks/target/BENCHMARKS-quick.md
  --report-only  only rewrite the report from the results of the last run
  --skip-build   reuse the last build (benchmarks/target/classes and its classpath files)
  --out FILE     where to write the report (default: BENCHMARKS.md at the repository root)

Environment (defaults in brackets; --quick shortens them all):
  TRAINING_JMH_ARGS   JMH run length for TrainingBenchmark  [-f 1 -wi 3 -w 1s -i 5 -r 1s]
  INFERENCE_JMH_ARGS  JMH run length for InferenceBenchmark [-f 1 -wi 2 -w 1s -i 3 -r 1s]
  PEAK_JMH_ARGS       JMH run length for PeakFlopsBenchmark [-f 1 -wi 3 -w 1s -i 5 -r 1s]
  ALLOCATION_SECONDS  warm-up and measured seconds per shape x contender in AllocationCheck [1]
  STARTUP_RUNS        measured launches per contender [10]; STARTUP_WARM discarded rounds [2]
  JAVA                the java binary for every JVM of the run [java on the PATH]
  MVN_ARGS            extra Maven arguments, e.g. -o for offline [none]
  JMH_LOCK_WAIT       seconds to wait while another JMH run holds /tmp/jmh.lock [1800]
Do not add -jvmArgs/-jvmArgsAppend to the JMH arguments: they replace the benchmarks' own fork
options (--add-modules jdk.incubator.vector, -Xmx).
The default run takes about 15 minutes on a 2-core machine; --quick about 5.
EOF
}

quick=false
report_only=false
skip_build=false
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --report-only) report_only=true ;;
    --skip-build) skip_build=true ;;
    --out) out="$2"; shift ;;
    --help|-h) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bench=benchmarks/target
results="$bench/benchmark-results"
java="${JAVA:-java}"
# DL4J (OpenBLAS) and DJL (libtorch) read these, and the JMH forks and start-up JVMs inherit them:
# every contender computes on one thread. The native peers refuse to run without them.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
jmh_lock_wait="${JMH_LOCK_WAIT:-1800}"

if $quick; then
  training_args="${TRAINING_JMH_ARGS:--f 1 -wi 1 -w 200ms -i 2 -r 200ms}"
  inference_args="${INFERENCE_JMH_ARGS:--f 1 -wi 1 -w 200ms -i 2 -r 200ms}"
  peak_args="${PEAK_JMH_ARGS:--f 1 -wi 1 -w 500ms -i 2 -r 500ms}"
  allocation_seconds="${ALLOCATION_SECONDS:-0.3}"
  startup_runs="${STARTUP_RUNS:-3}"
  startup_warm="${STARTUP_WARM:-1}"
  out="${out:-$bench/BENCHMARKS-quick.md}"
else
  training_args="${TRAINING_JMH_ARGS:--f 1 -wi 3 -w 1s -i 5 -r 1s}"
  inference_args="${INFERENCE_JMH_ARGS:--f 1 -wi 2 -w 1s -i 3 -r 1s}"
  peak_args="${PEAK_JMH_ARGS:--f 1 -wi 3 -w 1s -i 5 -r 1s}"
  allocation_seconds="${ALLOCATION_SECONDS:-1}"
  startup_runs="${STARTUP_RUNS:-10}"
  startup_warm="${STARTUP_WARM:-2}"
  out="${out:-BENCHMARKS.md}"
fi

step() { echo "== $(date -u +%H:%M:%S) $*"; }

if ! $report_only && ! $skip_build; then
  step "build: mvn -Pbenchmarks -DskipTests package"
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_ARGS:-} -Pbenchmarks -DskipTests package
fi
for f in "$bench/classes/META-INF/BenchmarkList" "$bench/benchmark-classpath.txt" "$bench/dependency-tree.txt"; do
  [ -f "$f" ] || { echo "missing $f: build first (without --skip-build)" >&2; exit 1; }
done
cp="$bench/classes:$(cat "$bench/benchmark-classpath.txt")"

# Runs one JMH benchmark class into $results/<name>.json; a failure leaves the others running.
# JMH allows one run per machine (/tmp/jmh.lock): while another one holds it, wait and retry, so
# two runs never share the cores.
jmh() {
  local name="$1" class="$2" args="$3" profiler="$4" waited=0
  if ! grep -qE "\.$class( |\.)" "$bench/classes/META-INF/BenchmarkList"; then
    step "$class: not in this build, reported as not measured"
    return
  fi
  step "$class: $args $profiler (log: $results/$name.log)"
  while true; do
    # shellcheck disable=SC2086
    if "$java" -cp "$cp" org.openjdk.jmh.Main $args $profiler -rf json -rff "$results/$name.json" \
        "dev\.unrolled\.benchmarks\.$class\." >"$results/$name.log" 2>&1; then
      return
    fi
    if ! grep -q "Unable to acquire the JMH lock" "$results/$name.log"; then
      echo "   JMH reported a failure for $class: see $results/$name.log" >&2
      return
    fi
    if [ "$waited" -ge "$jmh_lock_wait" ]; then
      echo "   another JMH run held /tmp/jmh.lock for ${waited} s: $class not measured" >&2
      return
    fi
    [ "$waited" -eq 0 ] && echo "   another JMH run holds /tmp/jmh.lock: waiting (up to ${jmh_lock_wait} s)"
    sleep 10
    waited=$((waited + 10))
  done
}

if ! $report_only; then
  rm -rf "$results"
  mkdir -p "$results"
  cpu="$(grep -m1 '^model name' /proc/cpuinfo | sed 's/^model name[[:space:]]*:[[:space:]]*//' || true)"
  hypervisor="$(lscpu 2>/dev/null | sed -n 's/^Hypervisor vendor:[[:space:]]*//p' || true)"
  {
    echo "cpu=${cpu:-unknown}"
    echo "cores=$(getconf _NPROCESSORS_ONLN)" # not nproc: it honours OMP_NUM_THREADS, set to 1 above
    echo "hypervisor=$hypervisor"
    echo "kernel=$(uname -sr)"
    echo "date=$(date -u +%Y-%m-%d)"
    echo "load_start=$(cut -d' ' -f1 /proc/loadavg)"
    echo "mode=$($quick && echo quick || echo full)"
    echo "java=$("$java" -version 2>&1 | head -1)"
    echo "allocation_seconds=$allocation_seconds"
    echo "startup_runs=$startup_runs"
    echo "startup_warm=$startup_warm"
  } >"$results/machine.properties"

  jmh peak PeakFlopsBenchmark "$peak_args" ""
  jmh training TrainingBenchmark "$training_args" "-prof gc"
  jmh inference InferenceBenchmark "$inference_args" "-prof gc"

  step "AllocationCheck: $allocation_seconds s warm-up + $allocation_seconds s in 3 windows per shape x contender"
  "$java" -Xmx2g --add-modules jdk.incubator.vector -cp "$cp" dev.unrolled.benchmarks.AllocationCheck \
      "$results/allocation.tsv" "$allocation_seconds" "$allocation_seconds" >"$results/allocation.log" 2>&1 \
    || echo "   AllocationCheck failed: see $results/allocation.log" >&2

  step "StartupHarness: $startup_runs launches per contender after $startup_warm discarded rounds"
  "$java" -cp "$cp" dev.unrolled.benchmarks.StartupHarness "$bench/dependency-tree.txt" \
      "$bench/benchmark-classpath.txt" "$bench/classes" "$results/startup.tsv" "$startup_runs" "$startup_warm" \
      >"$results/startup.log" 2>&1 || echo "   StartupHarness failed: see $results/startup.log" >&2

  step "DependencySize"
  "$java" -cp "$cp" dev.unrolled.benchmarks.DependencySize "$bench/dependency-tree.txt" \
      "$bench/benchmark-classpath.txt" "$results/dependencies.tsv"
  echo "load_end=$(cut -d' ' -f1 /proc/loadavg)" >>"$results/machine.properties"
fi

step "ReportWriter: $out"
"$java" -cp "$cp" dev.unrolled.benchmarks.ReportWriter "$results" "$out"
