package dev.oomlab.cli;

import dev.oomlab.host.Hosts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One name of {@code verify --hosts}: "local", "vm", or a Docker address. Parsed and checked
 * before anything connects or boots.
 */
record HostChoice(Kind kind, String name) {

    enum Kind { LOCAL, VM, DOCKER }

    /** The choices in order; empty when only this machine's engine is asked for (verify as before). */
    static List<HostChoice> parseAll(List<String> names) {
        List<HostChoice> choices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : names) {
            HostChoice c = parse(raw);
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("hosts: \"" + raw + "\" is named twice");
            }
            choices.add(c);
        }
        if (choices.size() == 1 && choices.get(0).kind() == Kind.LOCAL) {
            return List.of();
        }
        return List.copyOf(choices);
    }

    static HostChoice parse(String raw) {
        String name = raw == null ? "" : raw.trim();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("local")) {
            return new HostChoice(Kind.LOCAL, "local");
        }
        if (lower.equals(HostCommand.VM)) {
            return new HostChoice(Kind.VM, HostCommand.VM);
        }
        if (name.contains("://")) {
            Hosts.docker(name); // checks the address's form
            return new HostChoice(Kind.DOCKER, name);
        }
        throw new IllegalArgumentException("hosts: unknown host \"" + raw
                + "\" (expected local, vm, or a Docker address such as tcp://HOST:PORT or unix:///path)");
    }
}
