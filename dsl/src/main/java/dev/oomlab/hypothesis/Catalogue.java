package dev.oomlab.hypothesis;

import static dev.oomlab.result.Outcome.OK;
import static dev.oomlab.result.Outcome.OOM;
import static dev.oomlab.result.Outcome.SIGBUS;
import static dev.oomlab.dsl.Scenario.scenario;
import static dev.oomlab.hypothesis.Expectation.ifTrue;

import java.util.List;

/**
 * The seed study's hypotheses H1-H8 with exactly the 22 cases of its document (spec/hypotheses.md).
 * Where the seed's scripts differ from its document, the document wins: its H4 tests 800+1100 and
 * 800+1300, not the script's 800+1800 and 800+2500. Each case keeps the seed's observed outcome.
 */
public final class Catalogue {

    private static final List<Hypothesis> SEED = List.of(
            Hypothesis.of("H1", "shm is separate from the memory limit", scenario().memory("1g").shm("1g"))
                    .title("shm과 app이 Memory cgroup을 공유하는지")
                    .when("shm 900 + ram 900", s -> s.allocShm(900).allocRam(900),
                            ifTrue(OK).ifFalse(OOM).seedSaw(OOM))
                    .when("ram 1200 (baseline)", s -> s.allocRam(1200),
                            ifTrue(OOM).ifFalse(OOM).seedSaw(OOM))
                    .seedVerdict(Verdict.REJECTED),
            Hypothesis.of("H2", "the shm-size limit is enforced", scenario().memory("4g").shm("512m"))
                    .title("ShmSize 제한이 실제로 적용되는지")
                    .when("shm 400", s -> s.allocShm(400),
                            ifTrue(OK).ifFalse(OK).seedSaw(OK))
                    .when("shm 600", s -> s.allocShm(600),
                            ifTrue(SIGBUS).ifFalse(OK).seedSaw(SIGBUS))
                    .seedVerdict(Verdict.SUPPORTED),
            Hypothesis.of("H3", "without shm use, app memory stops at the memory limit",
                            scenario().memory("2g").shm("1g"))
                    .title("app memory가 shm 영역을 침범할 수 있는지")
                    .when("ram 1800", s -> s.allocRam(1800),
                            ifTrue(OK).ifFalse(OK).seedSaw(OK))
                    .when("ram 2500", s -> s.allocRam(2500),
                            ifTrue(OOM).ifFalse(OK).seedSaw(OOM))
                    .seedVerdict(Verdict.SUPPORTED),
            Hypothesis.of("H4", "with shm in use the app still gets the whole limit",
                            scenario().memory("2g").shm("1g"))
                    .title("shm 사용 시 app memory 최대량")
                    .when("shm 800 + ram 1100", s -> s.allocShm(800).allocRam(1100),
                            ifTrue(OK).ifFalse(OK).seedSaw(OK))
                    .when("shm 800 + ram 1300", s -> s.allocShm(800).allocRam(1300),
                            ifTrue(OK).ifFalse(OOM).seedSaw(OOM))
                    .seedVerdict(Verdict.REJECTED),
            Hypothesis.of("H5", "without shm use the app gets the whole limit", scenario().memory("2g").shm("1g"))
                    .title("shm 미사용 시 app memory 최대량")
                    .when("ram 1800", s -> s.allocRam(1800),
                            ifTrue(OK).ifFalse(OOM).seedSaw(OK))
                    .when("ram 2500", s -> s.allocRam(2500),
                            ifTrue(OOM).ifFalse(OOM).seedSaw(OOM))
                    .seedVerdict(Verdict.SUPPORTED),
            Hypothesis.of("H6", "allocation order does not matter", scenario().memory("2g").shm("1g"))
                    .title("할당 순서가 결과에 영향을 주는지")
                    .when("ram 1100 then shm 800", s -> s.allocRam(1100).allocShm(800),
                            ifTrue(OK).ifFalse(OK).seedSaw(OK))
                    .when("ram 1300 then shm 800", s -> s.allocRam(1300).allocShm(800),
                            ifTrue(OOM).ifFalse(OK).seedSaw(OOM))
                    .when("shm 800 then ram 1100", s -> s.allocShm(800).allocRam(1100),
                            ifTrue(OK).ifFalse(OK).seedSaw(OK))
                    .when("shm 800 then ram 1300", s -> s.allocShm(800).allocRam(1300),
                            ifTrue(OOM).ifFalse(OK).seedSaw(OOM))
                    .seedVerdict(Verdict.SUPPORTED),
            Hypothesis.of("H7", "shm-size above memory is still capped by memory", scenario().memory("1g").shm("2g"))
                    .title("ShmSize > Memory 설정 시 동작")
                    .when("shm 800", s -> s.allocShm(800),
                            ifTrue(OK).ifFalse(OK).seedSaw(OK))
                    .when("shm 1200", s -> s.allocShm(1200),
                            ifTrue(OOM).ifFalse(OK).seedSaw(OOM))
                    .when("shm 500 + ram 400", s -> s.allocShm(500).allocRam(400),
                            ifTrue(OK).ifFalse(OK).seedSaw(OK))
                    .when("shm 500 + ram 700", s -> s.allocShm(500).allocRam(700),
                            ifTrue(OOM).ifFalse(OK).seedSaw(OOM))
                    .seedVerdict(Verdict.SUPPORTED),
            Hypothesis.of("H8", "freed shm returns to the pool for app memory", scenario().memory("1g").shm("1g"))
                    .title("shm 해제 후 메모리 반환 확인")
                    .when("shm 700 kept + ram 500", s -> s.allocShm(700).allocRam(500),
                            ifTrue(OOM).ifFalse(OOM).seedSaw(OOM))
                    .when("shm 700, free shm, ram 500", s -> s.allocShm(700).freeShm().allocRam(500),
                            ifTrue(OK).ifFalse(OOM).seedSaw(OK))
                    .when("shm 700, free shm, ram 900", s -> s.allocShm(700).freeShm().allocRam(900),
                            ifTrue(OK).ifFalse(OOM).seedSaw(OK))
                    .when("shm 700, free shm, ram 1200", s -> s.allocShm(700).freeShm().allocRam(1200),
                            ifTrue(OOM).ifFalse(OOM).seedSaw(OOM))
                    .seedVerdict(Verdict.SUPPORTED));

    private Catalogue() {
    }

    /** H1-H8, in order. */
    public static List<Hypothesis> all() {
        return SEED;
    }

    /** "H4" (case-insensitive); unknown ids fail naming the known ones. */
    public static Hypothesis byId(String id) {
        return SEED.stream().filter(h -> h.id().equalsIgnoreCase(id == null ? "" : id.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("id: unknown hypothesis \"" + id + "\" (known: "
                        + String.join(", ", ids()) + ")"));
    }

    public static List<String> ids() {
        return SEED.stream().map(Hypothesis::id).toList();
    }

    /** Every case of every hypothesis: 22 for the seed. */
    public static int caseCount() {
        return SEED.stream().mapToInt(h -> h.cases().size()).sum();
    }

    /** The seed's platform bug: 4 GiB memory and 1 GiB shm asked, 1 GiB shm used. */
    public static PlatformBug platformBug() {
        return PlatformBug.seed();
    }
}
