package dev.oomlab.kernel.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomlab.kernel.protocol.Message;
import dev.oomlab.kernel.protocol.Messages;

/** kernel_info: who we are and which language we speak (answered before JShell is even ready). */
public final class KernelInfoHandler implements Handler {

    private final ObjectNode info;

    public KernelInfoHandler() {
        String version = KernelInfoHandler.class.getPackage().getImplementationVersion();
        info = Replies.ok();
        info.put("protocol_version", Messages.PROTOCOL_VERSION);
        info.put("implementation", "oomlab");
        info.put("implementation_version", version == null ? "dev" : version);
        ObjectNode language = info.putObject("language_info");
        language.put("name", "java");
        language.put("version", Runtime.version().toString());
        language.put("mimetype", "text/x-java-source");
        language.put("file_extension", ".jsh");
        language.put("pygments_lexer", "java");
        language.put("codemirror_mode", "text/x-java");
        info.put("banner", "Java " + Runtime.version() + " on JShell, with the oomlab DSL imported");
        info.put("debugger", false);
        ObjectNode link = info.putArray("help_links").addObject();
        link.put("text", "Java API");
        link.put("url", "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/");
    }

    @Override
    public ObjectNode handle(Message request) {
        return info;
    }
}
