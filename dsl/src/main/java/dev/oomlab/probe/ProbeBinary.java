package dev.oomlab.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The static probe binary, compiled by the Maven build and shipped inside the jar. */
public final class ProbeBinary {

    public static final String RESOURCE = "/dev/oomlab/probe/oomlab-probe";
    private static volatile ProbeBinary instance;

    private final byte[] bytes;
    private final String sha256;

    private ProbeBinary(byte[] bytes) {
        this.bytes = bytes;
        this.sha256 = sha256(bytes);
    }

    public static ProbeBinary load() {
        ProbeBinary probe = instance;
        if (probe == null) {
            try (InputStream in = ProbeBinary.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the probe binary " + RESOURCE
                            + " is not on the class path: build the project with Maven (it compiles dsl/src/main/c/probe.c)");
                }
                byte[] read = in.readAllBytes();
                if (read.length == 0) {
                    throw new IllegalStateException("the probe binary " + RESOURCE + " is empty: rebuild the project");
                }
                probe = new ProbeBinary(read);
                instance = probe;
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the probe binary", e);
            }
        }
        return probe;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public String sha256() {
        return sha256;
    }

    /** Lowercase hex SHA-256: the probe's tag, and the digests of the image made from it. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
