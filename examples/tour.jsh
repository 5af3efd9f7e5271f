// A short tour: the card's example, then a few cases of the seed study with their outcomes.
// Run with: bin/oomlab jshell examples/tour.jsh

// shm and app memory share the memory cgroup: 800 MiB of shm + 1300 MiB of RAM > 2 GiB.
scenario().memory("2g").shm("1g").allocShm(800).allocRam(1300).expect(OOM);
System.out.println("2g limit, shm 800 + ram 1300 -> OOM, as the seed says");

// Freed shm (munmap + unlink) returns to the pool.
var freed = scenario().memory("1g").shm("1g").allocShm(700).freeShm().allocRam(900).run();
System.out.println(freed);

// Writing past shm-size ends in SIGBUS (exit 135), not an OOM kill.
var bus = scenario().memory("1g").shm("256m").allocShm(300).run();
System.out.println("shm-size 256m, shm 300 -> " + bus.headline());

// Docker's default /dev/shm is 64 MiB.
System.out.println("no shm-size, shm 100 -> " + scenario().memory("1g").allocShm(100).run().headline());

// Page cache is reclaimed inside the cgroup: writing far past the limit does not OOM.
System.out.println("512m limit, write a 1500 MiB file -> " + scenario().memory("512m").writeFile(1500).run().headline());
