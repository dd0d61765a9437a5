package berth.dockerfile;

import java.util.List;

/**
 * One instruction as the line splitter sees it: continuation lines joined, comments removed,
 * builder flags split off, heredoc bodies collected.
 *
 * @param keyword the instruction word as written (any case)
 * @param flags the leading {@code --flag[=value]} words, unquoted
 * @param rest the arguments after the flags, trimmed
 * @param original the joined line, trimmed (Docker's "code" of the instruction)
 * @param heredocs heredocs attached to the line, bodies unchomped
 */
record LogicalLine(String keyword, List<String> flags, String rest, String original,
    int startLine, int endLine, List<Heredoc> heredocs) {}
