package dev.oomlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oomlab.host.vm.VmConfig;
import dev.oomlab.spec.Size;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** The VM options {@code host start}, {@code host stop} and {@code bench hosts} share: parsed, nothing boots. */
class VmOptionsTest {

    @Test
    void hostStartKeepsAVmOf6gAndTakesItsShapeFromTheOptions() {
        HostCommand.Start start = new HostCommand.Start();
        new CommandLine(start).parseArgs("vm");
        assertThat(start.shape.vm(start.which.checkedName()).config())
                .isEqualTo(VmConfig.builder().name("vm").memory("6g").build());
        new CommandLine(start).parseArgs("vm", "--name", "big", "--memory", "8g", "--swap", "1g", "--cpus", "1");
        VmConfig c = start.shape.vm(start.which.checkedName()).config();
        assertThat(c.name()).isEqualTo("big");
        assertThat(c.memory()).isEqualTo(Size.ofMib(8192));
        assertThat(c.swap()).isEqualTo(Optional.of(Size.ofMib(1024)));
        assertThat(c.cpus()).isEqualTo(1);
    }

    @Test
    void benchHostsBootsA2gVmByDefaultAndSaysSoInItsHelp() {
        HostsBench bench = new HostsBench();
        CommandLine cli = new CommandLine(bench);
        cli.parseArgs();
        assertThat(bench.shape.vm("bench").config())
                .isEqualTo(VmConfig.builder().name("bench").memory("2g").build());
        assertThat(cli.getUsageMessage()).contains("guest memory (default 2g)", "--swap", "--cpus");
        assertThat(new CommandLine(new HostCommand.Start()).getUsageMessage()).contains("guest memory (default 6g)");
    }

    @Test
    void hostStopNamesItsVmAndRefusesOtherKinds() {
        HostCommand.Stop stop = new HostCommand.Stop();
        new CommandLine(stop).parseArgs("vm", "--name", "other");
        assertThat(stop.which.checkedName()).isEqualTo("other");
        new CommandLine(stop).parseArgs("kvm");
        assertThatThrownBy(stop::call).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host: the lab can start and stop \"vm\" hosts, got \"kvm\"");
    }

    @Test
    void theCliReachesTheOptionsOfEachHostCommand() {
        CommandLine cli = OomlabCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("host", "start", "kvm")).isEqualTo(2);
        assertThat(cli.execute("host", "stop", "vm", "--name", "no-such-vm-here")).isEqualTo(2);
        assertThat(err.toString()).contains("host: the lab can start and stop \"vm\" hosts, got \"kvm\"",
                "name: no VM named \"no-such-vm-here\" is running");
    }
}
