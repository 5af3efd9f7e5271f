package dev.oomlab.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** This machine's reclaim counters from /proc/vmstat (pgscan*, pgsteal*, allocstall*, pageoutrun); empty when unreadable. */
public final class HostVmstat {

    private HostVmstat() {
    }

    public static Map<String, Long> read() {
        Map<String, Long> counters = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/vmstat"))) {
                String[] kv = line.split(" ");
                if (kv.length == 2 && (kv[0].startsWith("pgscan") || kv[0].startsWith("pgsteal")
                        || kv[0].startsWith("allocstall") || kv[0].equals("pageoutrun") || kv[0].equals("pgpgout"))) {
                    counters.put(kv[0], Long.parseLong(kv[1]));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return counters;
    }
}
