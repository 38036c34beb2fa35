#!/usr/bin/env bash
# Training speed: ALS per iteration (Vector API kernels against the plain-Java ones, one JVM each),
# BPR per epoch, and EASE fit time against numpy/scipy on Debian's OpenBLAS, on the same synthetic
# matrices, in one run. Prints wall and process CPU time. See RESULTS.md.
#   benchmarks/training/run.sh            # the measurement (about 30 minutes on a loaded box)
#   benchmarks/training/run.sh --smoke    # every step at a tiny size, seconds
# Build first: mvn -B -pl benchmarks -am package -DskipTests
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bench="$here/.."
if [[ ! -f "$bench/target/recsys-benchmarks.jar" || ! -f "$bench/target/classpath.txt" ]]; then
  echo "benchmarks are not built; run: mvn -B -pl benchmarks -am package -DskipTests" >&2
  exit 1
fi
if [[ "${1:-}" == "--smoke" ]]; then
  als_size=(2000 300 20000); ease_size=(2000 300 20000)
else
  als_size=(200000 50000 1850000); ease_size=(100000 17500 2000000)
fi
if ! /usr/bin/python3 -c 'import numpy, scipy' 2>/dev/null; then
  apt-get install -y -q python3-numpy python3-scipy >/dev/null
fi
cp="$bench/target/recsys-benchmarks.jar:$(cat "$bench/target/classpath.txt")"
vector="--add-modules jdk.incubator.vector"
speed() { java ${JAVA_OPTS:--Xmx6g} "$@" 2>&1 | grep -v ' DEBUG '; }
for kernels in vector java; do
  echo "== als, $kernels kernels, load: $(cut -d' ' -f1-3 /proc/loadavg)"
  flags=(); [[ $kernels == vector ]] && flags=($vector)
  speed "${flags[@]}" -cp "$cp" io.recsyslite.benchmarks.models.ModelSpeedBenchmark als "${als_size[@]}"
done
echo "== bpr, load: $(cut -d' ' -f1-3 /proc/loadavg)"
speed -cp "$cp" io.recsyslite.benchmarks.models.ModelSpeedBenchmark bpr "${als_size[@]}"
csr="$(mktemp -d)"
trap 'rm -rf "$csr"' EXIT
echo "== ease, native LAPACK, load: $(cut -d' ' -f1-3 /proc/loadavg)"
speed -cp "$cp" io.recsyslite.benchmarks.models.ModelSpeedBenchmark ease "${ease_size[@]}" "$csr"
echo "== ease, numpy on Debian's OpenBLAS, same matrix, load: $(cut -d' ' -f1-3 /proc/loadavg)"
OPENBLAS_NUM_THREADS=2 /usr/bin/python3 "$here/ease_numpy.py" "$csr" "${ease_size[1]}" 500 2
