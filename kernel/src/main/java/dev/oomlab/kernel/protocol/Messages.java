package dev.oomlab.kernel.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/** Builds outgoing messages: headers with this kernel's session, replies routed back to the asker. */
public final class Messages {

    public static final String PROTOCOL_VERSION = "5.3";

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final String session = UUID.randomUUID().toString();

    public String session() {
        return session;
    }

    /** The reply to a request on shell or control, e.g. execute_request → execute_reply. */
    public Message reply(Message request, ObjectNode content) {
        String type = request.type().replaceFirst("_request$", "_reply");
        return new Message(request.identities(), header(type), request.header(), Json.object(), content, List.of());
    }

    /** A request from the kernel to the front end that sent {@code cause}, e.g. input_request on stdin. */
    public Message requestTo(Message cause, String type, ObjectNode content) {
        return new Message(cause.identities(), header(type), cause.header(), Json.object(), content, List.of());
    }

    /** A message for IOPub, with a topic frame in ipykernel's style. */
    public Message broadcast(String type, ObjectNode parent, ObjectNode content) {
        byte[] topic = ("kernel." + session + "." + type).getBytes(StandardCharsets.UTF_8);
        return new Message(List.of(topic), header(type), parent == null ? Json.object() : parent,
                Json.object(), content, List.of());
    }

    private ObjectNode header(String type) {
        ObjectNode header = Json.object();
        header.put("msg_id", UUID.randomUUID().toString());
        header.put("session", session);
        header.put("username", "kernel");
        header.put("date", DATE.format(Instant.now()));
        header.put("msg_type", type);
        header.put("version", PROTOCOL_VERSION);
        return header;
    }
}
