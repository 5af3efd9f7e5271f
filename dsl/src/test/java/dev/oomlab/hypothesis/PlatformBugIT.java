package dev.oomlab.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oomlab.result.Result;
import dev.oomlab.run.Boundary;
import dev.oomlab.search.SweepListener;
import dev.oomlab.suite.Suite;
import org.junit.jupiter.api.Test;

/**
 * The platform bug, measured: 4 GiB memory and 1 GiB shm asked, 1 GiB of shm used. The seed
 * expects about 2 GiB for the app AS-IS (memory 3g) and 3 GiB TO-BE (memory 4g). The kernel gives
 * a little less than the model: the cgroup also pays for page tables (2 MiB per GiB mapped) and
 * the probe; measured here 2039 and 3061 MiB, 9 and 11 MiB short. Tolerance: 32 MiB below the
 * model, none above (a cgroup cannot give more than its limit).
 */
class PlatformBugIT {

    static final long SLACK_MIB = 32;

    @Test
    void theSubtractionCostsTheAppTheShmItUses() {
        PlatformBugResult r = Catalogue.platformBug().measure(Suite.defaults(), new SweepListener() {
            @Override
            public void probed(Boundary.Kind kind, long mib, Result result, int run, int maxRuns) {
                System.out.printf("  %s run %d/%d: ram %d -> %s%n", result.scenario().limitsText(), run, maxRuns, mib,
                        result.outcome());
            }
        });
        System.out.println(r);
        System.out.printf("AS-IS %d MiB (%d runs), TO-BE %d MiB (%d runs), lost %d MiB%n", r.asIs().mib(),
                r.asIs().runs(), r.toBe().mib(), r.toBe().runs(), r.lostMib());

        assertThat(r.asIs().predictedMib()).isEqualTo(2048);
        assertThat(r.toBe().predictedMib()).isEqualTo(3072);
        for (Boundary b : new Boundary[] {r.asIs(), r.toBe()}) {
            assertThat(b.bracketed()).as(b.note()).isTrue();
            // three runs when the two confirmations agree with the kill run; where the boundary's page-level
            // noise makes them disagree (seen: "killed at 3060.87 MiB, but 3061 MiB ended OK") the search
            // bisects, says so, and may take a run or two more (bisecting below can end in three)
            if (b.method().contains("confirmed")) {
                assertThat(b.runs()).as(b.method()).isEqualTo(3);
            } else {
                assertThat(b.method()).contains("bisected");
                assertThat(b.runs()).as(b.method()).isBetween(3, 6);
            }
            assertThat(b.mib()).isBetween(b.predictedMib() - SLACK_MIB, b.predictedMib());
        }
        // what the platform takes away is the shm in use, give or take the page tables of 1 GiB
        assertThat(r.lostMib()).isBetween(1024L - 16, 1024L + 16);
    }
}
