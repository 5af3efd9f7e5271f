package dev.oomlab.kernel.jshell;

import java.util.List;

/** Completion candidates replacing code[start, end) (char indices). */
public record Completion(List<String> matches, int start, int end) {
}
