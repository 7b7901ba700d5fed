#!/usr/bin/env bash
# Regenerates BENCHMARKS.md in one command: builds the reactor with -Pbenchmarks (package, never
# install), runs the JMH benchmarks (peak FLOP/s at the CPU's widest vector, training with -prof gc,
# the generated contenders' training again in JDK 25 forks, the cost of batch normalisation and
# dropout, inference, inference beside ONNX Runtime) with JSON output, training again in paired
# rounds (TrainingPaired, one JVM per shape holding every contender) and the cost of normalisation
# and dropout again in paired rounds (RegularisationPaired, one JVM), the speed-up of two threads in
# paired rounds (ParallelPaired, one JVM), the width sweep against DJL on JDK 17 and JDK 25
# (WidthSweep, one JVM each), recording the load average
# around each and repeating a run that started on a busy machine, then the exact allocation check
# (one JVM per contender), the start-up harness and the dependency sizes, and writes the report (and
# README.md's performance table) from those results with ReportWriter.
# --only runs one step into the results of the last run and rewrites the report from them. See --help.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: benchmarks/regenerate.sh [--quick] [--report-only | --only STEP] [--skip-build] [--out FILE]

  --quick        seconds per benchmark, to check the pipeline; writes benchmarks/target/BENCHMARKS-quick.md
  --report-only  only rewrite the report from the results of the last run
  --only STEP    run this step alone, replacing its results (and its load lines) in those of the last
                 run, then rewrite the report from them all; the report says the step was measured
                 apart, and when. STEP: regularisation (RegularisationBenchmark, then
                 RegularisationPaired: "Cost of normalisation and dropout"), onnxruntime
                 (OnnxRuntimeBenchmark, "Inference beside ONNX Runtime"), training-paired
                 (TrainingPaired: the paired tables of "Training throughput"), crossover
                 (LaneCrossover in a JVM with and one without jdk.incubator.vector: "Batch lanes
                 against rows: the crossover"), parallel (ParallelPaired: "Two threads") or sweep
                 (WidthSweep on JDK 17 and on JDK 25: "Width sweep"). Writing
                 BENCHMARKS.md
                 this way needs a full run's results in benchmarks/target/benchmark-results;
                 README.md is left alone.
  --skip-build   reuse the last build (benchmarks/target/classes and its classpath files)
  --out FILE     where to write the report (default: BENCHMARKS.md at the repository root)

Environment (defaults in brackets; --quick shortens them all):
  TRAINING_JMH_ARGS   JMH run length for TrainingBenchmark (JDK 17 and 25) [-f 1 -wi 8 -w 1s -i 8 -r 1s]:
                      the 784-128-10 batch-1 step reached its steady speed only after 7-8 s of a fork
                      (measured twice), and 8 iterations rather than 5 halve the 99.9% interval (t·s/√n)
  TRAINING_PAIRED_ARGS  TrainingPaired's rounds, milliseconds per block and most seconds of warm-up, per
                      shape [100 40 20; quick 6 10 3]: the paired ratios "no peer faster" is judged on
  REGULARISATION_JMH_ARGS  JMH run length for RegularisationBenchmark [-f 2 -wi 5 -w 1s -i 10 -r 1s]:
                      its costs are small differences of two rates, so more iterations narrow their intervals
  REGULARISATION_PAIRED_ARGS  RegularisationPaired's rounds, steps per variant per round and most
                      seconds of warm-up [160 100 30; quick 6 10 3]: the paired costs the target is judged on
  CROSSOVER_ARGS      LaneCrossover's rounds per width x batch cell, ms per block and seconds of warm-up
                      per width (most; it stops once the JIT is silent) [40 12 10; quick 4 2 0.3]; about 1 minute per backend
  PARALLEL_PAIRED_ARGS  ParallelPaired's rounds, milliseconds per block and most seconds of warm-up, per
                      shape x backend [120 50 10; quick 6 10 3]: the speed-ups "2 threads" is judged on
  SWEEP_ARGS          WidthSweep's widths, batches, rounds, milliseconds per block and most seconds of
                      warm-up per cell [128,256,512,1024,2048 32,64,128,256 10 200 10; quick 128,512 32,256 3 20 1]:
                      about 5 minutes per JDK
  INFERENCE_JMH_ARGS  JMH run length for InferenceBenchmark [-f 1 -wi 2 -w 1s -i 3 -r 1s]
  ONNXRUNTIME_JMH_ARGS  JMH run length for OnnxRuntimeBenchmark [-f 1 -wi 3 -w 1s -i 5 -r 1s]
  PEAK_JMH_ARGS       JMH run length for PeakFlopsBenchmark [-f 1 -wi 3 -w 1s -i 5 -r 1s]
  ALLOCATION_SECONDS  warm-up and measured seconds per shape x contender in AllocationCheck [1]
  STARTUP_RUNS        measured launches per contender [10]; STARTUP_WARM discarded rounds [2]
  JAVA                the java binary for every JVM of the run [java on the PATH]
  JDK25               the JDK 25 whose java runs the generated contenders' second training run
                      [/usr/lib/jvm/temurin-25-jdk-amd64, else /usr/lib/jvm/*-25-*; none: not run]
  LOAD_LIMIT          1-minute load average above which a run counts as disturbed [1.5]
  LOAD_WAIT           seconds to wait for the load to fall below LOAD_LIMIT before a run [300; quick 0]
  LOAD_REPEATS        how often a run that started above LOAD_LIMIT is repeated [2; quick 0]
  MVN_ARGS            extra Maven arguments, e.g. -o for offline [none]
  JMH_LOCK_WAIT       seconds to wait while another JMH run holds /tmp/jmh.lock [1800]; RegularisationPaired
                      TrainingPaired and ParallelPaired hold that lock too
Do not add -jvmArgs/-jvmArgsAppend to the JMH arguments: they replace the benchmarks' own fork
options (--add-modules jdk.incubator.vector, -Xmx).
The default run takes about 55 minutes on a 2-core machine, more while it waits for the load to
fall; --quick about 10; --only regularisation about 5 (3 of JMH, 2 paired), --only training-paired
about 5 (4 shapes, at most 75 s each), --only crossover about 4, --only parallel about 3 (4 shapes x
backends, at most 45 s each), --only sweep about 10 (20 cells, twice: JDK 17 and JDK 25),
--only onnxruntime about 2 (--quick: under 1 each), --only startup under 1, plus the build.
Only a full run that writes BENCHMARKS.md rewrites README.md's table.
EOF
}

quick=false
report_only=false
skip_build=false
only=""
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --report-only) report_only=true ;;
    --skip-build) skip_build=true ;;
    --only) only="${2:-}"; shift ;;
    --out) out="$2"; shift ;;
    --help|-h) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

case "$only" in
  ""|regularisation|onnxruntime|training-paired|crossover|parallel|sweep|startup) ;;
  *) echo "unknown step for --only: '$only' (known: regularisation, onnxruntime, training-paired, crossover, parallel, sweep, startup)" >&2; exit 2 ;;
esac
if [ -n "$only" ] && $report_only; then
  echo "--only and --report-only exclude each other" >&2
  exit 2
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bench=benchmarks/target
results="$bench/benchmark-results"
java="${JAVA:-java}"
# DL4J (OpenBLAS) and DJL (libtorch) read these, and the JMH forks and start-up JVMs inherit them:
# every contender computes on one thread. The native peers refuse to run without them.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
jmh_lock_wait="${JMH_LOCK_WAIT:-1800}"
load_limit="${LOAD_LIMIT:-1.5}"
jdk25="${JDK25:-}"
if [ -z "$jdk25" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-*; do
    if [ -x "$candidate/bin/java" ]; then
      jdk25="$candidate"
      break
    fi
  done
fi

if $quick; then
  training_args="${TRAINING_JMH_ARGS:--f 1 -wi 1 -w 200ms -i 2 -r 200ms}"
  training_paired_args="${TRAINING_PAIRED_ARGS:-6 10 3}"
  regularisation_args="${REGULARISATION_JMH_ARGS:--f 1 -wi 1 -w 200ms -i 2 -r 200ms}"
  regularisation_paired_args="${REGULARISATION_PAIRED_ARGS:-6 10 3}"
  crossover_args="${CROSSOVER_ARGS:-4 2 0.3}"
  parallel_paired_args="${PARALLEL_PAIRED_ARGS:-6 10 3}"
  sweep_args="${SWEEP_ARGS:-128,512 32,256 3 20 1}"
  inference_args="${INFERENCE_JMH_ARGS:--f 1 -wi 1 -w 200ms -i 2 -r 200ms}"
  onnxruntime_args="${ONNXRUNTIME_JMH_ARGS:--f 1 -wi 1 -w 200ms -i 2 -r 200ms}"
  peak_args="${PEAK_JMH_ARGS:--f 1 -wi 1 -w 500ms -i 2 -r 500ms}"
  allocation_seconds="${ALLOCATION_SECONDS:-0.3}"
  startup_runs="${STARTUP_RUNS:-3}"
  startup_warm="${STARTUP_WARM:-1}"
  load_wait="${LOAD_WAIT:-0}"
  load_repeats="${LOAD_REPEATS:-0}"
  out="${out:-$bench/BENCHMARKS-quick.md}"
else
  training_args="${TRAINING_JMH_ARGS:--f 1 -wi 8 -w 1s -i 8 -r 1s}"
  training_paired_args="${TRAINING_PAIRED_ARGS:-100 40 20}"
  regularisation_args="${REGULARISATION_JMH_ARGS:--f 2 -wi 5 -w 1s -i 10 -r 1s}"
  regularisation_paired_args="${REGULARISATION_PAIRED_ARGS:-160 100 30}"
  crossover_args="${CROSSOVER_ARGS:-40 12 10}"
  parallel_paired_args="${PARALLEL_PAIRED_ARGS:-120 50 10}"
  sweep_args="${SWEEP_ARGS:-128,256,512,1024,2048 32,64,128,256 10 200 10}"
  inference_args="${INFERENCE_JMH_ARGS:--f 1 -wi 2 -w 1s -i 3 -r 1s}"
  onnxruntime_args="${ONNXRUNTIME_JMH_ARGS:--f 1 -wi 3 -w 1s -i 5 -r 1s}"
  peak_args="${PEAK_JMH_ARGS:--f 1 -wi 3 -w 1s -i 5 -r 1s}"
  allocation_seconds="${ALLOCATION_SECONDS:-1}"
  startup_runs="${STARTUP_RUNS:-10}"
  startup_warm="${STARTUP_WARM:-2}"
  load_wait="${LOAD_WAIT:-300}"
  load_repeats="${LOAD_REPEATS:-2}"
  out="${out:-BENCHMARKS.md}"
fi

step() { echo "== $(date -u +%H:%M:%S) $*"; }

# Before the build, so that a refusal costs nothing: the report --only rewrites takes every other
# section from the results in the folder, which must then be a full run's.
if [ -n "$only" ] && [ "$out" = BENCHMARKS.md ] \
    && [ "$(sed -n 's/^mode=//p' "$results/machine.properties" 2>/dev/null)" != full ]; then
  echo "--only $only rewrites BENCHMARKS.md from the other steps' results of a full run in $results," \
      "and there are none: run benchmarks/regenerate.sh first, or give --out FILE" >&2
  exit 1
fi

if ! $report_only && ! $skip_build; then
  step "build: mvn -Pbenchmarks -DskipTests package"
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_ARGS:-} -Pbenchmarks -DskipTests package
fi
for f in "$bench/classes/META-INF/BenchmarkList" "$bench/benchmark-classpath.txt" "$bench/dependency-tree.txt"; do
  [ -f "$f" ] || { echo "missing $f: build first (without --skip-build)" >&2; exit 1; }
done
# The class path of every JVM of the run, less native builds this CPU cannot run: ND4J's AVX-512
# build dies with SIGILL on a CPU without AVX-512, and JavaCPP picks it whenever it is there.
cp="$bench/classes:$("$java" -cp "$bench/classes" dev.unrolled.benchmarks.NativeBuilds "$bench/benchmark-classpath.txt")"

load1() { cut -d' ' -f1 /proc/loadavg; }
above_limit() { awk -v load="$1" -v limit="$load_limit" 'BEGIN { exit !(load > limit) }'; }

# Waits up to $load_wait seconds for the 1-minute load average to fall to $load_limit.
wait_for_quiet() {
  local waited=0
  while above_limit "$(load1)" && [ "$waited" -lt "$load_wait" ]; do
    [ "$waited" -eq 0 ] && echo "   load $(load1) > $load_limit: waiting (up to $load_wait s)"
    sleep 15
    waited=$((waited + 15))
  done
}

# One JMH run into $results/<name>.json. JMH allows one run per machine (/tmp/jmh.lock): while
# another one holds it, wait and retry, so two runs never share the cores. Fails if JMH did.
jmh_once() {
  local name="$1" pattern="$2" args="$3" waited=0
  while true; do
    # shellcheck disable=SC2086
    if "$java" -cp "$cp" org.openjdk.jmh.Main $args -rf json -rff "$results/$name.json" \
        "$pattern" >"$results/$name.log" 2>&1; then
      return 0
    fi
    if ! grep -q "Unable to acquire the JMH lock" "$results/$name.log"; then
      echo "   JMH reported a failure for $name: see $results/$name.log" >&2
      return 1
    fi
    if [ "$waited" -ge "$jmh_lock_wait" ]; then
      echo "   another JMH run held /tmp/jmh.lock for ${waited} s: $name not measured" >&2
      return 1
    fi
    [ "$waited" -eq 0 ] && echo "   another JMH run holds /tmp/jmh.lock: waiting (up to ${jmh_lock_wait} s)"
    sleep 10
    waited=$((waited + 10))
  done
}

# Runs one measurement (the command $3...) as step $1 ($2 says what it runs), recording the load
# average at the start and end of the run kept: a run that started above $load_limit is repeated, at
# most $load_repeats times, after waiting for the load to fall. A failure leaves the others running.
with_load() {
  local name="$1" what="$2" attempt=1 start end
  shift 2
  while true; do
    wait_for_quiet
    start="$(load1)"
    step "$name ($what), load $start (log: $results/$name.log)"
    "$@" || true
    end="$(load1)"
    if above_limit "$start" && [ "$attempt" -le "$load_repeats" ]; then
      echo "   $name started at load $start > $load_limit: repeating it (repeat $attempt of $load_repeats)"
      attempt=$((attempt + 1))
      continue
    fi
    if above_limit "$start"; then
      echo "   $name started at load $start > $load_limit and is kept: its figures are disturbed"
    fi
    break
  done
  printf 'load.%s.start=%s\nload.%s.end=%s\nload.%s.attempts=%s\n' \
      "$name" "$start" "$name" "$end" "$name" "$attempt" >>"$results/machine.properties"
}

# Runs the benchmarks of one class (methods matching $5, all if empty; more JMH options in $6) into
# $results/<name>.json, with the load recorded around it (with_load).
jmh() {
  local name="$1" class="$2" args="$3 $4 ${6:-}" methods="${5:-}"
  if ! grep -qE "\.$class( |\.)" "$bench/classes/META-INF/BenchmarkList"; then
    step "$class: not in this build, reported as not measured"
    return
  fi
  with_load "$name" "$class${methods:+ $methods}: $args" \
      jmh_once "$name" "dev\.unrolled\.benchmarks\.$class\.$methods" "$args"
}

# RegularisationPaired into $results/regularisation-paired.properties, with the JMH forks' JVM
# options; it holds JMH's lock while it measures. Prints its summary; a failure leaves no results.
paired_once() {
  local name=regularisation-paired
  # shellcheck disable=SC2086
  if "$java" -Xmx2g --add-modules jdk.incubator.vector -Dunrolled.lockWait="$jmh_lock_wait" -cp "$cp" \
      dev.unrolled.benchmarks.RegularisationPaired \
      "$results/$name.properties" $regularisation_paired_args >"$results/$name.log" 2>&1; then
    sed 's/^/   /' "$results/$name.log"
  else
    echo "   RegularisationPaired failed: see $results/$name.log" >&2
    rm -f "$results/$name.properties"
    return 1
  fi
}

# TrainingPaired for shape $2 into $results/$1.properties (training-paired.784-128-10-b32 for
# 784-128-10/32), with the JMH forks' JVM options; it holds JMH's lock while it measures. Prints its
# summary; a failure leaves no results.
training_paired_once() {
  local name="$1" shape="$2"
  # shellcheck disable=SC2086
  if "$java" -Xmx2g --add-modules=jdk.incubator.vector -Dunrolled.lockWait="$jmh_lock_wait" -cp "$cp" \
      dev.unrolled.benchmarks.TrainingPaired "$shape" "$results/$name.properties" $training_paired_args \
      >"$results/$name.log" 2>&1; then
    sed 's/^/   /' "$results/$name.log"
  else
    echo "   TrainingPaired $shape failed: see $results/$name.log" >&2
    rm -f "$results/$name.properties"
    return 1
  fi
}

# ParallelPaired into $results/parallel.<shape>.<backend>.properties, with the JMH forks' JVM options;
# it holds JMH's lock while it measures. Prints its summary; a failure leaves no results.
parallel_once() {
  # shellcheck disable=SC2086
  if "$java" -Xmx2g --add-modules=jdk.incubator.vector -Dunrolled.lockWait="$jmh_lock_wait" -cp "$cp" \
      dev.unrolled.benchmarks.ParallelPaired "$results" $parallel_paired_args >"$results/parallel.log" 2>&1; then
    sed 's/^/   /' "$results/parallel.log"
  else
    echo "   ParallelPaired failed: see $results/parallel.log" >&2
    rm -f "$results"/parallel.*.properties
    return 1
  fi
}

# The steps --only can run alone, as the full run runs them. ONNX Runtime's version is the one Maven
# resolved for this build, the jar on the forks' class path.
run_regularisation() {
  jmh regularisation RegularisationBenchmark "$regularisation_args" "-prof gc"
  with_load regularisation-paired "RegularisationPaired: rounds, steps, warm-up s $regularisation_paired_args" \
      paired_once
}
run_training_paired() {
  local shape name
  for shape in $("$java" -cp "$cp" dev.unrolled.benchmarks.AllocationCheck --list shape); do
    name="training-paired.${shape//\//-b}"
    with_load "$name" "TrainingPaired $shape: rounds, block ms, warm-up s $training_paired_args" \
        training_paired_once "$name" "$shape"
  done
}
# LaneCrossover once per backend: with jdk.incubator.vector (Vector API lanes against the vector
# backend's rows) and without (the lanes' plain loops against the plain backend), each into
# $results/crossover-<backend>.json; it holds JMH's lock while it measures.
crossover_once() {
  local backend="$1" name="crossover-$1" modules=""
  if [ "$backend" = vector ]; then
    modules="--add-modules jdk.incubator.vector"
  fi
  # shellcheck disable=SC2086
  if "$java" -Xmx1g $modules -Dunrolled.lockWait="$jmh_lock_wait" -cp "$cp" dev.unrolled.benchmarks.LaneCrossover \
      "$results/$name.json" "$bench/processor-classpath.txt" $crossover_args >"$results/$name.log" 2>&1; then
    grep -v '^WARNING' "$results/$name.log" | sed 's/^/   /'
  else
    echo "   LaneCrossover ($backend) failed: see $results/$name.log" >&2
    rm -f "$results/$name.json"
    return 1
  fi
}
run_crossover() {
  rm -f "$results"/crossover-*.json "$results"/crossover-*.log
  for backend in vector plain; do
    with_load "crossover-$backend" "LaneCrossover $backend: rounds, block ms, warm-up s per width $crossover_args" \
        crossover_once "$backend"
  done
}
run_parallel() {
  with_load parallel "ParallelPaired: rounds, block ms, warm-up s $parallel_paired_args" parallel_once
}
# StartupHarness into $results/startup.tsv; a failure leaves no results. The launch counts go into
# machine.properties here, so that --only startup with other STARTUP_RUNS reports its own.
startup_once() {
  rm -f "$results/startup.tsv"
  sed -i '/^startup_runs=/d; /^startup_warm=/d' "$results/machine.properties"
  printf 'startup_runs=%s\nstartup_warm=%s\n' "$startup_runs" "$startup_warm" >>"$results/machine.properties"
  if "$java" -cp "$cp" dev.unrolled.benchmarks.StartupHarness "$bench/dependency-tree.txt" \
      "$bench/benchmark-classpath.txt" "$bench/classes" "$results/startup.tsv" "$startup_runs" "$startup_warm" \
      >"$results/startup.log" 2>&1; then
    cut -f1-6 "$results/startup.tsv" | sed 's/^/   /; s/\t/  /g'
  else
    echo "   StartupHarness failed: see $results/startup.log" >&2
    rm -f "$results/startup.tsv"
    return 1
  fi
}
run_startup() {
  with_load startup "StartupHarness: $startup_runs launches per contender after $startup_warm discarded rounds" \
      startup_once
}
# WidthSweep on the java binary $1 (JDK 17, then JDK 25) into $results/sweep.jdk<feature>.*.properties;
# it holds JMH's lock while it measures. Prints its table; a failure leaves that JDK's results out.
sweep_once() {
  local javabin="$1" name="$2"
  # shellcheck disable=SC2086
  if "$javabin" -Xmx3g --add-modules=jdk.incubator.vector -Dunrolled.lockWait="$jmh_lock_wait" -cp "$cp" \
      dev.unrolled.benchmarks.WidthSweep "$results" $sweep_args >"$results/$name.log" 2>&1; then
    grep '^|\|^FP32' "$results/$name.log" | sed 's/^/   /'
  else
    echo "   WidthSweep failed: see $results/$name.log" >&2
    return 1
  fi
}
run_sweep() {
  rm -f "$results"/sweep.*.properties "$results"/sweep*.log
  with_load sweep "WidthSweep (JDK 17): widths, batches, rounds, block ms, warm-up s $sweep_args" \
      sweep_once "$java" sweep
  if [ -n "$jdk25" ]; then
    with_load sweep-jdk25 "WidthSweep (JDK 25): widths, batches, rounds, block ms, warm-up s $sweep_args" \
        sweep_once "$jdk25/bin/java" sweep-jdk25
  else
    step "no JDK 25 under /usr/lib/jvm (set JDK25): the sweep's JDK 25 table is not measured"
  fi
}
run_onnxruntime() {
  jmh onnxruntime OnnxRuntimeBenchmark "$onnxruntime_args" "-prof gc"
  echo "version.onnxruntime=$(sed -n 's/^[-+|\\ ]*com\.microsoft\.onnxruntime:onnxruntime:jar:\([^:]*\):.*/\1/p' \
      "$bench/dependency-tree.txt" | head -1)" >>"$results/machine.properties"
}

cpu_name() { grep -m1 '^model name' /proc/cpuinfo | sed 's/^model name[[:space:]]*:[[:space:]]*//' || true; }

# The machine and run conditions, first lines of $results/machine.properties.
write_machine() {
  local cpu hypervisor cpu_flags missing flag # vector_bits stays: the peak step reads it
  cpu="$(cpu_name)"
  hypervisor="$(lscpu 2>/dev/null | sed -n 's/^Hypervisor vendor:[[:space:]]*//p' || true)"
  vector_bits="$("$java" --add-modules jdk.incubator.vector -cp "$cp" dev.unrolled.benchmarks.VectorWidth 2>/dev/null || true)"
  cpu_flags="" # "avx2 fma, no avx512f"
  missing=""
  for flag in avx512f avx2 fma; do
    if grep -m1 '^flags' /proc/cpuinfo | grep -qw "$flag"; then
      cpu_flags="$cpu_flags $flag"
    else
      missing="$missing${missing:+,} no $flag"
    fi
  done
  cpu_flags="${cpu_flags# }${missing:+,$missing}"
  {
    echo "cpu=${cpu:-unknown}"
    echo "cores=$(getconf _NPROCESSORS_ONLN)" # not nproc: it honours OMP_NUM_THREADS, set to 1 above
    echo "hypervisor=$hypervisor"
    echo "vector_bits=$vector_bits"
    echo "cpu_flags=$cpu_flags"
    echo "kernel=$(uname -sr)"
    echo "date=$(date -u +%Y-%m-%d)"
    echo "load_start=$(cut -d' ' -f1 /proc/loadavg)"
    echo "mode=$($quick && echo quick || echo full)"
    echo "java=$("$java" -version 2>&1 | head -1)"
    echo "java25=${jdk25:+$("$jdk25/bin/java" -version 2>&1 | head -1)}"
    echo "load_limit=$load_limit"
    echo "load_repeats=$load_repeats"
    echo "allocation_seconds=$allocation_seconds"
  } >"$results/machine.properties"
}

if [ -n "$only" ]; then
  # The last run's other results, machine lines and load lines stay; this step's are replaced.
  mkdir -p "$results"
  first_run=false
  if [ ! -f "$results/machine.properties" ]; then
    first_run=true
    write_machine
  fi
  rm -f "$results/$only.json" "$results/$only.log" "$results/$only-paired.properties" "$results/$only-paired.log"
  rm -f "$results/$only".*.properties "$results/$only".*.log # training-paired: one of each per shape
  sed -i "/^load\.$only[.-]/d; /^rerun\.$only\./d; /^version\.$only=/d" \
      "$results/machine.properties"
  "run_${only//-/_}"
  {
    echo "rerun.$only.date=$(date -u +%Y-%m-%d)"
    echo "rerun.$only.mode=$($quick && echo quick || echo full)"
    echo "rerun.$only.cpu=$(cpu_name)"
    if $first_run; then
      echo "load_end=$(cut -d' ' -f1 /proc/loadavg)"
    fi
  } >>"$results/machine.properties"
elif ! $report_only; then
  rm -rf "$results"
  mkdir -p "$results"
  write_machine

  # The peak at the widest vector the JIT compiles here and narrower; a wider species would be
  # emulated by the Vector API, not measured.
  peak_methods=""
  if [ -n "$vector_bits" ] && [ "$vector_bits" -lt 512 ]; then
    peak_methods="(float256|double256|floatScalar)\$"
  fi
  jmh peak PeakFlopsBenchmark "$peak_args" "" "$peak_methods"
  jmh training TrainingBenchmark "$training_args" "-prof gc"
  run_training_paired
  generated="$("$java" -cp "$cp" dev.unrolled.benchmarks.AllocationCheck --list contender | grep '^generated-' | paste -sd, - || true)"
  if [ -n "$jdk25" ]; then
    jmh training-jdk25 TrainingBenchmark "$training_args" "-prof gc" "" "-jvm $jdk25/bin/java -p contender=$generated"
  else
    step "no JDK 25 under /usr/lib/jvm (set JDK25): the JDK 25 column is not measured"
  fi
  run_regularisation
  run_parallel
  jmh inference InferenceBenchmark "$inference_args" "-prof gc"
  run_onnxruntime
  run_crossover
  run_sweep

  # One JVM per contender, so a native library that crashes its JVM loses only its own rows.
  step "AllocationCheck: $allocation_seconds s warm-up + $allocation_seconds s in 3 windows per shape, one JVM per contender"
  mkdir -p "$results/allocation"
  shapes="$("$java" -cp "$cp" dev.unrolled.benchmarks.AllocationCheck --list shape)"
  printf 'shape\tcontender\tsteps\tbytes\tbytes_per_step\tstatus\n' >"$results/allocation.tsv"
  for contender in $("$java" -cp "$cp" dev.unrolled.benchmarks.AllocationCheck --list contender); do
    tsv="$results/allocation/$contender.tsv"
    status=0
    "$java" -Xmx2g --add-modules jdk.incubator.vector -cp "$cp" dev.unrolled.benchmarks.AllocationCheck \
        "$tsv" "$allocation_seconds" "$allocation_seconds" "$contender" >"$results/allocation/$contender.log" 2>&1 \
      || status=$?
    if [ "$status" -ne 0 ]; then
      echo "   AllocationCheck $contender: the JVM exited with status $status, see $results/allocation/$contender.log" >&2
      for shape in $shapes; do
        printf '%s\t%s\t-\t-\t-\tfailed: JVM exit status %s\n' "$shape" "$contender" "$status"
      done >>"$results/allocation.tsv"
    else
      tail -n +2 "$tsv" >>"$results/allocation.tsv"
    fi
  done

  run_startup

  step "DependencySize"
  "$java" -cp "$cp" dev.unrolled.benchmarks.DependencySize "$bench/dependency-tree.txt" \
      "$bench/benchmark-classpath.txt" "$results/dependencies.tsv"
  echo "load_end=$(cut -d' ' -f1 /proc/loadavg)" >>"$results/machine.properties"
fi

# README.md's performance table follows BENCHMARKS.md, never a quick run or a report elsewhere.
readme=""
if [ -z "$only" ] && [ "$out" = BENCHMARKS.md ] && [ "$(sed -n 's/^mode=//p' "$results/machine.properties" 2>/dev/null)" = full ]; then
  readme=README.md
fi
step "ReportWriter: $out${readme:+ and the performance table of $readme}"
"$java" -cp "$cp" dev.unrolled.benchmarks.ReportWriter "$results" "$out" $readme
