package dev.oomlab.display;

/** An oomlab value that knows how to show itself richly (a result card, a verdict table). */
public interface Displayable {

    MimeBundle mimeBundle();
}
