package dev.oomlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The DSL's start-up imports, shared by jshell, scripts and the kernel (dev/oomlab/startup.jsh). */
public final class StartupScript {

    public static final String RESOURCE = "/dev/oomlab/startup.jsh";

    private StartupScript() {
    }

    public static String text() {
        try (InputStream in = StartupScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One import per line, blank lines dropped. */
    public static List<String> lines() {
        return Arrays.stream(text().split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
