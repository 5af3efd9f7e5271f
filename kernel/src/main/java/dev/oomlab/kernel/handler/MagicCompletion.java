package dev.oomlab.kernel.handler;

import dev.oomlab.kernel.jshell.Completion;
import dev.oomlab.kernel.magic.Magics;
import java.util.Optional;

/** Completion of a magic's name: the cursor in a word that starts a line with % or %%. */
final class MagicCompletion {

    private MagicCompletion() {
    }

    static Optional<Completion> at(String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        String before = code.substring(lineStart, cursor);
        String word = before.stripLeading();
        if (!word.startsWith("%") || word.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        return Optional.of(new Completion(Magics.complete(word), cursor - word.length(), cursor));
    }
}
