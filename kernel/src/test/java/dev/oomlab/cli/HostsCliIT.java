package dev.oomlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oomlab.host.VmHost;
import dev.oomlab.host.vm.VmConfig;
import dev.oomlab.host.vm.VmRegistry;
import dev.oomlab.host.vm.VmState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's hosts, on one VM boot: {@code host start vm} leaves a VM that outlives the command,
 * {@code host list} shows it, {@code verify H4 E17 --hosts local,vm} reuses it and writes one column per
 * host, the notebooks of the VM host's hypotheses execute headless on it, and {@code host stop vm}
 * ends it and leaves nothing. H4's outcomes were measured first on both (local v1, VM v2): OK then
 * OOM on each, so no case differs; E17 cannot run on cgroup v1 and is supported on the VM.
 */
class HostsCliIT {

    private static final VmRegistry REGISTRY = new VmRegistry(VmConfig.builder().build().stateDir());

    @Test
    void startListVerifyOnBothHostsAndStop(@TempDir Path out) throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!ci) {
            // a developer's own running "vm" is theirs: not started over or stopped by a test
            Assumptions.assumeTrue(REGISTRY.find(HostCommand.VM).isEmpty(), "a VM named vm already runs");
            Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64")), "needs qemu");
        }
        // 4g: H4 asks for a 2g container and the VM's engine keeps 1g back; swap for E6, E10, E18, E26
        assertThat(OomlabCli.commandLine().execute("host", "start", "vm", "--memory", "4g", "--swap", "1g")).isZero();
        VmState state = REGISTRY.find(HostCommand.VM).orElseThrow();
        try {
            assertThat(state.detached()).isTrue();
            assertThat(state.qemuAlive()).isTrue();
            assertThat(state.orphaned()).as("a detached VM is not a leftover").isFalse();
            assertThat(captured("host", "list")).contains("vm", state.dockerHost().toString(), "host stop vm");
            assertThat(VmHost.attach("vm")).isPresent();

            new picocli.CommandLine(new VerifyCommand()).execute("H4", "E17", "--hosts", "local,vm", "--out",
                    out.toString());

            JsonNode hosts = new ObjectMapper().readTree(out.resolve("results.json").toFile()).path("hosts");
            assertThat(hosts.path("names")).extracting(JsonNode::asText).containsExactly("local", "vm");
            JsonNode vm = hosts.path("hosts").get(1).path("fingerprint");
            assertThat(vm.path("cgroupVersion").asInt()).isEqualTo(2);
            assertThat(vm.path("kernel").asText()).startsWith("6.1.0-");
            assertThat(hosts.path("hosts").get(0).path("fingerprint").path("cgroupVersion").asInt()).isEqualTo(1);
            List<String> outcomes = List.of("OK", "OOM");
            for (int i = 0; i < 2; i++) {
                JsonNode c = hosts.path("cases").get(i);
                assertThat(c.path("outcomes").path("local").asText()).isEqualTo(outcomes.get(i));
                assertThat(c.path("outcomes").path("vm").asText()).isEqualTo(outcomes.get(i));
            }
            assertThat(hosts.path("differences")).isEmpty(); // E17 ran on the VM only: nothing to compare
            JsonNode local = hosts.path("hosts").get(0);
            assertThat(local.path("verdicts").path("E17").asText()).isEqualTo("CANNOT_RUN");
            assertThat(local.path("cannotRun").path("E17").asText()).contains("needs cgroup v2");
            assertThat(hosts.path("hosts").get(1).path("verdicts").path("E17").asText()).isEqualTo("SUPPORTED");
            assertThat(Files.readString(out.resolve("index.html"))).contains("On 2 hosts: local, vm",
                    "Cases whose outcome differs between hosts");
            assertThat(REGISTRY.find(HostCommand.VM)).as("verify reused the VM and left it running").isPresent();

            // the VM host's notebooks, each attaching the running "vm" and asserting the verdicts measured on it
            Path prefix = out.resolve("kernel-prefix").toAbsolutePath();
            dev.oomlab.notebook.NotebookRunner.installKernel(prefix, System.out);
            for (String name : List.of("e-cgroup-v2", "e-global-pressure")) {
                // kept under target/: the executed notebooks are the evidence of the VM host's verdicts
                var run = dev.oomlab.notebook.NotebookRunner.on(prefix)
                        .run(Path.of("..", "notebooks", name + ".ipynb"), Path.of("target", "hosts-cli-it"));
                System.out.println(run);
                assertThat(run.errors()).as("%s", run).isEmpty();
                assertThat(run.passed()).isTrue();
                assertThat(Files.readString(run.html())).as("%s's HTML holds a chart", name)
                        .contains("data:image/png;base64,");
            }
        } finally {
            assertThat(OomlabCli.commandLine().execute("host", "stop", "vm")).isZero();
        }
        assertThat(REGISTRY.find(HostCommand.VM)).isEmpty();
        assertThat(ProcessHandle.of(state.qemuPid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(state.runDir()).doesNotExist();
    }

    private static String captured(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            OomlabCli.commandLine().execute(args);
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
