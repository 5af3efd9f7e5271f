#!/usr/bin/env bash
# Benchmark: the probe's page-touch speed against a plain C loop, on the host.
# Prints figures only; it never passes or fails on timing (the target is probe >= 90% of plain).
#   bench/probe-touch.sh            (env: ROUNDS=7 MIB=512)
# Both programs time themselves from mmap/open to the last page touched (the probe: its
# "start" line to its "step" line, so its progress lines, counter reads and the fork of its
# worker are included). Process start and exit (freeing the pages) are outside both timings.
# Then the resident memory of the probe's two processes, the supervisor (PID 1 in a
# container) and the worker, while the worker holds MIB of anonymous memory.
set -euo pipefail

ROUNDS=${ROUNDS:-7}
MIB=${MIB:-512}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src=$here/../dsl/src/main/c

[ -d /dev/shm ] && [ -w /dev/shm ] || { echo "probe-touch: /dev/shm is not writable" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/oomlab-bench.XXXXXX")
shmdir=
cleanup() { rm -rf "$work"; [ -z "$shmdir" ] || rm -rf "$shmdir"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
shmdir=$(mktemp -d /dev/shm/oomlab-bench.XXXXXX)

bash "$src/build.sh" "$work/probe" >/dev/null
gcc -static -O2 -s -o "$work/touchloop" "$src/touchloop.c"

# MB/s (10^6 bytes per second) of one probe run; prints nothing and fails if it did not finish.
probe_mbs() {
  "$work/probe" "$@" >"$work/out"
  awk -v bytes=$((MIB * 1048576)) '
    /"ev":"start"/ { match($0, /"t_us":[0-9]+/); t0 = substr($0, RSTART + 7, RLENGTH - 7) }
    /"ev":"step"/  { match($0, /"t_us":[0-9]+/); t1 = substr($0, RSTART + 7, RLENGTH - 7) }
    END { if (t1 == "") exit 1; printf "%.0f\n", bytes / (t1 - t0) }' "$work/out"
}

plain_mbs() {
  "$work/touchloop" "$@" | awk '{ printf "%.0f\n", $1 / $2 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "probe-touch: $MIB MiB, $ROUNDS rounds each, alternating; kernel $(uname -r)," \
     "THP $(sed 's/.*\[\(.*\)\].*/\1/' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || echo '?')," \
     "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"

# One unreported warm-up of each: the first touch of memory after boot (or in a VM, of the
# guest's memory) is much slower and would only add noise to the first round.
probe_mbs "ram:$MIB" >/dev/null; plain_mbs ram "$MIB" >/dev/null

declare -A runs
for ((r = 1; r <= ROUNDS; r++)); do
  # Alternate which one goes first so drift (cache, frequency) does not favour either.
  if ((r % 2)); then order="probe plain"; else order="plain probe"; fi
  for who in $order; do
    if [ "$who" = probe ]; then
      runs[ram_probe]+="$(probe_mbs "ram:$MIB") "
      runs[shm_probe]+="$(probe_mbs --shm-dir="$shmdir" "shm:$MIB:probe") "
      rm -f "$shmdir/probe"
    else
      runs[ram_plain]+="$(plain_mbs ram "$MIB") "
      runs[shm_plain]+="$(plain_mbs shm "$MIB" "$shmdir/plain") "
      rm -f "$shmdir/plain"
    fi
  done
done

for mode in ram shm; do
  p=$(tr ' ' '\n' <<<"${runs[${mode}_probe]}" | grep . | median)
  q=$(tr ' ' '\n' <<<"${runs[${mode}_plain]}" | grep . | median)
  printf '%s  probe  median %6d MB/s   runs: %s\n' "$mode" "$p" "${runs[${mode}_probe]}"
  printf '%s  plain  median %6d MB/s   runs: %s\n' "$mode" "$q" "${runs[${mode}_plain]}"
  awk -v p="$p" -v q="$q" -v m="$mode" 'BEGIN { printf "%s  ratio probe/plain %.3f (target >= 0.90)\n", m, p / q }'
done

# Resident memory of the supervisor and the worker, from /proc, while the worker holds.
"$work/probe" "ram:$MIB" hold >"$work/out" & sup=$!
for _ in $(seq 200); do grep -q '"kind":"hold"' "$work/out" && break; sleep 0.05; done
worker=$(cat "/proc/$sup/task/$sup/children"); worker=${worker%% *}
for who in supervisor worker; do
  if [ "$who" = supervisor ]; then pid=$sup; else pid=$worker; fi
  awk -v who="$who" '/^(VmRSS|RssAnon|RssFile|RssShmem):/ { printf "%s %s %s kB", (n++ ? "," : who " rss:"), $1, $2 }
                     END { print "" }' "/proc/$pid/status"
done
kill -TERM "$sup"; wait "$sup" || true
