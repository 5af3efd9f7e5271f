package dev.oomlab.kernel.magic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.kernel.jshell.CellOutcome;
import dev.oomlab.kernel.jshell.JavaRepl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The magics against a real JShell and Maven's real resolver, on a file repository made here. */
class CellRunnerTest {

    @TempDir
    static Path dir;
    private static JavaRepl repl;
    private static CellRunner cells;
    private static String repoUrl;

    @BeforeAll
    static void start() throws Exception {
        Path repo = dir.resolve("repo");
        TestJars.publish(repo, "org.example", "hello", "1.0", TestJars.jar(dir, "org.example", "Hello", "hi"));
        TestJars.publish(repo, "org.example", "pommed", "2.0", TestJars.jar(dir, "org.example.pom", "Pommed", "from a pom"));
        repoUrl = repo.toUri().toString();
        Path libs = Files.createDirectories(dir.resolve("libs/nested"));
        Files.move(TestJars.jar(dir, "org.example.cp", "OnPath", "on the class path"), libs.resolve("onpath.jar"));
        Files.writeString(dir.resolve("setup.jsh"), "String loaded = \"yes\";\n%classpath libs/**.jar\n");
        repl = JavaRepl.start();
        cells = new CellRunner(new MavenResolver(TestJars.settings(dir, dir.resolve("local-repo"))), dir);
    }

    @AfterAll
    static void close() {
        repl.close();
    }

    @Test
    void mavenJarsCanBeImportedOnTheNextLineOfTheSameCell() {
        CellOutcome outcome = cells.run(repl, String.join("\n",
                "%mavenRepo test " + repoUrl,
                "%maven org.example:hello:1.0",
                "import org.example.Hello;",
                "Hello.greet()"));
        assertThat(outcome).isEqualTo(new CellOutcome.Value("hi"));
        assertThat(dir.resolve("local-repo/org/example/hello/1.0/hello-1.0.jar")).exists();
    }

    @Test
    void anUnresolvableCoordinateSaysWhichAndWhyWithoutAStackTrace() {
        CellOutcome outcome = cells.run(repl, "%mavenRepo test " + repoUrl + "\n%maven org.example:absent:9.9");
        String message = failure(outcome);
        assertThat(message).contains("org.example:absent:9.9", "could not resolve", "absent")
                .doesNotContain("\tat ", "Exception:");
        assertThat(failure(cells.run(repl, "%maven not-a-coordinate"))).contains("invalid coordinate \"not-a-coordinate\"");
    }

    @Test
    void anUnknownMagicIsNamed() {
        assertThat(failure(cells.run(repl, "%nosuch 1 2"))).contains("%nosuch is not a magic");
        assertThat(failure(cells.run(repl, "%%nosuch\n1"))).contains("%%nosuch is not a magic");
    }

    @Test
    void classpathTakesGlobsAndLoadRunsAScriptWithMagics() {
        assertThat(cells.run(repl, "%load setup.jsh\nloaded")).isEqualTo(new CellOutcome.Value("yes"));
        assertThat(cells.run(repl, "org.example.cp.OnPath.greet()")).isEqualTo(new CellOutcome.Value("on the class path"));
        assertThat(failure(cells.run(repl, "%jars nowhere/*.jar"))).contains("%jars: \"nowhere/*.jar\" matches no file");
        assertThat(failure(cells.run(repl, "%load missing.jsh"))).contains("%load: cannot read", "missing.jsh");
    }

    @Test
    void loadFromPomResolvesTheDependenciesSection() {
        CellOutcome outcome = cells.run(repl, String.join("\n",
                "%%loadFromPOM",
                "<repositories><repository><id>test</id><url>" + repoUrl + "</url></repository></repositories>",
                "<dependencies>",
                "  <dependency><groupId>org.example</groupId><artifactId>pommed</artifactId><version>2.0</version></dependency>",
                "  <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>0</version><scope>test</scope></dependency>",
                "</dependencies>"));
        assertThat(outcome).isInstanceOf(CellOutcome.Done.class);
        assertThat(cells.run(repl, "org.example.pom.Pommed.greet()")).isEqualTo(new CellOutcome.Value("from a pom"));
    }

    @Test
    void timePrintsTheWallTimeAndKeepsTheValue() {
        String printed = stdout(() -> assertThat(cells.run(repl, "%%time\nint t = 20;\nt + 1"))
                .isEqualTo(new CellOutcome.Value(21)));
        assertThat(printed).containsPattern("Wall time: [0-9.]+ (µs|ms|s)");
        printed = stdout(() -> assertThat(cells.run(repl, "%time 6 * 7")).isEqualTo(new CellOutcome.Value(42)));
        assertThat(printed).contains("Wall time: ");
        assertThat(stdout(() -> cells.run(repl, "%lsmagic"))).contains("%maven", "%mavenRepo", "%%loadFromPOM", "%%time");
    }

    @Test
    void magicNamesComplete() {
        assertThat(Magics.complete("%mav")).containsExactly("%maven", "%mavenRepo");
        assertThat(Magics.complete("%%t")).containsExactly("%%time");
    }

    private static String failure(CellOutcome outcome) {
        assertThat(outcome).isInstanceOf(CellOutcome.Failed.class);
        return ((CellOutcome.Failed) outcome).error().value();
    }

    private static String stdout(Runnable body) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
