# The recipe of the oomlab VM image, sourced by vm-image.sh: the Debian suite, the packages, the
# build steps and the guest's init. Its text is the image's cache key (with the package list and
# the suite), so a change here, and only here, makes a new image.
# shellcheck shell=bash

VM_SUITE=bookworm
VM_MIRROR=http://deb.debian.org/debian
VM_PACKAGES=(linux-image-amd64 docker.io iproute2 kmod util-linux procps)
# Room in the root file system for images, container layers and the probe's scratch volumes: the page-cache cases
# write files of up to 2000 MiB, several at once, and a global-pressure case 30 % of the VM's memory (ext4 image is
# sparse on the host, and a run writes into a throwaway overlay).
VM_ROOT_SPARE_MIB=8192

# The guest's PID 1 (init=/sbin/oomlab-init) until tini takes over: mounts, cgroup v2 with the
# memory controller delegated, optional swap on the second disk, loopback + slirp networking, then dockerd on 10.0.2.15:2375,
# which QEMU forwards to 127.0.0.1 on the host only. When dockerd dies tini exits, the kernel
# panics and QEMU (-no-reboot) ends, so a dead engine is a dead VM.
vm_write_init() {
  cat >"$1" <<'INIT'
#!/bin/sh
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
say() { echo "oomlab-init: $* t=$(cut -d' ' -f1 /proc/uptime)"; }
# initramfs-tools moved /proc, /sys and /dev over already; mount them only when it did not.
mountpoint -q /proc || mount -t proc proc /proc
mountpoint -q /sys || mount -t sysfs sys /sys
mountpoint -q /dev || mount -t devtmpfs dev /dev
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs -o mode=1777 shm /dev/shm
mount -t tmpfs -o mode=755 run /run
mount -t tmpfs -o mode=1777 tmp /tmp
mount -t cgroup2 -o nsdelegate,memory_recursiveprot cgroup2 /sys/fs/cgroup
echo "+memory +pids +cpu +io" >/sys/fs/cgroup/cgroup.subtree_control
# dockerd judges v2 features by its own cgroup's files (memory.swap.max), which the root lacks:
# without this it reports "no swap limit support" and drops --memory-swap.
mkdir -p /sys/fs/cgroup/oomlab-init && echo $$ >/sys/fs/cgroup/oomlab-init/cgroup.procs
say "init"
for m in virtio_net virtio_rng overlay; do modprobe -q "$m" || say "modprobe $m failed"; done
if grep -qw oomlab.swap=1 /proc/cmdline && [ -b /dev/vdb ]; then
  mkswap -q /dev/vdb >/dev/null && swapon /dev/vdb && say "swap on: $(grep SwapTotal /proc/meminfo)"
fi
ip link set lo up
ip link set eth0 up && ip addr add 10.0.2.15/24 dev eth0 && ip route add default via 10.0.2.2
say "network up"
say "starting dockerd"
exec tini -s -- dockerd --host=unix:///run/docker.sock --host=tcp://10.0.2.15:2375 --tls=false \
  --iptables=false --ip6tables=false --bridge=none --storage-driver=overlay2 \
  --exec-opt native.cgroupdriver=cgroupfs --log-level=warn
INIT
  chmod 755 "$1"
}

# Builds into $1 (a fresh temp dir). Debootstrap runs the kernel's postinst inside the chroot, so
# the initramfs is Debian's own initramfs-tools output; it is then remade with just the modules a
# virtio disk needs, which keeps it small and fast to unpack under TCG.
vm_build_into() {
  local out=$1 root=$1/root start=$SECONDS
  [ "$(id -u)" = 0 ] || { vm_say "building the VM image needs root (debootstrap, chroot)"; return 1; }
  vm_say "debootstrap $VM_SUITE with ${VM_PACKAGES[*]} (log: $out/debootstrap.log)"
  local pkgs
  pkgs=$(IFS=,; echo "${VM_PACKAGES[*]}")
  if ! debootstrap --variant=minbase --include="$pkgs" "$VM_SUITE" "$root" "$VM_MIRROR" >"$out/debootstrap.log" 2>&1; then
    vm_say "debootstrap failed; last lines of $out/debootstrap.log:"
    tail -n 20 "$out/debootstrap.log" >&2
    return 1
  fi
  printf 'MODULES=list\nCOMPRESS=zstd\n' >"$root/etc/initramfs-tools/conf.d/oomlab.conf"
  printf '%s\n' virtio_pci virtio_blk ext4 >"$root/etc/initramfs-tools/modules"
  local kver
  kver=$(basename "$(ls -d "$root"/lib/modules/*/ | head -n1)")
  chroot "$root" update-initramfs -u -k "$kver" >"$out/initramfs.log" 2>&1
  cp "$root/boot/vmlinuz-$kver" "$out/vmlinuz"
  cp "$root/boot/initrd.img-$kver" "$out/initrd.img"
  vm_write_init "$root/sbin/oomlab-init"
  # What the guest never needs: package caches, docs, and drivers for hardware QEMU does not show.
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc \
    "$root"/usr/share/man "$root"/usr/share/locale "$root"/boot/*
  local kd="$root/lib/modules/$kver/kernel"
  rm -rf "$kd/drivers/gpu" "$kd/drivers/media" "$kd/drivers/infiniband" "$kd/drivers/net/wireless" \
    "$kd/drivers/net/ethernet" "$kd/sound" "$kd/drivers/staging" "$kd/drivers/scsi" "$kd/drivers/usb"
  local docker_version
  docker_version=$(chroot "$root" dpkg-query -W -f='${Version}' docker.io)
  local used_mib
  used_mib=$(du -sm "$root" | cut -f1)
  truncate -s "$((used_mib + VM_ROOT_SPARE_MIB))M" "$out/rootfs.img"
  mkfs.ext4 -q -F -L oomlab-root -d "$root" "$out/rootfs.img"
  vm_rm_build "$root"
  {
    echo "key=$(vm_key)"
    echo "suite=$VM_SUITE"
    echo "packages=${VM_PACKAGES[*]}"
    echo "kernel=$kver"
    echo "docker.io=$docker_version"
    echo "root_used_mib=$used_mib"
    echo "build_seconds=$((SECONDS - start))"
    echo "built=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  } >"$out/manifest.txt"
  vm_say "built in $((SECONDS - start)) s: kernel $kver, docker.io $docker_version"
}

