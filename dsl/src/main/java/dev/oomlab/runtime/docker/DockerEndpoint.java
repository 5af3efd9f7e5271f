package dev.oomlab.runtime.docker;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a Docker engine answers: the environment's choice (DOCKER_HOST, DOCKER_CONTEXT, the
 * current context of ~/.docker/config.json, else the local socket), a unix socket, tcp, or tcp
 * with TLS. Immutable; checked where it is written, so a typo fails before anything connects.
 *
 * @param host    "unix:///var/run/docker.sock" or "tcp://10.0.0.5:2376"; null for the environment's choice
 * @param context a Docker context's name; null for none
 * @param certs   a folder with ca.pem, cert.pem and key.pem for TLS; null for no TLS
 */
public record DockerEndpoint(String host, String context, Path certs) {

    public DockerEndpoint {
        if (host != null) {
            URI uri;
            try {
                uri = URI.create(host);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("host: invalid Docker host \"" + host
                        + "\" (expected unix:///path/to/docker.sock or tcp://HOST:PORT)");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("unix") && !scheme.equals("tcp")) {
                throw new IllegalArgumentException("host: invalid Docker host \"" + host
                        + "\" (expected unix:///path/to/docker.sock or tcp://HOST:PORT)");
            }
            if (scheme.equals("tcp") && (uri.getHost() == null || uri.getPort() < 0)) {
                throw new IllegalArgumentException("host: \"" + host + "\" needs a host and a port (tcp://HOST:PORT)");
            }
        }
        if (context != null && context.isBlank()) {
            throw new IllegalArgumentException("context: a Docker context needs a name, got \"" + context + "\"");
        }
        if (certs != null) {
            for (String pem : new String[] {"ca.pem", "cert.pem", "key.pem"}) {
                if (!Files.isReadable(certs.resolve(pem))) {
                    throw new IllegalArgumentException("tls: \"" + certs + "\" has no readable " + pem
                            + " (expected ca.pem, cert.pem and key.pem, as docker --tlsverify uses)");
                }
            }
        }
    }

    /** DOCKER_HOST, DOCKER_CONTEXT or the current context, else the local socket: as the docker CLI does. */
    public static DockerEndpoint fromEnvironment() {
        return new DockerEndpoint(null, null, null);
    }

    public static DockerEndpoint at(String host) {
        return new DockerEndpoint(Objects.requireNonNull(host, "host"), null, null);
    }

    public static DockerEndpoint context(String name) {
        return new DockerEndpoint(null, Objects.requireNonNull(name, "context"), null);
    }

    /** The same engine over TLS, verified with the certificates in {@code folder}. */
    public DockerEndpoint tls(Path folder) {
        return new DockerEndpoint(host, context, Objects.requireNonNull(folder, "tls"));
    }

    /** True when the engine runs on this machine, so its host's /proc is ours to read. */
    public boolean isLocal() {
        String h = resolved().getDockerHost().toString();
        return h.startsWith("unix:") || h.startsWith("npipe:")
                || h.startsWith("tcp://127.") || h.startsWith("tcp://localhost");
    }

    DockerClientConfig resolved() {
        DefaultDockerClientConfig.Builder b = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (host != null) {
            b.withDockerHost(host);
        }
        if (context != null) {
            b.withDockerContext(context);
        }
        if (certs != null) {
            b.withDockerTlsVerify(true).withDockerCertPath(certs.toString());
        }
        return b.build();
    }

    @Override
    public String toString() {
        String where = host != null ? host : context != null ? "context " + context : "the environment's engine";
        return certs != null ? where + " (TLS)" : where;
    }
}
