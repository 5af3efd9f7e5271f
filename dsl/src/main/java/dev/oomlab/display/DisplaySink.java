package dev.oomlab.display;

import java.util.Map;

/**
 * Where rich output goes: a Jupyter kernel installs one that sends display_data, the command
 * line and jshell keep the plain-text default.
 */
public interface DisplaySink {

    /** Shows a MIME bundle and returns its display id, usable with {@link #update}. */
    String display(MimeBundle bundle);

    /** Replaces what an earlier {@link #display} showed, in place where the front end can. */
    void update(String displayId, MimeBundle bundle);
}
