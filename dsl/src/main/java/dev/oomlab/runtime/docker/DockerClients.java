package dev.oomlab.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.oomlab.runtime.RuntimeUnavailableException;
import java.time.Duration;

/** Connects to a Docker engine over zerodep (no Netty or Jersey to clash with a kernel's class path). */
public final class DockerClients {

    private DockerClients() {
    }

    /** The engine of DOCKER_HOST, DOCKER_CONTEXT or the current context, else the local socket. */
    public static DockerClient connect() {
        return connect(DockerEndpoint.fromEnvironment());
    }

    public static DockerClient connect(DockerEndpoint endpoint) {
        DockerClientConfig config;
        try {
            config = endpoint.resolved();
        } catch (RuntimeException e) {
            throw new RuntimeUnavailableException("Cannot use Docker engine " + endpoint + ": " + e.getMessage());
        }
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(10))
                .build();
        DockerClient client = DockerClientImpl.getInstance(config, http);
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            try {
                client.close();
            } catch (Exception ignored) {
                // nothing to release beyond the failed connection
            }
            throw new RuntimeUnavailableException("No Docker engine answers at " + config.getDockerHost()
                    + " (" + endpoint + "): " + rootCause(e) + ". Start one (bin/oomlab starts dockerd for you on"
                    + " Debian as root) or point DOCKER_HOST at one.");
        }
        return client;
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
