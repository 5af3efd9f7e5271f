package dev.oomlab.view;

import static j2html.TagCreator.a;
import static j2html.TagCreator.b;
import static j2html.TagCreator.text;

import dev.oomlab.hypothesis.HypothesisResult;
import j2html.tags.DomContent;
import java.util.List;
import java.util.function.UnaryOperator;

/** {@link Tables#verdicts} as HTML: verdicts as badges, counts that need a look in red, ids as links. */
public final class VerdictsView {

    private VerdictsView() {
    }

    /** @param href an id's link target (e.g. its section on the same page) */
    public static DomContent table(List<HypothesisResult> hypotheses, UnaryOperator<String> href) {
        return HtmlTable.of(Tables.verdicts(hypotheses))
                .cell("id", (row, id) -> a(id).withHref(href.apply(id)))
                .cell("verdict", (row, plain) -> HypothesisView.verdictBadge(hypotheses.get(row).verdict()))
                .cell("not as seed", VerdictsView::warn)
                .cell("model disagrees", VerdictsView::warn)
                .tag("border-collapse:collapse");
    }

    private static DomContent warn(int row, String count) {
        return count.equals("0") ? text(count) : b(count).withStyle("color:" + Html.WARN);
    }
}
