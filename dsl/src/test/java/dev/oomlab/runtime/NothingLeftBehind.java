package dev.oomlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.Oomlab;
import dev.oomlab.runtime.docker.DockerRuntime;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After a test class's runs on the real engine, {@code @ExtendWith(NothingLeftBehind.class)}:
 * their containers, removed in the background, are gone. Only this run's label counts, since
 * others run containers on the same engine.
 */
public final class NothingLeftBehind implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        DockerRuntime docker = (DockerRuntime) Oomlab.runtime();
        assertThat(docker.awaitRemovals(Duration.ofSeconds(10))).as("removals finished").isTrue();
        assertThat(docker.leftovers()).as("containers of this run left behind").isEmpty();
    }
}
