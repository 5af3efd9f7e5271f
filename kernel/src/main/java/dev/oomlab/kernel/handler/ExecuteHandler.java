package dev.oomlab.kernel.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.display.MimeBundle;
import dev.oomlab.display.Renderers;
import dev.oomlab.kernel.channel.IoPub;
import dev.oomlab.kernel.history.History;
import dev.oomlab.kernel.io.CurrentRequest;
import dev.oomlab.kernel.io.KernelDisplaySink;
import dev.oomlab.kernel.io.OutputCapture;
import dev.oomlab.kernel.jshell.CellOutcome;
import dev.oomlab.kernel.jshell.ErrorReport;
import dev.oomlab.kernel.jshell.JavaRepl;
import dev.oomlab.kernel.magic.CellRunner;
import dev.oomlab.kernel.protocol.Json;
import dev.oomlab.kernel.protocol.Message;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * execute: runs a cell and publishes what it produced, in order: execute_input, the output
 * streamed while it ran, then its result (rendered richly where the DSL knows how) or its error.
 */
public final class ExecuteHandler implements Handler {

    private final Supplier<JavaRepl> repl;
    private final IoPub ioPub;
    private final CurrentRequest current;
    private final OutputCapture output;
    private final KernelDisplaySink displays;
    private final History history;
    private final CellRunner cells;
    private final AtomicInteger executionCount = new AtomicInteger();
    private final AtomicBoolean warned = new AtomicBoolean();

    public ExecuteHandler(Supplier<JavaRepl> repl, IoPub ioPub, CurrentRequest current, OutputCapture output,
                          KernelDisplaySink displays, History history, CellRunner cells) {
        this.cells = cells;
        this.displays = displays;
        this.repl = repl;
        this.ioPub = ioPub;
        this.current = current;
        this.output = output;
        this.history = history;
    }

    public int executionCount() {
        return executionCount.get();
    }

    @Override
    public ObjectNode handle(Message request) {
        String code = request.content().path("code").asText("");
        boolean silent = request.content().path("silent").asBoolean(false);
        boolean store = !silent && request.content().path("store_history").asBoolean(true);
        int count = store ? executionCount.incrementAndGet() : executionCount.get();
        ObjectNode parent = request.header();
        current.startExecute(request);
        if (!silent) {
            ObjectNode input = Json.object();
            input.put("code", code);
            input.put("execution_count", count);
            ioPub.publish("execute_input", parent, input);
        }
        JavaRepl session = repl.get();
        showStartupWarnings(session.startupWarnings());
        CellOutcome outcome;
        try {
            outcome = cells.run(session, code);
        } catch (RuntimeException e) {
            outcome = new CellOutcome.Failed(new ErrorReport("KernelError", String.valueOf(e),
                    List.of("the kernel failed to evaluate the cell: " + e)));
        } finally {
            current.endExecute();
        }
        String text = null;
        if (outcome instanceof CellOutcome.Value value && !displays.isLastDisplayId(value.value())) {
            MimeBundle bundle = render(value.value());
            text = bundle.get(MimeBundle.TEXT);
            output.drain();
            if (!silent) {
                ObjectNode result = Json.object();
                result.put("execution_count", count);
                result.set("data", KernelDisplaySink.data(bundle));
                result.putObject("metadata");
                ioPub.publish("execute_result", parent, result);
            }
        } else {
            output.drain();
        }
        if (store) {
            history.add(count, code, text);
        }
        if (outcome instanceof CellOutcome.Failed failed) {
            ObjectNode error = Replies.error(failed.error());
            ioPub.publish("error", parent, error.deepCopy());
            error.put("status", "error");
            error.put("execution_count", count);
            error.putObject("user_expressions");
            return error;
        }
        ObjectNode reply = Replies.ok();
        reply.put("execution_count", count);
        reply.set("user_expressions", userExpressions(session, request.content().path("user_expressions")));
        reply.putArray("payload");
        return reply;
    }

    /**
     * Each user expression evaluated after the cell, as a mime bundle or an error of its own: one
     * failing expression does not fail the others, nor the cell.
     */
    private static ObjectNode userExpressions(JavaRepl session, JsonNode expressions) {
        ObjectNode results = Json.object();
        expressions.fields().forEachRemaining(entry -> {
            CellOutcome outcome;
            try {
                outcome = session.evalInCell(entry.getValue().asText(""));
            } catch (RuntimeException e) {
                outcome = new CellOutcome.Failed(new ErrorReport("KernelError", String.valueOf(e), List.of()));
            }
            ObjectNode result;
            if (outcome instanceof CellOutcome.Failed failed) {
                result = Replies.error(failed.error());
                result.put("status", "error");
            } else {
                Object value = outcome instanceof CellOutcome.Value v ? v.value() : null;
                result = Replies.ok();
                result.set("data", KernelDisplaySink.data(render(value)));
                result.putObject("metadata");
            }
            results.set(entry.getKey(), result);
        });
        return results;
    }

    /** Rich where the DSL renders the value (results, tables, charts), else text as jshell prints it. */
    private static MimeBundle render(Object value) {
        if (Renderers.isRich(value)) {
            try {
                return Renderers.render(value);
            } catch (RuntimeException e) {
                System.err.println("could not render the result richly: " + e);
            }
        }
        return MimeBundle.text(JavaRepl.text(value));
    }

    private void showStartupWarnings(List<String> warnings) {
        if (!warnings.isEmpty() && warned.compareAndSet(false, true)) {
            warnings.forEach(System.err::println);
        }
    }
}
