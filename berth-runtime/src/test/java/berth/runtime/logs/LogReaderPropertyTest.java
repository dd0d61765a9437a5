package berth.runtime.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.io.TempDir;

/** Random logs written the way conmon writes them read back exactly; tail agrees with a full read. */
class LogReaderPropertyTest {
  @TempDir Path dir;

  @RepeatedTest(40)
  void roundTripsAndTailsRandomLogs(RepetitionInfo info) throws IOException {
    Random rnd = new Random(info.getCurrentRepetition());
    int count = 1 + rnd.nextInt(info.getCurrentRepetition() % 5 == 0 ? 5000 : 60);
    List<String> expected = new ArrayList<>();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    // fragments of one entry per stream may interleave with the other stream's lines
    List<List<String>> pending = List.of(new ArrayList<>(), new ArrayList<>());
    String[] names = {"stdout", "stderr"};
    int written = 0;
    while (written < count) {
      int s = rnd.nextInt(2);
      if (pending.get(s).isEmpty()) {
        String msg = randomText(rnd);
        int parts = 1 + rnd.nextInt(3);
        int cut = 0;
        for (int p = 0; p < parts - 1; p++) {
          int next = cut + rnd.nextInt(Math.max(1, msg.length() - cut));
          pending.get(s).add(msg.substring(cut, next));
          cut = next;
        }
        pending.get(s).add(msg.substring(cut) + "\n");
        expected.add(names[s] + ":" + msg + "\n");
        written++;
      }
      String frag = pending.get(s).removeFirst();
      boolean last = pending.get(s).isEmpty();
      String ts = "2026-11-22T10:00:" + String.format("%02d", written % 60) + ".000000000+00:00";
      file.writeBytes((ts + " " + names[s] + (last ? " F " : " P ") + frag + (last ? "" : "\n")).getBytes(StandardCharsets.UTF_8));
    }
    for (int s = 0; s < 2; s++) { // finish what is still open
      while (!pending.get(s).isEmpty()) {
        String frag = pending.get(s).removeFirst();
        boolean last = pending.get(s).isEmpty();
        file.writeBytes(("2026-11-22T10:01:00Z " + names[s] + (last ? " F " : " P ") + frag + (last ? "" : "\n"))
            .getBytes(StandardCharsets.UTF_8));
      }
    }
    Path f = dir.resolve("ctr.log");
    Files.write(f, file.toByteArray());
    LogReader reader = new LogReader(f);
    List<String> all = texts(reader.readAll(LogReader.Options.all()));
    // entries come in the order their last fragment was written; compare per stream
    for (String name : names) {
      assertThat(all.stream().filter(e -> e.startsWith(name)).toList())
          .isEqualTo(expected.stream().filter(e -> e.startsWith(name)).toList());
    }
    int n = rnd.nextInt(all.size() + 3);
    List<String> tail = texts(reader.readAll(LogReader.Options.all().tail(n)));
    assertThat(tail).isEqualTo(n == 0 ? List.of() : all.subList(Math.max(0, all.size() - n), all.size()));
  }

  @RepeatedTest(20)
  void garbageNeverThrows(RepetitionInfo info) throws IOException {
    Random rnd = new Random(1000 + info.getCurrentRepetition());
    byte[] junk = new byte[rnd.nextInt(200_000)];
    rnd.nextBytes(junk);
    for (int i = 0; i < junk.length; i += 1 + rnd.nextInt(80)) {
      junk[i] = (byte) (rnd.nextBoolean() ? '\n' : ' ');
    }
    Path f = dir.resolve("junk.log");
    Files.write(f, junk);
    LogReader reader = new LogReader(f);
    assertThat(reader.readAll(LogReader.Options.all())).isNotNull();
    assertThat(reader.readAll(LogReader.Options.all().tail(5)).size()).isLessThanOrEqualTo(5);
  }

  private static String randomText(Random rnd) {
    StringBuilder sb = new StringBuilder();
    int len = rnd.nextInt(40);
    for (int i = 0; i < len; i++) {
      char c = (char) (' ' + rnd.nextInt(95));
      sb.append(rnd.nextInt(20) == 0 ? 'é' : c);
    }
    return sb.toString();
  }

  private static List<String> texts(List<LogEntry> entries) {
    return entries.stream().map(e -> e.stream() + ":" + new String(e.data(), StandardCharsets.UTF_8)).toList();
  }
}
