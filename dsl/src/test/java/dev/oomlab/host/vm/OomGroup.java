package dev.oomlab.host.vm;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.command.WaitContainerResultCallback;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sets memory.oom.group = 1 on a running container of the VM's engine, which Docker 20.10 has no
 * flag for. The way: a privileged helper container (the probe image, so nothing is pulled) that
 * runs the guest's own /usr/bin/sh (the guest's /usr, /usr/lib and /usr/lib64 bound read-only) and
 * writes the file in the guest's cgroup2 mount (bound at /cg), where the cgroupfs driver puts the
 * container at docker/ID. It prints the file it wrote and what it reads back.
 */
final class OomGroup {

    private OomGroup() {
    }

    /** Writes 1 to the container's memory.oom.group; returns the helper's output ("/cg/docker/ID 1"). */
    static String set(DockerClient docker, String image, String containerId) {
        String script = "f=/cg/docker/" + containerId + "; echo 1 > $f/memory.oom.group && echo $f $(cat $f/memory.oom.group)"
                + " || { echo no such cgroup; ls /cg /cg/docker; exit 1; }";
        HostConfig hc = HostConfig.newHostConfig().withNetworkMode("none").withPrivileged(true).withBinds(
                new Bind("/usr", new Volume("/usr"), com.github.dockerjava.api.model.AccessMode.ro),
                new Bind("/usr/lib", new Volume("/lib"), com.github.dockerjava.api.model.AccessMode.ro),
                new Bind("/usr/lib64", new Volume("/lib64"), com.github.dockerjava.api.model.AccessMode.ro),
                new Bind("/sys/fs/cgroup", new Volume("/cg")));
        String id = docker.createContainerCmd(image).withEntrypoint("/usr/bin/sh").withCmd("-c", script)
                .withHostConfig(hc).withLabels(Map.of("oomlab.test", "VmHostIT")).exec().getId();
        try {
            docker.startContainerCmd(id).exec();
            int code = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())
                    .awaitStatusCode(2, TimeUnit.MINUTES);
            StringBuilder out = new StringBuilder();
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
            }).awaitCompletion(1, TimeUnit.MINUTES);
            if (code != 0) {
                throw new IllegalStateException("memory.oom.group: the helper exited " + code + ": " + out);
            }
            return out.toString().strip();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("memory.oom.group: interrupted", e);
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }
}
