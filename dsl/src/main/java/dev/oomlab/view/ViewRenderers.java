package dev.oomlab.view;

import dev.oomlab.display.RendererProvider;
import dev.oomlab.display.RendererRegistry;
import dev.oomlab.hypothesis.HostComparison;
import dev.oomlab.hypothesis.HypothesisResult;
import dev.oomlab.hypothesis.PlatformBugResult;
import dev.oomlab.result.Result;
import dev.oomlab.run.Boundary;
import dev.oomlab.search.SweepResult;

/** oomlab's results and their views, registered per type (loaded by {@link java.util.ServiceLoader}). */
public final class ViewRenderers implements RendererProvider {

    @Override
    public void registerAll(RendererRegistry registry) {
        registry.register(Result.class, ResultCard::bundle)
                .register(HypothesisResult.class, HypothesisView::bundle)
                .register(PlatformBugResult.class, PlatformBugView::bundle)
                .register(Boundary.class, BoundaryView::bundle)
                .register(SweepResult.class, SweepView::bundle)
                .register(HostComparison.class, HostComparisonView::bundle);
    }
}
