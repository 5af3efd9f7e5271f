package dev.oomlab.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.oomlab.runtime.RuntimeUnavailableException;
import java.time.Duration;

/** Connects to the Docker engine named by DOCKER_HOST (or the local socket) over zerodep. */
public final class DockerClients {

    private DockerClients() {
    }

    public static DockerClient connect() {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
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
                    + ": start one (bin/oomlab starts dockerd for you on Debian as root) or point DOCKER_HOST at one.");
        }
        return client;
    }
}
