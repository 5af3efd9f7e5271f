package dev.oomlab.host;

import dev.oomlab.runtime.docker.DockerEndpoint;

/**
 * The hosts a lab can ask: {@code Hosts.local()} (this machine's engine),
 * {@code Hosts.docker("tcp://10.0.0.5:2376").tls(certs)} (any engine), {@code Hosts.context("name")}.
 */
public final class Hosts {

    private static DockerHost local;

    private Hosts() {
    }

    /** The engine of this machine: DOCKER_HOST, DOCKER_CONTEXT or the current context, else the local socket. */
    public static synchronized DockerHost local() {
        if (local == null) {
            local = new DockerHost("local", DockerEndpoint.fromEnvironment());
        }
        return local;
    }

    /** Any engine by address: unix:///path/to/docker.sock, tcp://HOST:PORT (add {@code .tls(certs)}). */
    public static DockerHost docker(String address) {
        return new DockerHost(address, DockerEndpoint.at(address));
    }

    /** The engine of a Docker context, as {@code docker --context NAME} would use. */
    public static DockerHost context(String name) {
        return new DockerHost(name, DockerEndpoint.context(name));
    }

    /**
     * A cgroup v2 Linux the lab boots under qemu: {@code Hosts.vm().memory("6g").swap("1g").start()}.
     * Defaults: name "vm", memory 2g, no swap, 2 CPUs.
     */
    public static VmHost.Builder vm() {
        return new VmHost.Builder();
    }

    /** Closes this machine's engine connection, if one was made: waits for pending removals. */
    public static synchronized void closeLocal() {
        if (local != null) {
            local.close();
        }
    }
}
