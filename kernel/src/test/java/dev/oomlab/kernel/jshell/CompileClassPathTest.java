package dev.oomlab.kernel.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompileClassPathTest {

    @Test
    void plumbingJarsAreLeftOutOfTheCompileClassPath() {
        String path = String.join(java.io.File.pathSeparator,
                "/k/oomlab.jar", "/k/lib/oomlab-dsl-0.1.0.jar", "/k/lib/bcprov-jdk18on-1.76.jar",
                "/k/lib/tablesaw-core-0.44.1.jar", "/k/lib/jeromq-0.6.0.jar", "/k/classes");
        assertThat(CompileClassPath.of(path)).isEqualTo(String.join(java.io.File.pathSeparator,
                "/k/oomlab.jar", "/k/lib/oomlab-dsl-0.1.0.jar", "/k/lib/tablesaw-core-0.44.1.jar", "/k/classes"));
    }
}
