package dev.oomlab.host.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.command.WaitContainerResultCallback;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.oomlab.probe.ProbeBinary;
import dev.oomlab.runtime.docker.ProbeImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * One probe container on a given engine, run to its end: exit code, Docker's OOMKilled and
 * HostConfig as inspected, the probe's JSON lines. The tests' direct line to an engine, below
 * the DSL (which another change wires to hosts).
 */
record ProbeRun(long exitCode, boolean oomKilled, InspectContainerResponse inspect, List<JsonNode> lines,
        Duration wall) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static DockerClient connect(URI dockerHost) {
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost.toString()).build();
        var http = new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost())
                .connectionTimeout(Duration.ofSeconds(5)).responseTimeout(Duration.ofMinutes(5)).build();
        return DockerClientImpl.getInstance(config, http);
    }

    static String loadProbe(DockerClient docker) {
        return new ProbeImage(ProbeBinary.load()).ensure(docker);
    }

    static ProbeRun run(DockerClient docker, String image, UnaryOperator<HostConfig> limits, String... args)
            throws InterruptedException {
        long t0 = System.nanoTime();
        HostConfig hc = limits.apply(HostConfig.newHostConfig().withNetworkMode("none"));
        List<String> cmd = new ArrayList<>(List.of("/probe"));
        cmd.addAll(List.of(args));
        String id = docker.createContainerCmd(image).withCmd(cmd).withHostConfig(hc)
                .withLabels(java.util.Map.of("oomlab.test", "VmHostIT")).exec().getId();
        try {
            docker.startContainerCmd(id).exec();
            docker.waitContainerCmd(id).exec(new WaitContainerResultCallback()).awaitStatusCode(5, TimeUnit.MINUTES);
            InspectContainerResponse inspect = docker.inspectContainerCmd(id).exec();
            List<JsonNode> lines = new ArrayList<>();
            StringBuilder out = new StringBuilder();
            docker.logContainerCmd(id).withStdOut(true).withStdErr(false).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
            }).awaitCompletion(1, TimeUnit.MINUTES);
            for (String l : out.toString().split("\n")) {
                if (l.startsWith("{")) {
                    try {
                        lines.add(JSON.readTree(l));
                    } catch (Exception notJson) {
                        // a line cut by a kill: ignored
                    }
                }
            }
            return new ProbeRun(inspect.getState().getExitCodeLong(), Boolean.TRUE.equals(inspect.getState().getOOMKilled()),
                    inspect, List.copyOf(lines), Duration.ofNanos(System.nanoTime() - t0));
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }

    /** Every line of this event ("proc", "sample", ...). */
    List<JsonNode> events(String ev) {
        return lines.stream().filter(l -> ev.equals(l.path("ev").asText())).toList();
    }

    JsonNode last() {
        return lines.get(lines.size() - 1);
    }

    /** The probe's t_us of the first line of this event and step. */
    JsonNode event(String ev, int step) {
        return lines.stream().filter(l -> ev.equals(l.path("ev").asText()) && l.path("step").asInt(-1) == step)
                .findFirst().orElseThrow(() -> new AssertionError("no " + ev + " line for step " + step + " in " + lines));
    }
}
