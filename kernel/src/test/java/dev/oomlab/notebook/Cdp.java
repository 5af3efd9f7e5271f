package dev.oomlab.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Chrome DevTools Protocol client over the JDK's WebSocket: send a command, wait for
 * the reply with its id. Enough to navigate a page, evaluate JavaScript and take a screenshot.
 */
final class Cdp implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private Cdp(WebSocket socket) {
        this.socket = socket;
    }

    static Cdp connect(URI webSocketUrl) {
        Receiver receiver = new Receiver();
        // Screenshots come back as megabytes of base64: no limit on the message size here.
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(webSocketUrl, receiver).join();
        Cdp cdp = new Cdp(socket);
        receiver.cdp = cdp;
        return cdp;
    }

    /** Sends a command and returns its "result"; a protocol error fails with the command named. */
    JsonNode send(String method, Map<String, Object> params, Duration timeout) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = MAPPER.createObjectNode().put("id", id).put("method", method);
        message.set("params", MAPPER.valueToTree(params));
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(MAPPER.writeValueAsString(message), true).join();
        JsonNode answer = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** Evaluates a JavaScript expression in the page (awaiting it if it is a promise) and returns its value (JSON-serialisable). */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true),
                Duration.ofSeconds(30));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("JavaScript failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    private void received(String text) {
        try {
            JsonNode message = MAPPER.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
                if (reply != null) {
                    reply.complete(message);
                }
            }
        } catch (Exception e) {
            pending.values().forEach(f -> f.completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
    }

    /** Joins fragments into whole messages. */
    private static final class Receiver implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();
        private volatile Cdp cdp;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                cdp.received(text);
            }
            socket.request(1);
            return null;
        }
    }
}
