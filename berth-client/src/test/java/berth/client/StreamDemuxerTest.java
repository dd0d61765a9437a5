package berth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamDemuxerTest {
  @Test
  void splitsFramesByStream() throws IOException {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    wire.write(StreamDemuxer.encode(1, "out1".getBytes(StandardCharsets.UTF_8)));
    wire.write(StreamDemuxer.encode(2, "err".getBytes(StandardCharsets.UTF_8)));
    wire.write(StreamDemuxer.encode(1, new byte[0]));
    wire.write(StreamDemuxer.encode(1, "out2".getBytes(StandardCharsets.UTF_8)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    new StreamDemuxer(new ByteArrayInputStream(wire.toByteArray())).copyTo(out, err);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("out1out2");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("err");
  }

  @Test
  void headerIsBigEndianSize() {
    byte[] f = StreamDemuxer.encode(2, new byte[300]);
    assertThat(f).startsWith(2, 0, 0, 0, 0, 0, 1, 44);
  }

  @Test
  void truncatedFrameIsAnError() {
    byte[] f = StreamDemuxer.encode(1, "abcdef".getBytes(StandardCharsets.UTF_8));
    byte[] cut = java.util.Arrays.copyOf(f, 10);
    assertThatThrownBy(() -> new StreamDemuxer(new ByteArrayInputStream(cut)).next())
        .isInstanceOf(EOFException.class);
  }

  @Test
  void systemErrorFrameBecomesAnException() {
    byte[] f = StreamDemuxer.encode(3, "boom".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> new StreamDemuxer(new ByteArrayInputStream(f))
        .copyTo(new ByteArrayOutputStream(), new ByteArrayOutputStream()))
        .hasMessage("boom");
  }
}
