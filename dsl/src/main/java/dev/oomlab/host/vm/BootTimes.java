package dev.oomlab.host.vm;

import java.time.Duration;

/**
 * One boot's times as this host saw them (the console log is polled, so each is good to about
 * a quarter second).
 *
 * @param toInit       qemu started to the guest's init running (BIOS, kernel, initramfs)
 * @param dockerdStart dockerd started to its API answering _ping through the forwarded port
 * @param total        qemu started to the API answering
 */
public record BootTimes(Duration toInit, Duration dockerdStart, Duration total) {

    @Override
    public String toString() {
        return String.format("boot %.1f s (to init %.1f s, dockerd %.1f s)",
                total.toMillis() / 1000.0, toInit.toMillis() / 1000.0, dockerdStart.toMillis() / 1000.0);
    }
}
