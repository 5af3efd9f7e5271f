package dev.oomlab.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.hypothesis.HypothesisResult;
import dev.oomlab.result.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class TablesTest {

    @Test
    void resultsHaveOneRowPerResult() {
        Table t = Tables.results(List.of(Fixtures.oom().withPrediction(Fixtures.predict(Outcome.OK)), Fixtures.ok()));
        assertThat(t.columnNames()).containsExactly("scenario", "limits", "steps", "outcome", "predicted",
                "exit code", "OOMKilled", "peak MiB", "duration s");
        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.stringColumn("outcome").get(0)).isEqualTo("OOM");
        assertThat(t.stringColumn("predicted").get(0)).isEqualTo("OK");
        assertThat(t.stringColumn("predicted").get(1)).isEmpty();
        assertThat(t.intColumn("exit code").get(0)).isEqualTo(137);
        assertThat(t.booleanColumn("OOMKilled").get(0)).isTrue();
        assertThat(t.doubleColumn("peak MiB").get(0)).isEqualTo(241.0);
    }

    @Test
    void aHypothesisTableHasTheSeedsShapeAndItsVerdict() {
        HypothesisResult h = Fixtures.rejected();
        Table t = Tables.hypothesis(h);
        assertThat(t.name()).startsWith("H4 REJECTED: with shm in use");
        assertThat(t.columnNames()).containsExactly("case", "if true", "if false", "model", "observed", "exit code",
                "OOMKilled", "peak MiB", "seed observed", "matches seed");
        assertThat(t.stringColumn("observed").asList()).containsExactly("OK", "OOM");
        assertThat(t.booleanColumn("matches seed").asList()).containsExactly(true, true);
    }

    @Test
    void verdictsCountCasesNotAsSeedAndDisagreements() {
        Table t = Tables.verdicts(List.of(Fixtures.rejected(), Fixtures.supportedNotAsSeed()));
        assertThat(t.columnNames()).containsExactly("id", "claim", "verdict", "seed verdict", "cases", "not as seed",
                "model disagrees");
        assertThat(t.stringColumn("verdict").asList()).containsExactly("REJECTED", "SUPPORTED");
        assertThat(t.intColumn("not as seed").asList()).containsExactly(0, 1);
        assertThat(t.intColumn("model disagrees").asList()).containsExactly(0, 1);
    }

    @Test
    void csvHasAHeaderAndOneLinePerRow(@TempDir Path dir) throws Exception {
        Table t = Tables.cases(List.of(Fixtures.rejected(), Fixtures.supportedNotAsSeed()));
        Path csv = Tables.csv(t, dir.resolve("cases.csv"));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("hypothesis,verdict,case,limits,steps,expected if true,expected if false,"
                + "predicted,observed,seed observed,matches seed,exit code,OOMKilled,peak MiB");
        assertThat(lines.get(2)).startsWith("H4,REJECTED,shm 32 + ram 400,");
        assertThat(Tables.csv(t)).isEqualTo(Files.readString(csv));
    }

    @Test
    void sweepsAndBoundariesTabulate() {
        var bug = Fixtures.platformBug(true);
        Table sweep = Tables.sweep(bug.curves().get(0));
        assertThat(sweep.columnNames()).startsWith("shm in use (MiB)", "max RAM (MiB) measured", "model");
        assertThat(sweep.rowCount()).isEqualTo(3);
        Table boundary = Tables.boundary(bug.asIs());
        assertThat(boundary.intColumn("max RAM tried (MiB)").asList()).containsExactly(128, 126, 127);
        Table pb = Tables.platformBug(bug);
        assertThat(pb.intColumn("max app RAM MiB (measured)").asList()).containsExactly(126, 254);
    }
}
