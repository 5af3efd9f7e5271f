#!/usr/bin/env bash
# The oomlab VM image: a Debian kernel, its initramfs and an ext4 root file system with docker.io,
# made from Debian's packages only (debootstrap from deb.debian.org), booted by dev.oomlab.host.vm.
#
#   vm-image.sh ensure   installs qemu/debootstrap when missing, builds when missing, prints the image dir
#   vm-image.sh path     prints the image dir the inputs name (built or not); exit 1 when not built
#   vm-image.sh key      prints the inputs' sha256 (recipe.sh's text, the package list, the suite)
#   vm-image.sh gc       removes cache entries other than the current one
#
# Cache: ${OOMLAB_CACHE:-/var/cache/oomlab}/vm/<key>/ holding vmlinuz, initrd.img, rootfs.img and
# manifest.txt. Outside the clone, so a fresh clone reuses it; any change of vm-image/recipe.sh (the
# build steps and the guest's init), the package list or the suite gives a new key and so a new
# image, and the old one is removed. A build runs in
# a temp dir beside the entry and is renamed into place only when complete, under a lock, so two
# callers build once and a killed build leaves no half image behind.
set -euo pipefail

# shellcheck source=vm-image/recipe.sh
source "$(dirname "${BASH_SOURCE[0]}")/vm-image/recipe.sh"

vm_cache_root() { echo "${OOMLAB_CACHE:-/var/cache/oomlab}/vm"; }

vm_say() { echo "oomlab vm-image: $*" >&2; }

vm_key() {
  { cat "$(dirname "${BASH_SOURCE[0]}")/vm-image/recipe.sh"; printf '%s\n' "${VM_PACKAGES[@]}"; echo "$VM_SUITE"; } |
    sha256sum | cut -c1-64
}

vm_dir() { echo "$(vm_cache_root)/$(vm_key)"; }

vm_is_built() { [ -f "$1/manifest.txt" ] && [ -f "$1/vmlinuz" ] && [ -f "$1/initrd.img" ] && [ -f "$1/rootfs.img" ]; }

vm_ensure_tools() {
  local missing=()
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v mkfs.ext4 >/dev/null || missing+=(e2fsprogs)
  command -v qemu-system-x86_64 >/dev/null || missing+=(qemu-system-x86)
  command -v zstd >/dev/null || missing+=(zstd)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ] || [ ! -f /etc/debian_version ]; then
    vm_say "missing tools: ${missing[*]} (install as root: apt-get install ${missing[*]})"
    return 1
  fi
  vm_say "installing ${missing[*]} from Debian"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# A killed debootstrap can leave proc/sys mounted in its chroot: unmount, then never cross into them.
vm_rm_build() {
  local d=$1 m
  for m in $(awk -v d="$d/" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r); do umount -l "$m" || true; done
  rm -rf --one-file-system "$d"
}

vm_gc() {
  local keep
  keep=$(vm_key)
  local d
  for d in "$(vm_cache_root)"/*/; do
    [ -d "$d" ] || continue
    [ "$(basename "$d")" = "$keep" ] && continue
    vm_say "removing old image $d"
    rm -rf "$d"
  done
}

vm_ensure() {
  local dir tmp d
  dir=$(vm_dir)
  vm_ensure_tools
  if vm_is_built "$dir"; then echo "$dir"; return 0; fi
  mkdir -p "$(vm_cache_root)"
  exec 8>"$(vm_cache_root)/.lock"
  flock 8
  if ! vm_is_built "$dir"; then
    # Leftovers of a killed build (the lock proves nobody is building now).
    for d in "$(vm_cache_root)"/.build.*; do [ -e "$d" ] && vm_rm_build "$d"; done
    tmp=$(mktemp -d "$(vm_cache_root)/.build.XXXXXX")
    trap 'vm_rm_build "$tmp"' EXIT
    trap 'exit 130' INT TERM
    vm_build_into "$tmp"
    mv -T "$tmp" "$dir"
    trap - EXIT
    vm_gc
  fi
  flock -u 8
  echo "$dir"
}

case "${1:-}" in
  ensure) vm_ensure ;;
  path) d=$(vm_dir); echo "$d"; vm_is_built "$d" ;;
  key) vm_key ;;
  gc) exec 8>"$(vm_cache_root)/.lock"; flock 8; vm_gc ;;
  *) echo "usage: vm-image.sh ensure|path|key|gc" >&2; exit 2 ;;
esac
