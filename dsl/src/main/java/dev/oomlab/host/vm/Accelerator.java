package dev.oomlab.host.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** How qemu runs the guest: KVM where the host can really do it, software emulation (TCG) otherwise. */
public enum Accelerator {
    KVM, TCG;

    private static final Pattern VIRT_FLAG = Pattern.compile("^flags\\s*:.*\\b(vmx|svm)\\b.*", Pattern.MULTILINE);

    /**
     * KVM needs a usable /dev/kvm and a CPU that shows vmx or svm: a sandbox may offer the device
     * without the CPU support, and qemu then hangs in KVM rather than failing (seen here).
     */
    public static Accelerator detect() {
        Path dev = Path.of("/dev/kvm");
        if (!Files.isReadable(dev) || !Files.isWritable(dev)) {
            return TCG;
        }
        try {
            return VIRT_FLAG.matcher(Files.readString(Path.of("/proc/cpuinfo"))).find() ? KVM : TCG;
        } catch (IOException e) {
            return TCG;
        }
    }

    List<String> qemuArgs() {
        // multi-threaded TCG: one host thread per virtual CPU
        return this == KVM ? List.of("-accel", "kvm", "-cpu", "host") : List.of("-accel", "tcg,thread=multi");
    }
}
