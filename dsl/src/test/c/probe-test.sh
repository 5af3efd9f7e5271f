#!/usr/bin/env bash
# C-level tests of the probe, on the host (no Docker): command line, JSON lines, exit codes,
# steps against temp dirs, the supervisor's exit line and its mapping of the worker's death to
# an exit code, and the cgroup v1/v2 counter mapping against fake cgroup files (the probe
# compiled with -DCG_ROOT=<dir>). Run: dsl/src/test/c/probe-test.sh
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src=$here/../../main/c
work=$(mktemp -d "${TMPDIR:-/tmp}/oomlab-probe-test.XXXXXX")
shm=$(mktemp -d /dev/shm/oomlab-probe-test.XXXXXX)
mnt=
trap 'rm -rf "$work" "$shm"; [ -z "$mnt" ] || rmdir "$mnt"' EXIT
ulimit -c 0     # the workers killed with SIGBUS below must not leave core files
fails=0
ok()   { echo "ok   $*"; }
bad()  { echo "FAIL $*"; fails=$((fails + 1)); }

bash "$src/build.sh" "$work/probe" >/dev/null || { echo "FAIL build"; exit 1; }
P=$work/probe

# check NAME EXPECTED_RC RC : the exit code, an empty stderr, and stdout made of JSON lines.
check() {
  local name=$1 want=$2 rc=$3
  if [ "$rc" != "$want" ]; then bad "$name: exit $rc, expected $want"; cat "$work/out"; return 1; fi
  if [ -s "$work/err" ]; then bad "$name: wrote to stderr"; cat "$work/err"; return 1; fi
  python3 -c 'import json,sys
for l in sys.stdin: json.loads(l)' <"$work/out" || { bad "$name: not JSON lines"; return 1; }
  ok "$name"
}
# run NAME EXPECTED_RC ARGS... : runs the probe and checks it.
run() {
  local name=$1 want=$2; shift 2
  "$P" "$@" >"$work/out" 2>"$work/err"
  check "$name" "$want" $?
}
# start_bg ARGS... : starts the probe in the background, waits for its worker to reach the
# last step (a "hold"), and sets S (supervisor) and W (worker).
start_bg() {
  "$P" "$@" >"$work/out" 2>"$work/err" &
  S=$! W=
  for _ in $(seq 200); do
    if grep -q '"kind":"hold"' "$work/out"; then
      W=$(cat "/proc/$S/task/$S/children" 2>/dev/null) W=${W%% *}     # "PID " (no newline)
      [ -n "$W" ] || W=$(awk -v s="$S" '$4 == s { print $1 }' /proc/[0-9]*/stat 2>/dev/null | head -1)
      break
    fi
    sleep 0.05
  done
  [ -n "$W" ] || bad "start_bg $*: no worker holding"
}
# reap NAME EXPECTED_RC : waits for the background probe and checks it.
reap() {
  local rc=0
  wait "$S" || rc=$?
  check "$1" "$2" "$rc"
}
# has NAME REGEX : the last run's output contains a line matching REGEX
has() { grep -Eq -- "$2" "$work/out" && ok "$1" || { bad "$1: no line matching $2"; cat "$work/out"; }; }
# last NAME REGEX : the last run's last line matches REGEX
last() { tail -n 1 "$work/out" | grep -Eq -- "$2" && ok "$1" || { bad "$1: last line does not match $2"; cat "$work/out"; }; }
exit_line() {   # exit_line STATUS CODE SIGNAL NAME : the regex of an exit line up to its counters
  echo "^\{\"ev\":\"exit\",\"worker_pid\":[0-9]+,\"status\":\"$1\",\"code\":$2,\"signal\":$3,\"signal_name\":\"$4\",\"t_us\":[0-9]+,\"usage\":-?[0-9]+,\"limit\":-?[0-9]+,\"max_usage\":-?[0-9]+,\"failcnt\":-?[0-9]+,\"shmem\":-?[0-9]+,\"anon\":-?[0-9]+,\"file\":-?[0-9]+,\"oom_kill\":-?[0-9]+,\"under_oom\":-?[0-9]+$V2_KEYS$STAT_KEYS\}$"
}
# The keys the probe adds on cgroup v2 (all -1 elsewhere), after the original nine.
V2_KEYS=$(printf ',\\"%s\\":-?[0-9]+' peak high_limit swap ev_high ev_max ev_oom ev_oom_kill \
  psi_some_avg10 psi_some_total psi_full_avg10 psi_full_total)
# The cgroup's reclaim counters on the start and exit lines (none without a cgroup).
STAT_KEYS='(,"stat_[a-z_]+":-?[0-9]+)*'
NO_V2=',"peak":-1,"high_limit":-1,"swap":-1,"ev_high":-1,"ev_max":-1,"ev_oom":-1,"ev_oom_kill":-1,"psi_some_avg10":-1,"psi_some_total":-1,"psi_full_avg10":-1,"psi_full_total":-1'

for a in "" bogus ram: ram:-1 ram:1x ram:1.5 shm:1: shm:1:a/b shm:1:.. --chunk-mib=0 \
         "--stat ram:1" "hold ram:1" --wat ram:99999999999 --dir "sleep:"; do
  # shellcheck disable=SC2086
  run "usage '$a'" 2 $a && has "usage '$a' line" '^\{"ev":"usage","error":"[^"]+"\}$'
done
[ "$(wc -l <"$work/out")" -eq 1 ] && ok "usage: one line, no worker, no exit line" || bad "usage line count"
run "usage escapes" 2 $'ram:\x01"\\\xff' && has "usage escapes line" '\\u0001\\"\\\\\\u00ff'

run "steps" 0 --chunk-mib=8 --dir="$work" --shm-dir="$shm" shm:20 ram:20 file:20 sleep:20 shm:4:named freeshm
has "start line" '^\{"ev":"start","v":1,"pid":[0-9]+,"cgroup":[012],"page":[0-9]+,"t_us":[0-9]+,"usage":'
has "first chunk has a sample" '"ev":"progress","step":0,"kind":"shm","done":8388608,"target":20971520'
has "last chunk of shm" '"ev":"progress","step":0,"kind":"shm","done":20971520,"target":20971520'
has "shm step" '"ev":"step","step":0,"kind":"shm","done":20971520,"target":20971520'
has "ram step" '"ev":"step","step":1,"kind":"ram","done":20971520'
has "file progress" '"ev":"progress","step":2,"kind":"file","done":16777216'
has "file step" '"ev":"step","step":2,"kind":"file","done":20971520'
has "sleep start" '"ev":"progress","step":3,"kind":"sleep","done":0,"target":20,'
has "sleep step" '"ev":"step","step":3,"kind":"sleep","done":20,"target":20,'
has "freeshm step" '"ev":"step","step":5,"kind":"freeshm","done":25165824,"target":25165824'
has "end line" '^\{"ev":"end","t_us":[0-9]+,"usage":'
last "exit line last" "$(exit_line exited 0 0 '')"
[ "$(wc -l <"$work/out")" -eq 20 ] && ok "line count" || bad "line count $(wc -l <"$work/out")"
sup=$(grep -o '"ev":"start","v":1,"pid":[0-9]*' "$work/out" | grep -o '[0-9]*$')
wrk=$(grep -o '"worker_pid":[0-9]*' "$work/out" | cut -d: -f2)
[ -n "$wrk" ] && [ "$wrk" != "$sup" ] && ok "steps ran in a worker ($wrk), not in the supervisor ($sup)" ||
  bad "worker pid '$wrk', supervisor pid '$sup'"
[ -z "$(ls -A "$shm")" ] && ok "freeshm unlinked the segments" || bad "segments left: $(ls "$shm")"
[ "$(stat -c %s "$work/oomlab-file-2")" = 20971520 ] && ok "file written" || bad "file size"
last_t=-1; mono=1
for t in $(grep -o '"t_us":[0-9]*' "$work/out" | cut -d: -f2); do
  [ "$t" -ge "$last_t" ] || mono=0; last_t=$t
done
[ "$mono" = 1 ] && ok "t_us never goes back" || bad "t_us goes back"

# statfs:PATH reports what df shows for that path (the tmpfs's size and free bytes), then its step.
run "statfs" 0 --dir="$work" statfs:/dev/shm
want_size=$(( $(stat -f -c '%b * %S' /dev/shm) ))
has "statfs line" '"ev":"statfs","step":0,"path":"/dev/shm","size":'"$want_size"',"avail":[0-9]+,"t_us":'
has "statfs step" '"ev":"step","step":0,"kind":"statfs","done":0,"target":0'
run "statfs of a missing path" 3 --dir="$work" statfs:/nonexistent-oomlab
has "statfs fail line" '"ev":"fail","step":0,"kind":"statfs","op":"statfs","errno":2,"error":"ENOENT"'
run "statfs needs an absolute path" 2 statfs:relative

# A segment that already exists with that size is mapped and touched as it is.
head -c $((4 << 20)) /dev/zero | tr '\0' 'x' >"$shm/shared"
run "existing segment" 0 --shm-dir="$shm" shm:4:shared && has "existing segment step" '"kind":"shm","done":4194304'
[ "$(head -c 2 "$shm/shared")" = $'\001x' ] && ok "existing segment touched, not truncated" || bad "existing segment content"
rm -f "$shm/shared"

# Until killed: the steps count the pages they touch; the supervisor reports the count.
pages=$(( (8 << 20) / $(getconf PAGESIZE) + (4 << 20) / $(getconf PAGESIZE) ))
run "until killed" 0 --shm-dir="$shm" ram-until-killed:8 shm-until-killed:4 &&
  has "until killed: events say ram" '"ev":"step","step":0,"kind":"ram","done":8388608' &&
  last "until killed: exit line counts the pages" "\"t_us\":[0-9]+,\"touched_pages\":$pages,\"touched_bytes\":$((pages * $(getconf PAGESIZE))),\"usage\""
run "usage 'ram-until-killed:'" 2 ram-until-killed: && has "until killed usage" '"ev":"usage"'
run "without until killed: no page count" 0 ram:1 && last "no touched_pages" "$(exit_line exited 0 0 '')"

# read:MIB leaves clean page cache (written, synced, dropped, read back); sync writes back the rest.
mkdir -p "$work/rs"
run "read and sync" 0 --chunk-mib=2 --dir="$work/rs" file:2 sync read:4 &&
  has "read progress" '"ev":"progress","step":2,"kind":"read","done":2097152,"target":4194304' &&
  has "read step" '"ev":"step","step":2,"kind":"read","done":4194304,"target":4194304' &&
  has "sync step" '"ev":"step","step":1,"kind":"sync","done":0,"target":0' &&
  [ "$(stat -c %s "$work/rs/oomlab-read-2")" = 4194304 ] && ok "read file written" || bad "read file"
run "usage 'read:'" 2 read: && run "usage 'sync:1'" 2 sync:1

# signal:NAME and await:NAME:MS: one probe waits for another's file in the shm directory.
run "await times out" 0 --shm-dir="$shm" await:nobody:60 &&
  has "await timed out: done == target" '"ev":"step","step":0,"kind":"await","done":60,"target":60'
"$P" --shm-dir="$shm" await:go:10000 ram:1 >"$work/await.out" 2>&1 &
waiter=$!
sleep 0.3
run "signal" 0 --shm-dir="$shm" signal:go && has "signal step" '"ev":"step","step":0,"kind":"signal"'
[ -e "$shm/oomlab-signal-go" ] && ok "signal file made" || bad "no signal file"
wait $waiter
grep -Eq '"ev":"step","step":0,"kind":"await","done":([0-9]{1,4}),"target":10000' "$work/await.out" &&
  ok "await saw the signal before its time" || { bad "await did not see the signal"; cat "$work/await.out"; }
rm -f "$shm"/oomlab-signal-*
for a in signal: signal:a/b signal:a:1 await:x await:x:0 await:x:1y await::5 signal:..; do
  run "usage $a" 2 "$a"
done

# Processes: proc:NAME:ADJ starts one; each runs its own steps in its own worker, with its own
# oom_score_adj (raised from ours: lowering needs CAP_SYS_RESOURCE); the run ends when every
# process has ended or holds, and each gets a "proc" line from the supervisor.
adj0=$(cat /proc/self/oom_score_adj)
run "processes" 0 --chunk-mib=4 --dir="$work" "proc:a:$adj0" ram:4 hold proc:b:1000 sleep:50 ram:2 spin:20 &&
  has "a's lines carry its name, steps counted from 0" '"ev":"step","proc":"a","step":0,"kind":"ram","done":4194304' &&
  has "b's own step numbers" '"ev":"step","proc":"b","step":2,"kind":"spin","done":20,"target":20' &&
  has "a process's lines carry its oom_score" '"proc":"a","step":0,"kind":"ram","done":4194304,"target":4194304,"t_us":[0-9]+,"oom_score":[0-9]+,' &&
  has "b ended on its own" '^\{"ev":"proc","proc":"b","pid":[0-9]+,"oom_score_adj":1000,"status":"exited","code":0,"signal":0,"signal_name":"","t_us"' &&
  has "a held when the run ended" '^\{"ev":"proc","proc":"a","pid":[0-9]+,"oom_score_adj":'"$adj0"',"status":"holding"' &&
  has "the supervisor's end line" '^\{"ev":"end","t_us"' &&
  last "processes: exit line" "$(exit_line exited 0 0 '')"
for a in "proc:a:1001 ram:1" "proc::0 ram:1" "proc:a ram:1" "ram:1 proc:a:0 ram:1" "proc:a:0" \
         "proc:a:0 ram:1 proc:a:0 ram:1" "proc:a:0 hold ram:1" "proc:a/b:0 ram:1" spin:x; do
  # shellcheck disable=SC2086
  run "usage '$a'" 2 $a && has "usage '$a' line" '^\{"ev":"usage","error":"[^"]+"\}$'
done

run "fail open" 3 --shm-dir="$work/missing" shm:1 && has "fail line" \
  '^\{"ev":"fail","step":0,"kind":"shm","op":"open","errno":2,"error":"ENOENT","done":0,"target":1048576,"t_us":'
last "fail: exit line with code 3" "$(exit_line exited 3 0 '')"
run "fail mmap" 3 ram:1 ram:16000000 && has "fail mmap line" '"ev":"fail","step":1,"kind":"ram","op":"mmap","errno":12,"error":"ENOMEM"'
if [ -w /dev/full ]; then
  ln -s /dev/full "$work/oomlab-file-0"
  run "fail write" 3 --dir="$work" file:1 && has "fail write line" '"op":"write","errno":28,"error":"ENOSPC","done":0'
  rm -f "$work/oomlab-file-0"
fi

# The supervisor maps the worker's death to 128+N and says how it died, as Docker would see it.
start_bg ram:4 hold; kill -KILL "$W"; reap "worker SIGKILL: exit 137" 137 &&
  last "worker SIGKILL: exit line" "$(exit_line signaled -1 9 SIGKILL)"
start_bg ram:4 hold; kill -BUS "$W"; reap "worker SIGBUS: exit 135" 135 &&
  last "worker SIGBUS: exit line" "$(exit_line signaled -1 7 SIGBUS)"
start_bg hold; kill -RTMIN "$W"; reap "worker SIGRTMIN: exit 128+N" $((128 + $(kill -l RTMIN))) &&
  last "worker SIGRTMIN: exit line" "$(exit_line signaled -1 "$(kill -l RTMIN)" "SIG$(kill -l RTMIN)")"
# docker stop: TERM (or INT) to the supervisor is forwarded; the worker dies, the supervisor reports.
start_bg ram:4 hold
rss=$(awk '/^RssAnon:/ { print $2 }' "/proc/$S/status")
[ -n "$rss" ] && [ "$rss" -lt 1024 ] && ok "supervisor RssAnon ${rss} kB < 1 MiB" || bad "supervisor RssAnon '$rss' kB"
kill -TERM "$S"; reap "TERM to the supervisor: exit 143" 143 &&
  last "TERM forwarded: exit line" "$(exit_line signaled -1 15 SIGTERM)"
[ -d "/proc/$W" ] && bad "worker $W outlived its supervisor" || ok "worker gone with the supervisor"
start_bg hold; kill -INT "$S"; reap "INT to the supervisor: exit 130" 130 &&
  last "INT forwarded: exit line" "$(exit_line signaled -1 2 SIGINT)"
# A real SIGBUS: a shm segment bigger than its tmpfs, in a private mount namespace (root only).
mnt=$(mktemp -d "${TMPDIR:-/tmp}/oomlab-probe-tmpfs.XXXXXX")
if unshare -m sh -c 'mount -t tmpfs -o size=4m oomlab-probe-test "$1"' sh "$mnt" 2>/dev/null; then
  unshare -m sh -c 'mount -t tmpfs -o size=4m oomlab-probe-test "$1" && exec "$2" --chunk-mib=1 --shm-dir="$1" shm:8' \
    sh "$mnt" "$P" >"$work/out" 2>"$work/err"
  check "full tmpfs: SIGBUS, exit 135" 135 $? &&
    has "full tmpfs: touched up to the tmpfs size" '"kind":"shm","done":4194304,' &&
    last "full tmpfs: exit line" "$(exit_line signaled -1 7 SIGBUS)"
else
  echo "skip full tmpfs SIGBUS (cannot mount a tmpfs in a private mount namespace here)"
fi

# No worker (fork refused: one process allowed for an unprivileged user): a fail line and exit 4.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && command -v prlimit >/dev/null; then
  chmod go+x "$work"
  setpriv --reuid 65534 --regid 65534 --clear-groups prlimit --nproc=1:1 "$P" ram:1 >"$work/out" 2>"$work/err"
  check "fork refused: exit 4" 4 $? && last "fork refused: fail line, no exit line" \
    '^\{"ev":"fail","step":-1,"kind":"supervisor","op":"fork","errno":11,"error":"EAGAIN","done":0,"target":0,"t_us":'
else
  echo "skip fork refused (needs root, setpriv and prlimit)"
fi

# Counter mapping against fake cgroup files; /proc/self/cgroup is faked too (CG_SELF).
fake=$work/cg
self=$work/self-cgroup
gcc -static -O2 -DCG_ROOT="\"$fake\"" -DCG_WRITE_ROOT="\"$fake\"" -DCG_SELF="\"$self\"" -o "$work/probe-fake" "$src/probe.c" || bad "build fake"
mkdir -p "$fake/memory"
printf '1000\n' >"$fake/memory/memory.usage_in_bytes"
printf '9223372036854771712\n' >"$fake/memory/memory.limit_in_bytes"
printf '3000\n' >"$fake/memory/memory.max_usage_in_bytes"
printf '7\n' >"$fake/memory/memory.failcnt"
printf 'cache 500\nrss 400\nrss_huge 0\nshmem 300\nmapped_file 1\ntotal_cache 510\ntotal_rss 410\ntotal_shmem 310\n' >"$fake/memory/memory.stat"
printf 'oom_kill_disable 1\nunder_oom 1\noom_kill 2\n' >"$fake/memory/memory.oom_control"
P=$work/probe-fake
V1_ROOT='"usage":1000,"limit":9223372036854771712,"max_usage":3000,"failcnt":7,"shmem":310,"anon":410,"file":200,"oom_kill":2,"under_oom":1'
run "fake v1, no /proc/self/cgroup" 0 --stat && [ "$(wc -l <"$work/out")" -eq 1 ] && has "fake v1 counters" \
  "^\{\"ev\":\"stat\",$V1_ROOT$NO_V2\}$"
run "fake v1 start" 0 ram:0 && has "fake v1 start" '"cgroup":1,' && last "fake v1 exit line" \
  "^\{\"ev\":\"exit\",.*$V1_ROOT$NO_V2$STAT_KEYS\}$"
# v1 in a container without its own cgroup namespace: the path names the host's, the mount is ours.
printf '12:pids:/docker/abc\n4:cpuacct,memory:/docker/abc\n0::/system.slice\n' >"$self"
run "fake v1, path not under the mount: root" 0 --stat && has "fake v1 fallback" "^\{\"ev\":\"stat\",$V1_ROOT"
# v1 on a host or VM: our own cgroup below the mount, found through the memory controller's line.
mkdir -p "$fake/memory/docker/abc"
printf '42\n' >"$fake/memory/docker/abc/memory.usage_in_bytes"
printf '1048576\n' >"$fake/memory/docker/abc/memory.limit_in_bytes"
run "fake v1, own cgroup" 0 --stat && has "fake v1 own cgroup" '^\{"ev":"stat","usage":42,"limit":1048576,"max_usage":-1,'
rm -rf "${fake:?}"/* "$self"

v2_files() {   # v2_files DIR USAGE : a v2 memory cgroup with the files every v2 kernel has
  mkdir -p "$1"
  printf '%s\n' "$2" >"$1/memory.current"
  printf 'max\n' >"$1/memory.max"
  printf 'low 0\nhigh 3\nmax 5\noom 1\noom_kill 1\noom_group_kill 0\n' >"$1/memory.events"
  printf 'anon 800\nfile 700\nkernel 9\nshmem 600\nfile_mapped 5\nfile_dirty 0\nanon_thp 0\n' >"$1/memory.stat"
}
v2_files "$fake" 2000
run "fake v2 no peak" 0 --stat && has "fake v2 counters" \
  '^\{"ev":"stat","usage":2000,"limit":-1,"max_usage":-1,"failcnt":5,"shmem":600,"anon":800,"file":100,"oom_kill":1,"under_oom":-1,"peak":-1,"high_limit":-1,"swap":-1,"ev_high":3,"ev_max":5,"ev_oom":1,"ev_oom_kill":1,"psi_some_avg10":-1,"psi_some_total":-1,"psi_full_avg10":-1,"psi_full_total":-1\}$'
printf '4096\n' >"$fake/memory.max"; printf '2500\n' >"$fake/memory.peak"
printf '3072\n' >"$fake/memory.high"; printf '123\n' >"$fake/memory.swap.current"
printf 'some avg10=12.34 avg60=1.00 avg300=0.00 total=98765\nfull avg10=0.50 avg60=0.00 avg300=0.00 total=4321\n' >"$fake/memory.pressure"
run "fake v2 start" 0 ram:0 && has "fake v2 start" '"cgroup":2,"page":[0-9]+,"t_us":[0-9]+,"usage":2000,"limit":4096,"max_usage":2500,'
has "fake v2 peak, high, swap, PSI" \
  '"peak":2500,"high_limit":3072,"swap":123,"ev_high":3,"ev_max":5,"ev_oom":1,"ev_oom_kill":1,"psi_some_avg10":1234,"psi_some_total":98765,"psi_full_avg10":50,"psi_full_total":4321\}$'
# v2 in a VM or on a host: /proc/self/cgroup's "0::" line names our cgroup below the mount.
v2_files "$fake/oomlab.slice/run-1" 777
printf '0::/oomlab.slice/run-1\n' >"$self"
run "fake v2, own cgroup" 0 --stat && has "fake v2 own cgroup" '^\{"ev":"stat","usage":777,"limit":-1,'
# --cg-set writes our own cgroup's file (the write root is the fake mount here) before any step.
printf 'max\n' >"$fake/oomlab.slice/run-1/memory.high"; printf '0\n' >"$fake/oomlab.slice/run-1/memory.oom.group"
printf '0\n' >"$fake/oomlab.slice/memory.min"
run "cg-set" 0 --cg-set memory.high=409600 --cg-set=memory.oom.group=1 --cg-set ../memory.min=8192 ram:0 &&
  has "cg-set parent line" '"file":"../memory.min","value":"8192","read":"8192","path":"/oomlab.slice/run-1/../memory.min"' &&
  has "cg-set line" '^\{"ev":"cgset","file":"memory.high","value":"409600","read":"409600","path":"/oomlab.slice/run-1/memory.high"\}$' &&
  has "cg-set second line" '^\{"ev":"cgset","file":"memory.oom.group","value":"1","read":"1",'
[ "$(cat "$fake/oomlab.slice/run-1/memory.high")" = 409600 ] && ok "cg-set wrote the file" || bad "cg-set did not write"
for a in memory.high memory.high= cpu.max=1 memory/../x=1 memory.high=1k ../../memory.min=1 ../cpu.max=1; do
  run "cg-set usage $a" 2 --cg-set "$a" ram:0 && last "cg-set usage $a line" '^\{"ev":"usage","error":"--cg-set'
done
# "0::/" (our own cgroup namespace, Docker's default on v2) and a path that is not there: the root.
printf '0::/\n' >"$self"
run "fake v2, namespace root" 0 --stat && has "fake v2 namespace root" '^\{"ev":"stat","usage":2000,'
run "cg-set at the mount root: refused" 4 --cg-set memory.high=1 ram:0 &&
  last "cg-set root fail line" '^\{"ev":"fail","step":-1,"kind":"cgroup","op":"cg-set: own cgroup not found",'
printf '0::/gone\n' >"$self"
run "fake v2, missing path: root" 0 --stat && has "fake v2 fallback" '^\{"ev":"stat","usage":2000,'
rm -rf "${fake:?}"/* "$self"
run "no cgroup" 0 ram:0 && has "no cgroup" \
  '"cgroup":0,.*"usage":-1,"limit":-1,"max_usage":-1,"failcnt":-1,"shmem":-1,"anon":-1,"file":-1,"oom_kill":-1,"under_oom":-1'"$NO_V2"

echo "probe-test: $fails failure(s)"
[ "$fails" = 0 ]
