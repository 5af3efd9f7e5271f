package dev.oomlab.kernel.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The connection file Jupyter hands a kernel: where to bind, and the key that signs messages. */
public record ConnectionInfo(String transport, String ip, int shellPort, int iopubPort, int stdinPort,
                             int controlPort, int hbPort, String signatureScheme, String key) {

    public static ConnectionInfo read(Path file) throws IOException {
        ObjectNode json = Json.parseObject(Files.readAllBytes(file));
        if (!json.has("shell_port")) {
            throw new IOException("not a Jupyter connection file: " + file);
        }
        return new ConnectionInfo(
                json.path("transport").asText("tcp"),
                json.path("ip").asText("127.0.0.1"),
                json.path("shell_port").asInt(),
                json.path("iopub_port").asInt(),
                json.path("stdin_port").asInt(),
                json.path("control_port").asInt(),
                json.path("hb_port").asInt(),
                json.path("signature_scheme").asText("hmac-sha256"),
                json.path("key").asText(""));
    }

    /** The address to bind for one port, e.g. tcp://127.0.0.1:5555 (ipc uses ip-port as a path). */
    public String address(int port) {
        return "ipc".equals(transport) ? "ipc://" + ip + "-" + port : transport + "://" + ip + ":" + port;
    }
}
