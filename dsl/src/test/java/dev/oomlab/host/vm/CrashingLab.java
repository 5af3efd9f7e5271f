package dev.oomlab.host.vm;

/** A lab that starts a VM and is then killed by the test (VmHostCleanupIT): main(name). */
final class CrashingLab {

    private CrashingLab() {
    }

    public static void main(String[] args) {
        QemuVm.start(VmConfig.builder().name(args[0]).memory("1g").cpus(1).build());
        System.out.println("booted");
    }
}
