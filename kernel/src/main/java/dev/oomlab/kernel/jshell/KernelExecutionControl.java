package dev.oomlab.kernel.jshell;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs snippets inside the kernel's JVM, so they share its statics (Display's sink, ActiveRuns)
 * and its class loader parent: the DSL classes a snippet sees are the kernel's own.
 *
 * <p>Two things JShell's own local engine does not give: the value object itself (JShell only
 * keeps a string; rich output needs the object), and a stop that ends only the cell's thread
 * (JShell's stops the whole thread group, and would kill pools the DSL starts lazily from a cell).
 *
 * <p>A runaway cell ({@code while (true) {}}) is stopped by the checks {@link StopCheckWeaver}
 * weaves into every snippet class; on JDK 17 to 19, Thread.stop remains the last resort for loops
 * in code that was not woven (a library's).
 */
final class KernelExecutionControl extends DirectExecutionControl {

    /** A value a snippet produced; {@code value} may be null. */
    record Held(Object value) {
    }

    private final Map<String, Held> values = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();
    private volatile Thread cellThread;
    private volatile boolean stopped;
    /**
     * An interrupt for the current cell. It can arrive while the cell still compiles, before any
     * thread runs it (seen under load): the cell must then not start at all.
     */
    private volatile boolean interruptPending;

    /** Whether Thread.stop still works here: it throws UnsupportedOperationException from JDK 20 on. */
    static final boolean THREAD_STOP_WORKS = Runtime.version().feature() < 20;

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException,
            EngineTerminationException {
        super.load(Stream.of(classes)
                .map(c -> new ClassBytecodes(c.name(), StopCheckWeaver.weave(c.bytecodes())))
                .toArray(ClassBytecodes[]::new));
    }

    /** The wrapper class and method JShell ran last: what {@link Rerun} keeps to run it again. */
    private volatile String lastClass;
    private volatile String lastMethod;

    @Override
    public String invoke(String className, String methodName) throws RunException, EngineTerminationException,
            InternalException {
        lastClass = className;
        lastMethod = methodName;
        return super.invoke(className, methodName);
    }

    /** The class and method of the last snippet JShell ran, if any ran. */
    Optional<String[]> lastInvoked() {
        String type = lastClass;
        return type == null ? Optional.empty() : Optional.of(new String[] {type, lastMethod});
    }

    void forgetLastInvoked() {
        lastClass = null;
        lastMethod = null;
    }

    /**
     * Runs an already loaded snippet's method again, on a cell thread as JShell would: returns the
     * value key, or throws the user's exception as an InvocationTargetException, or StoppedException.
     */
    String invokeAgain(String className, String methodName) throws Exception {
        Method doit = findClass(className).getDeclaredMethod(methodName);
        doit.setAccessible(true);
        return invoke(doit);
    }

    /** JShell turns this string into SnippetEvent.value(); it is a key to the real object. */
    @Override
    protected String invoke(Method doit) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                result.set(doit.invoke(null));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "oomlab-cell");
        thread.setContextClassLoader(doit.getDeclaringClass().getClassLoader());
        thread.setDaemon(true);
        cellThread = thread; // published before the check: interrupt() sees the thread or we see the flag
        try {
            if (interruptPending) {
                stopped = true;
                throw new StoppedException();
            }
            thread.start();
            thread.join();
        } finally {
            cellThread = null;
            CellStop.clear();
        }
        Throwable error = failure.get();
        // after an interrupt, whatever the cell died of (a docker call's ClosedByInterruptException, a
        // cancelled run) is the interrupt: the user sees that, not a library's stack trace
        if (isStop(error) || error instanceof InvocationTargetException ite && isStop(ite.getCause())
                || error != null && interruptPending) {
            stopped = true;
            throw new StoppedException();
        }
        if (error instanceof Exception exception) {
            throw exception; // InvocationTargetException: DirectExecutionControl reports the user's exception
        }
        if (error != null) {
            throw new InvocationTargetException(error);
        }
        String key = "oomlab-value-" + keys.incrementAndGet();
        values.put(key, new Held(result.get()));
        return key;
    }

    @SuppressWarnings("removal")
    private static boolean isStop(Throwable error) {
        return error instanceof CellStop.Stopped || error instanceof ThreadDeath;
    }

    /** The object behind a SnippetEvent.value() key. */
    Optional<Held> value(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(values.get(key));
    }

    /** Forgets the values of the previous cell, so they can be collected once their snippets go. */
    void startCell() {
        values.clear();
        CellStop.clear();
        stopped = false;
        interruptPending = false;
    }

    /** An interrupt is coming for the current cell (its containers are being removed first). */
    void noteInterrupt() {
        interruptPending = true;
    }

    boolean wasStopped() {
        return stopped;
    }

    boolean running() {
        return cellThread != null;
    }

    /**
     * Ends the running cell: an interrupt first, so blocking calls end cleanly; then, if the cell
     * is still running after the grace period (a loop that never checks), the woven stop checks
     * throw on its thread; on JDK 17 to 19, Thread.stop follows for code that has no checks.
     */
    @SuppressWarnings({"deprecation", "removal"})
    void interrupt(long graceMillis) throws InterruptedException {
        interruptPending = true; // before reading the thread: see invoke()
        Thread thread = cellThread;
        if (thread == null) {
            return; // still compiling, or between snippets: invoke() will not start it
        }
        thread.interrupt();
        thread.join(graceMillis);
        if (!thread.isAlive()) {
            return;
        }
        CellStop.request(thread);
        thread.join(100);
        while (THREAD_STOP_WORKS && thread.isAlive()) {
            thread.stop();
            thread.join(100);
        }
    }

    @Override
    public void stop() {
        try {
            interrupt(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A value as JShell prints it: strings quoted, arrays spelled out. */
    static String text(Object value) {
        return valueString(value);
    }
}
