package berth.api.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.socket.DuplexChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A hijacked connection: the client's bytes as a stream (ending when the client shuts down its
 * write side), and an output stream straight to the socket.
 */
public final class RawConnection implements AutoCloseable {
  private final Channel channel;
  private final BodyStream in;
  private final OutputStream out = new Out();

  RawConnection(Channel channel, BodyStream in) {
    this.channel = channel;
    this.in = in;
  }

  public InputStream input() {
    return in;
  }

  public OutputStream output() {
    return out;
  }

  public void onClose(Runnable r) {
    channel.closeFuture().addListener(f -> r.run());
  }

  /** Half-closes our side: the client sees EOF on its read while it may still write. */
  public void shutdownOutput() {
    if (channel instanceof DuplexChannel d) {
      d.shutdownOutput();
    }
  }

  @Override
  public void close() {
    channel.close();
    in.discard();
  }

  private final class Out extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return;
      }
      ChannelFuture f = channel.writeAndFlush(Unpooled.copiedBuffer(b, off, len));
      if (!channel.isWritable() || !channel.isActive()) {
        Response.await(f);
      }
    }
  }
}
