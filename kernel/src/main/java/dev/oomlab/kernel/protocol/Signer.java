package dev.oomlab.kernel.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC over the four JSON frames of a message, as the connection file's signature_scheme says.
 * An empty key means signing is off (Jupyter's convention).
 */
public final class Signer {

    private final SecretKeySpec key;
    private final String algorithm;
    // Mac is not thread-safe and costly to look up: one per thread (shell, control, iopub senders).
    private final ThreadLocal<Mac> macs;

    public Signer(String scheme, String key) {
        this.algorithm = javaAlgorithm(scheme);
        this.key = key.isEmpty() ? null : new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public boolean enabled() {
        return key != null;
    }

    /** Hex signature of the frames, or "" when signing is off. */
    public String sign(byte[]... frames) {
        if (key == null) {
            return "";
        }
        Mac mac = macs.get();
        for (byte[] frame : frames) {
            mac.update(frame);
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Constant-time check of a received signature. */
    public boolean verify(byte[] signature, byte[]... frames) {
        if (key == null) {
            return true;
        }
        byte[] expected = sign(frames).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign messages with " + algorithm, e);
        }
    }

    private static String javaAlgorithm(String scheme) {
        return switch (scheme) {
            case "hmac-sha256", "" -> "HmacSHA256";
            case "hmac-sha512" -> "HmacSHA512";
            case "hmac-sha384" -> "HmacSHA384";
            case "hmac-sha1" -> "HmacSHA1";
            case "hmac-md5" -> "HmacMD5";
            default -> throw new IllegalArgumentException("unsupported signature_scheme: " + scheme);
        };
    }
}
