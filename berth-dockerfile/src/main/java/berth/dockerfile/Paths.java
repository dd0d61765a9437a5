package berth.dockerfile;

import java.util.ArrayDeque;
import java.util.Deque;

/** Go's path.Clean and path.Base for slash-separated paths. */
final class Paths {
  private Paths() {}

  static String clean(String p) {
    if (p.isEmpty()) {
      return ".";
    }
    boolean rooted = p.startsWith("/");
    Deque<String> parts = new ArrayDeque<>();
    for (String seg : p.split("/")) {
      if (seg.isEmpty() || seg.equals(".")) {
        continue;
      }
      if (seg.equals("..")) {
        if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
          parts.removeLast();
        } else if (!rooted) {
          parts.addLast("..");
        }
        continue;
      }
      parts.addLast(seg);
    }
    String joined = String.join("/", parts);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  static String base(String p) {
    if (p.isEmpty()) {
      return ".";
    }
    String s = p;
    while (s.length() > 1 && s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.equals("/")) {
      return "/";
    }
    int i = s.lastIndexOf('/');
    return i < 0 ? s : s.substring(i + 1);
  }
}
