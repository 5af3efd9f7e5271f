package dev.oomlab.kernel.jshell;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell the kernel's execution control (made beforehand, so the kernel keeps a handle on it). */
final class KernelExecutionProvider implements ExecutionControlProvider {

    private final KernelExecutionControl control;

    KernelExecutionProvider(KernelExecutionControl control) {
        this.control = control;
    }

    @Override
    public String name() {
        return "oomlab";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
    }
}
