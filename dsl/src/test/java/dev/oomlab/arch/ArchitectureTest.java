package dev.oomlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of the library, checked on every build: data flows spec -> runtime/probe -> result ->
 * run/dsl -> suite/search/hypothesis -> view/report, and display draws what view registers.
 */
@AnalyzeClasses(packages = "dev.oomlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** No package depends, through any chain, on a package that depends back on it. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.oomlab.(*)..").should().beFreeOfCycles();

    /** Results never know their views: a new view registers itself, the result does not change. */
    @ArchTest
    static final ArchRule modelSideKnowsNoViews = noClasses()
            .that().resideInAnyPackage("dev.oomlab.spec..", "dev.oomlab.dsl..", "dev.oomlab.model..",
                    "dev.oomlab.result..", "dev.oomlab.probe..", "dev.oomlab.runtime..", "dev.oomlab.host..", "dev.oomlab.run..",
                    "dev.oomlab.hypothesis..", "dev.oomlab.search..", "dev.oomlab.suite..", "dev.oomlab.kubernetes..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.oomlab.view..", "dev.oomlab.display..", "dev.oomlab.report..");

    /** The spec is plain data: it runs nothing, so it imports no engine. */
    @ArchTest
    static final ArchRule specRunsNothing = noClasses().that().resideInAPackage("dev.oomlab.spec..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.oomlab.runtime..", "dev.oomlab.run..",
                    "com.github.dockerjava..");

    /** Only hosts make Docker runtimes; everything else runs through a host or the runner. */
    @ArchTest
    static final ArchRule onlyHostsMakeDockerRuntimes = noClasses()
            .that().resideOutsideOfPackages("dev.oomlab.runtime..", "dev.oomlab.host..")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.oomlab.runtime.docker.DockerRuntime");

    /** XChart's internal package may change on any upgrade: use its public API. */
    @ArchTest
    static final ArchRule noXchartInternals = noClasses().should().dependOnClassesThat()
            .resideInAPackage("org.knowm.xchart.internal..");
}
