package dev.oomlab.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import dev.oomlab.probe.ProbeBinary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The probe's image: nothing but the static binary and a scratch directory, one layer, loaded
 * from an image archive made in memory and tagged by the binary's hash, so it is made once per
 * binary and never pulled. (Docker-java's import sends the stream as JSON, so load it is.)
 */
public final class ProbeImage {

    public static final String REPOSITORY = "oomlab-probe";
    /** The non-root user the probe runs as; owns /scratch so anonymous volumes copy that owner. */
    public static final int USER = 65534;

    private final ProbeBinary binary;
    /** Checked once per runtime; an image removed behind our back shows as a create error. */
    private boolean present;

    public ProbeImage(ProbeBinary binary) {
        this.binary = binary;
    }

    public String tag() {
        return binary.sha256().substring(0, 16);
    }

    public String reference() {
        return REPOSITORY + ":" + tag();
    }

    /** Makes sure the image exists on the engine; imports it when missing. */
    public synchronized String ensure(DockerClient docker) {
        if (present) {
            return reference();
        }
        try {
            docker.inspectImageCmd(reference()).exec();
        } catch (NotFoundException missing) {
            docker.loadImageCmd(new ByteArrayInputStream(ImageArchive.of(rootfs(), reference(), labels()))).exec();
            removeOlderProbes(docker);
        }
        present = true;
        return reference();
    }

    /** Images of earlier probe binaries are leftovers once a new one is loaded; in-use ones stay. */
    private void removeOlderProbes(DockerClient docker) {
        for (Image old : docker.listImagesCmd().withImageNameFilter(REPOSITORY).exec()) {
            boolean current = old.getRepoTags() != null && Arrays.asList(old.getRepoTags()).contains(reference());
            if (!current) {
                try {
                    docker.removeImageCmd(old.getId()).withForce(false).exec();
                } catch (RuntimeException inUse) {
                    // a container of another process still runs it: the next load removes it
                }
            }
        }
    }

    private Map<String, String> labels() {
        return Map.of("oomlab.probe.sha256", binary.sha256());
    }

    /** The root file system: /probe (root-owned, executable) and /scratch (the probe user's). */
    byte[] rootfs() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(binary.size() + 4096);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            TarArchiveEntry scratch = new TarArchiveEntry("scratch/");
            scratch.setMode(040777);
            scratch.setIds(USER, USER);
            scratch.setModTime(ImageArchive.EPOCH);
            tar.putArchiveEntry(scratch);
            tar.closeArchiveEntry();
            TarArchiveEntry probe = new TarArchiveEntry("probe");
            probe.setMode(0100755);
            probe.setSize(binary.size());
            probe.setIds(0, 0);
            probe.setModTime(ImageArchive.EPOCH);
            tar.putArchiveEntry(probe);
            tar.write(binary.bytes());
            tar.closeArchiveEntry();
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("could not build the probe image's tar stream", e);
        }
        return out.toByteArray();
    }
}
