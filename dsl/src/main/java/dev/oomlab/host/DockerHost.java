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
    private final long labVmSwapBytes;
    private DockerRuntime runtime;

    DockerHost(String name, DockerEndpoint endpoint) {
        this(name, endpoint, -1);
    }

    private DockerHost(String name, DockerEndpoint endpoint, long labVmSwapBytes) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: a host needs a name, got \"" + name + "\"");
        }
        this.name = name;
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.labVmSwapBytes = labVmSwapBytes;
    }

    /** The same engine over TLS, verified with ca.pem, cert.pem and key.pem in {@code certs}. */
    public DockerHost tls(Path certs) {
        return new DockerHost(name, endpoint.tls(certs), labVmSwapBytes);
    }

    /** The same engine under another name in results ("prod", "laptop"). */
    public DockerHost named(String newName) {
        return new DockerHost(newName, endpoint, labVmSwapBytes);
    }

    /**
     * The same engine on a VM the lab booted: its swap is known to the lab (the engine's info leaves
     * it out), and the VM is the lab's own, so it may be pushed out of memory as a whole.
     */
    DockerHost labVm(long bytes) {
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
            if (labVmSwapBytes >= 0) {
                runtime.onLabVm(labVmSwapBytes);
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
