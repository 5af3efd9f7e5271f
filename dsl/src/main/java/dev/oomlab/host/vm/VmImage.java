package dev.oomlab.host.vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A built VM image in the cache: kernel, initramfs, root file system and the manifest the build
 * wrote (kernel release, docker.io version, build seconds). Made by bin/lib/vm-image.sh.
 */
public record VmImage(Path dir, Map<String, String> manifest) {

    /** A cold build (debootstrap and mkfs) takes minutes on two cores; a hung one must still end. */
    static final Duration BUILD_DEADLINE = Duration.ofMinutes(40);

    public Path kernel() {
        return dir.resolve("vmlinuz");
    }

    public Path initrd() {
        return dir.resolve("initrd.img");
    }

    public Path rootfs() {
        return dir.resolve("rootfs.img");
    }

    /** The guest kernel's release, e.g. 6.1.0-50-amd64. */
    public String kernelRelease() {
        return manifest.getOrDefault("kernel", "");
    }

    /**
     * Finds the image the script's inputs name, building it first when it is missing (the
     * script prints its progress on our stderr). The script holds the lock and the atomic rename.
     */
    public static VmImage ensure(VmConfig config) {
        Path script = config.imageScript();
        if (!Files.isRegularFile(script)) {
            throw new VmException("imageScript: " + script + " does not exist (set OOMLAB_ROOT to the oomlab checkout)");
        }
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "ensure")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("OOMLAB_CACHE", config.cacheDir().toString());
        String out;
        int rc;
        Process p = null;
        try {
            p = pb.start();
            // wait first (interruptible); the script prints one line, which the pipe holds meanwhile
            if (!p.waitFor(BUILD_DEADLINE.toMinutes(), TimeUnit.MINUTES)) {
                throw new VmException("VM image build by " + script + " did not finish within " + BUILD_DEADLINE);
            }
            rc = p.exitValue();
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new VmException("cannot run " + script + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VmException("VM image build interrupted");
        } finally {
            if (p != null && p.isAlive()) {
                // debootstrap and dpkg first: bash runs its clean-up trap only once they are gone
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
            }
        }
        if (rc != 0 || out.isEmpty()) {
            throw new VmException("VM image build failed (" + script + " ensure exited " + rc + "; its messages are above)");
        }
        List<String> lines = out.lines().toList();
        return load(Path.of(lines.get(lines.size() - 1)));
    }

    static VmImage load(Path dir) {
        Map<String, String> manifest = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(dir.resolve("manifest.txt"))) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    manifest.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new VmException("VM image at " + dir + " has no readable manifest.txt: " + e.getMessage());
        }
        return new VmImage(dir, Map.copyOf(manifest));
    }
}
