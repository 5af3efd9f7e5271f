package dev.oomlab.kernel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.display.Display;
import dev.oomlab.suite.SuiteListener;
import dev.oomlab.view.ProgressDisplay;
import dev.oomlab.kernel.channel.Heartbeat;
import dev.oomlab.kernel.channel.IoPub;
import dev.oomlab.kernel.channel.RequestLoop;
import dev.oomlab.kernel.channel.StdinChannel;
import dev.oomlab.kernel.handler.CommInfoHandler;
import dev.oomlab.kernel.handler.CompleteHandler;
import dev.oomlab.kernel.handler.ExecuteHandler;
import dev.oomlab.kernel.handler.Handler;
import dev.oomlab.kernel.handler.HistoryHandler;
import dev.oomlab.kernel.handler.InspectHandler;
import dev.oomlab.kernel.handler.InterruptHandler;
import dev.oomlab.kernel.handler.IsCompleteHandler;
import dev.oomlab.kernel.handler.KernelInfoHandler;
import dev.oomlab.kernel.handler.ShutdownHandler;
import dev.oomlab.kernel.history.History;
import dev.oomlab.kernel.io.CurrentRequest;
import dev.oomlab.kernel.io.KernelDisplaySink;
import dev.oomlab.kernel.io.KernelStdin;
import dev.oomlab.kernel.io.OutputCapture;
import dev.oomlab.kernel.jshell.JavaRepl;
import dev.oomlab.kernel.magic.CellRunner;
import dev.oomlab.kernel.magic.MavenResolver;
import dev.oomlab.kernel.protocol.ConnectionInfo;
import dev.oomlab.kernel.protocol.Json;
import dev.oomlab.kernel.protocol.Message;
import dev.oomlab.kernel.protocol.Messages;
import dev.oomlab.kernel.protocol.Signer;
import dev.oomlab.kernel.protocol.WireCodec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * One running kernel: binds the five channels of a connection file, serves shell and control on
 * their own threads, and tears everything down on shutdown. JShell starts in the background
 * while the sockets come up, so kernel_info is answered at once and the first cell waits only
 * for what is left of JShell's start.
 */
public final class Kernel {

    /** Requests that need no reply and no log line (this kernel has no comm targets). */
    private static final Set<String> SILENT = Set.of("comm_open", "comm_msg", "comm_close");
    private static final int LINGER_MILLIS = 500;
    /** -Doomlab.kernel.timing=true logs how long each request took inside the kernel. */
    private static final boolean TIMING = Boolean.getBoolean("oomlab.kernel.timing");

    private final ZMQ.Context context = ZMQ.context(1);
    private final Messages messages = new Messages();
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private final CompletableFuture<JavaRepl> repl;
    private final ConnectionInfo connection;
    private IoPub ioPub;
    private StdinChannel stdin;
    private ExecuteHandler execute;
    private Map<String, Handler> shellHandlers;
    private Map<String, Handler> controlHandlers;

    private Kernel(ConnectionInfo connection) {
        this.connection = connection;
        this.repl = new CompletableFuture<>();
    }

    public static Kernel start(ConnectionInfo connection) {
        Kernel kernel = new Kernel(connection);
        kernel.startJShell();
        kernel.bind();
        return kernel;
    }

    private void startJShell() {
        Thread starter = new Thread(() -> {
            try {
                repl.complete(JavaRepl.start());
            } catch (Throwable e) {
                Log.warn("JShell failed to start", e);
                repl.completeExceptionally(e);
            }
        }, "oomlab-jshell-start");
        starter.setDaemon(true);
        starter.start();
    }

    private void bind() {
        WireCodec codec = new WireCodec(new Signer(connection.signatureScheme(), connection.key()));
        ZMQ.Socket shell = socket(SocketType.ROUTER, connection.shellPort());
        ZMQ.Socket control = socket(SocketType.ROUTER, connection.controlPort());
        ZMQ.Socket heartbeat = socket(SocketType.REP, connection.hbPort());
        stdin = new StdinChannel(socket(SocketType.ROUTER, connection.stdinPort()), codec, messages);
        ioPub = new IoPub(socket(SocketType.PUB, connection.iopubPort()), codec, messages);

        CurrentRequest current = new CurrentRequest();
        OutputCapture output = OutputCapture.install(ioPub, current);
        System.setIn(new KernelStdin(stdin, current, output));
        KernelDisplaySink displays = new KernelDisplaySink(ioPub, current, output);
        Display.install(displays);
        // long work (a hypothesis, a sweep) shows one progress display, updated in place
        SuiteListener.useDefault(ProgressDisplay::new);

        Supplier<JavaRepl> session = repl::join;
        History history = new History();
        CellRunner cells = new CellRunner(new MavenResolver(), Path.of("").toAbsolutePath());
        execute = new ExecuteHandler(session, ioPub, current, output, displays, history, cells);
        KernelInfoHandler info = new KernelInfoHandler();
        ShutdownHandler shutdownHandler = new ShutdownHandler();
        shellHandlers = Map.of(
                "execute_request", execute,
                "kernel_info_request", info,
                "complete_request", new CompleteHandler(session),
                "inspect_request", new InspectHandler(session),
                "is_complete_request", new IsCompleteHandler(session),
                "history_request", new HistoryHandler(history),
                "comm_info_request", new CommInfoHandler(),
                "shutdown_request", shutdownHandler);
        controlHandlers = Map.of(
                "kernel_info_request", info,
                "interrupt_request", new InterruptHandler(new CellInterrupter(repl)),
                "shutdown_request", shutdownHandler);

        thread("oomlab-heartbeat", new Heartbeat(heartbeat));
        thread("oomlab-control", new RequestLoop("control", control, codec, this::serveControl));
        thread("oomlab-shell", new RequestLoop("shell", shell, codec, this::serveShell));
        ioPub.status("starting", Json.object());
    }

    private ZMQ.Socket socket(SocketType type, int port) {
        ZMQ.Socket socket = context.socket(type);
        socket.setLinger(LINGER_MILLIS);
        socket.bind(connection.address(port));
        return socket;
    }

    private static void thread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void serveShell(Message request, RequestLoop.Channel channel) {
        serve(shellHandlers, request, channel);
    }

    private void serveControl(Message request, RequestLoop.Channel channel) {
        serve(controlHandlers, request, channel);
    }

    /** busy, the handler's reply, idle; a failing handler still answers, with an error reply. */
    private ObjectNode serve(Map<String, Handler> handlers, Message request, RequestLoop.Channel channel) {
        Handler handler = handlers.get(request.type());
        if (handler == null) {
            if (!SILENT.contains(request.type())) {
                Log.warn("ignored a " + request.type());
            }
            return null;
        }
        long started = System.nanoTime();
        ioPub.status("busy", request.header());
        ObjectNode reply;
        try {
            reply = handler.handle(request);
        } catch (RuntimeException e) {
            Log.warn("failed to answer " + request.type(), e);
            reply = Json.object();
            reply.put("status", "error");
            reply.put("ename", e.getClass().getSimpleName());
            reply.put("evalue", String.valueOf(e.getMessage()));
            reply.putArray("traceback");
        }
        long handled = System.nanoTime();
        if ("execute_request".equals(request.type()) && "error".equals(reply.path("status").asText())
                && request.content().path("stop_on_error").asBoolean(true)) {
            // before the error reply: only cells sent before the front end learnt of the error are aborted
            abortQueuedCells(channel);
        }
        channel.send(messages.reply(request, reply));
        ioPub.status("idle", request.header());
        if (TIMING) {
            Log.warn(request.type() + ": handled in " + (handled - started) / 1000 + " us, answered in "
                    + (System.nanoTime() - started) / 1000 + " us");
        }
        if ("shutdown_request".equals(request.type())) {
            shutdown.countDown();
        }
        return reply;
    }

    /** After a failed cell, cells already queued behind it are not run (stop_on_error). */
    private void abortQueuedCells(RequestLoop.Channel channel) {
        for (Message next = channel.poll(); next != null; next = channel.poll()) {
            if (!"execute_request".equals(next.type())) {
                serveShell(next, channel);
                continue;
            }
            ioPub.status("busy", next.header());
            ObjectNode aborted = Json.object();
            aborted.put("status", "aborted");
            aborted.put("execution_count", execute.executionCount());
            channel.send(messages.reply(next, aborted));
            ioPub.status("idle", next.header());
        }
    }

    /** Blocks until a shutdown_request, then stops the cell and its containers and closes the channels. */
    public void awaitShutdown() throws InterruptedException {
        shutdown.await();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException ignored) {
                return;
            }
            Log.warn("shutdown took over a second; halting");
            Runtime.getRuntime().halt(0);
        }, "oomlab-shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        CellInterrupter.cancelContainers();
        JavaRepl session = repl.getNow(null);
        if (session != null && session.running()) {
            session.interrupt(0);
        }
        ioPub.close();
        stdin.close();
        // term() wakes the loops' blocking receives with ETERM; each closes its socket and ends.
        context.term();
    }
}
