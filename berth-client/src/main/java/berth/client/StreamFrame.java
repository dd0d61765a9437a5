package berth.client;

/**
 * One frame of Docker's multiplexed stream: an 8-byte header {@code [stream, 0, 0, 0, size(4, big
 * endian)]} followed by {@code size} bytes. Stream 0 is stdin, 1 stdout, 2 stderr, 3 systemerr.
 */
public record StreamFrame(int stream, byte[] data) {
  public static final int STDIN = 0;
  public static final int STDOUT = 1;
  public static final int STDERR = 2;
  public static final int SYSTEMERR = 3;
}
