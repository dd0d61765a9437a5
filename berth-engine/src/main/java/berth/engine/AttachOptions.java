package berth.engine;

/**
 * Query of POST /containers/{id}/attach: which streams, whether to replay logs first and whether
 * to stream live output; {@code detachKeys} null means Docker's default "ctrl-p,ctrl-q".
 */
public record AttachOptions(
    boolean stdin, boolean stdout, boolean stderr, boolean logs, boolean stream, String detachKeys) {}
