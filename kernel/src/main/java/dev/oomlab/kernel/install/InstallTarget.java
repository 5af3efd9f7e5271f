package dev.oomlab.kernel.install;

import java.nio.file.Path;
import java.util.List;

/** Where a kernelspec goes, as `jupyter kernelspec install` spells it. */
public sealed interface InstallTarget {

    /** The flags for `jupyter kernelspec install`. */
    List<String> jupyterFlags();

    /** The kernels directory to write to when jupyter is not installed. */
    Path kernelsDir();

    record User() implements InstallTarget {
        @Override
        public List<String> jupyterFlags() {
            return List.of("--user");
        }

        @Override
        public Path kernelsDir() {
            String dataHome = System.getenv("JUPYTER_DATA_DIR");
            if (dataHome != null && !dataHome.isBlank()) {
                return Path.of(dataHome, "kernels");
            }
            Path home = Path.of(System.getProperty("user.home"));
            if (System.getProperty("os.name", "").startsWith("Mac")) {
                return home.resolve("Library/Jupyter/kernels");
            }
            String xdg = System.getenv("XDG_DATA_HOME");
            Path data = xdg == null || xdg.isBlank() ? home.resolve(".local/share") : Path.of(xdg);
            return data.resolve("jupyter/kernels");
        }
    }

    record Prefix(Path prefix) implements InstallTarget {
        @Override
        public List<String> jupyterFlags() {
            return List.of("--prefix", prefix.toAbsolutePath().toString());
        }

        @Override
        public Path kernelsDir() {
            return prefix.toAbsolutePath().resolve("share/jupyter/kernels");
        }
    }

    record SysPrefix() implements InstallTarget {
        @Override
        public List<String> jupyterFlags() {
            return List.of("--sys-prefix");
        }

        @Override
        public Path kernelsDir() {
            throw new IllegalStateException("--sys-prefix needs jupyter (it names Python's sys.prefix)");
        }
    }
}
