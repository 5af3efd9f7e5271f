package dev.oomlab.host;

import dev.oomlab.runtime.ContainerRuntime;
import dev.oomlab.runtime.docker.DockerEndpoint;
import dev.oomlab.runtime.docker.DockerRuntime;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Any Docker engine: a unix socket, tcp, tcp with TLS, or a Docker context. Its settings are
 * immutable and checked when written ({@code Hosts.docker("tcp://10.0.0.5:2376").tls(certs)});
 * the connection is made on first use, once, and shared by every run on it.
 */
public final class DockerHost implements Host {

    private final String name;
    private final DockerEndpoint endpoint;
    private final long knownSwapBytes;
    private DockerRuntime runtime;

    DockerHost(String name, DockerEndpoint endpoint) {
        this(name, endpoint, -1);
    }

    private DockerHost(String name, DockerEndpoint endpoint, long knownSwapBytes) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: a host needs a name, got \"" + name + "\"");
        }
        this.name = name;
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.knownSwapBytes = knownSwapBytes;
    }

    /** The same engine over TLS, verified with ca.pem, cert.pem and key.pem in {@code certs}. */
    public DockerHost tls(Path certs) {
        return new DockerHost(name, endpoint.tls(certs), knownSwapBytes);
    }

    /** The same engine under another name in results ("prod", "laptop"). */
    public DockerHost named(String newName) {
        return new DockerHost(newName, endpoint, knownSwapBytes);
    }

    /** The same engine, its host's swap known to the lab (a VM it booted): what the engine's info leaves out. */
    DockerHost knownSwap(long bytes) {
        return new DockerHost(name, endpoint, bytes);
    }

    public DockerEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized ContainerRuntime runtime() {
        if (runtime == null) {
            runtime = DockerRuntime.connect(endpoint, name);
            if (knownSwapBytes >= 0) {
                runtime.knownSwap(knownSwapBytes);
            }
        }
        return runtime;
    }

    @Override
    public synchronized void close() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }

    @Override
    public String toString() {
        return name + " (Docker at " + endpoint + ")";
    }
}
