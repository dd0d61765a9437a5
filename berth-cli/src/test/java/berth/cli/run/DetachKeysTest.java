package berth.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class DetachKeysTest {
  @Test
  void parsesDockersSyntax() {
    assertThat(DetachKeys.parse("ctrl-p,ctrl-q")).containsExactly(16, 17);
    assertThat(DetachKeys.parse("ctrl-@,ctrl-[,ctrl-_,a")).containsExactly(0, 27, 31, 'a');
    assertThatThrownBy(() -> DetachKeys.parse("ctrl-1")).hasMessage("Invalid detach keys (ctrl-1) provided");
    assertThatThrownBy(() -> DetachKeys.parse("abc")).hasMessage("Invalid detach keys (abc) provided");
  }

  @Test
  void swallowsTheSequenceAndPassesFalseStartsThrough() {
    DetachKeys k = new DetachKeys(DetachKeys.parse(DetachKeys.DEFAULT));
    ByteArrayOutputStream fwd = new ByteArrayOutputStream();
    assertThat(k.feed(new byte[] {'a', 16, 'b', 16}, 4, fwd)).isFalse();
    assertThat(fwd.toByteArray()).containsExactly('a', 16, 'b');
    fwd.reset();
    assertThat(k.feed(new byte[] {16, 17}, 2, fwd)).isTrue(); // the held ctrl-p from before is part of a new start
    assertThat(fwd.toByteArray()).containsExactly(16);
  }

  @Test
  void detectsAcrossReads() {
    DetachKeys k = new DetachKeys(DetachKeys.parse(DetachKeys.DEFAULT));
    ByteArrayOutputStream fwd = new ByteArrayOutputStream();
    assertThat(k.feed(new byte[] {'x', 16}, 2, fwd)).isFalse();
    assertThat(k.feed(new byte[] {17}, 1, fwd)).isTrue();
    assertThat(fwd.toByteArray()).containsExactly('x');
  }
}
