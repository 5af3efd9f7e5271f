#!/usr/bin/env bash
# Compiles the oomlab probe into a static, stripped binary.
#   build.sh OUTPUT        e.g. build.sh dsl/target/classes/dev/oomlab/probe/oomlab-probe
# Called by Maven (exec-maven-plugin, generate-resources). Same source and same toolchain give
# the same bytes: image tags are derived from the binary's sha256.
set -euo pipefail

die() { echo "build.sh: error: $*" >&2; exit 1; }

[ $# -eq 1 ] && [ -n "$1" ] || die "usage: build.sh OUTPUT_PATH"
out=$1
src="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/probe.c"
[ -f "$src" ] || die "probe source not found: $src"

CC=${CC:-gcc}
command -v "$CC" >/dev/null 2>&1 ||
  die "C compiler '$CC' not found. The probe is a static C binary; install gcc and static libc (Debian/Ubuntu: apt-get install gcc libc6-dev)."
# gcc prints the bare name back when it cannot find the file.
libc_a=$("$CC" -print-file-name=libc.a 2>/dev/null) || libc_a=libc.a
[ "$libc_a" != "libc.a" ] && [ -f "$libc_a" ] ||
  die "static libc (libc.a) not found for '$CC'; install it (Debian/Ubuntu: apt-get install libc6-dev)."

mkdir -p "$(dirname "$out")" || die "cannot create directory $(dirname "$out")"
tmp=$(mktemp "$(dirname "$out")/.oomlab-probe.XXXXXX")
trap 'rm -f "$tmp"' EXIT

# -s: no symbols; -ffile-prefix-map and a fixed -frandom-seed keep the checkout path and
# per-run randomness out of the output; the build-id note is a hash of the content.
if ! LC_ALL=C "$CC" -static -O2 -s -std=gnu11 -Wall -Wextra \
      -ffile-prefix-map="$(dirname "$src")"=. -frandom-seed=oomlab-probe \
      -o "$tmp" "$src"; then
  die "compiling $src with '$CC -static' failed (see the messages above)"
fi
chmod 0755 "$tmp"
mv -f "$tmp" "$out"          # atomic: a reader never sees half a binary
trap - EXIT
echo "build.sh: built $out ($(wc -c <"$out") bytes, sha256 $(sha256sum "$out" | cut -c1-16)...)"
