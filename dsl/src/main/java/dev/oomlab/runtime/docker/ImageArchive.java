package dev.oomlab.runtime.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.probe.ProbeBinary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A one-layer image in the archive format of {@code docker save}/{@code docker load}: the layer,
 * its config and a manifest that tags it. Same layer, same image id, on every machine.
 */
final class ImageArchive {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fixed timestamps, so the same binary gives the same layer and image id everywhere. */
    static final java.util.Date EPOCH = new java.util.Date(0);

    private ImageArchive() {
    }

    static byte[] of(byte[] layer, String reference, Map<String, String> labels) {
        String diffId = "sha256:" + ProbeBinary.sha256(layer);
        ObjectNode config = JSON.createObjectNode();
        config.put("architecture", "amd64");
        config.put("os", "linux");
        ObjectNode containerConfig = config.putObject("config");
        labels.forEach(containerConfig.putObject("Labels")::put);
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        rootfs.putArray("diff_ids").add(diffId);
        byte[] configBytes = config.toString().getBytes(StandardCharsets.UTF_8);
        String configName = ProbeBinary.sha256(configBytes) + ".json";
        String layerName = ProbeBinary.sha256(layer) + "/layer.tar";

        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("Config", configName);
        manifest.putArray("RepoTags").add(reference);
        manifest.putArray("Layers").add(layerName);
        byte[] manifestBytes = ("[" + manifest + "]").getBytes(StandardCharsets.UTF_8);

        ByteArrayOutputStream out = new ByteArrayOutputStream(layer.length + 8192);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            file(tar, configName, configBytes);
            file(tar, layerName, layer);
            file(tar, "manifest.json", manifestBytes);
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the probe image archive", e);
        }
        return out.toByteArray();
    }

    private static void file(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setMode(0100644);
        entry.setModTime(EPOCH);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
