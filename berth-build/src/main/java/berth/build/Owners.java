package berth.build;

import berth.core.errors.InvalidArgument;
import berth.snapshot.archive.RootedPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --chown=user[:group]} to numeric ids, names looked up in the image's own /etc/passwd
 * and /etc/group as Docker does. A user without a group takes the user's primary group for a
 * name and the same number for a uid.
 */
final class Owners {
  private Owners() {}

  static int[] resolve(Path root, String chown) throws IOException {
    int colon = chown.indexOf(':');
    String user = colon < 0 ? chown : chown.substring(0, colon);
    String group = colon < 0 ? null : chown.substring(colon + 1);
    int uid;
    int gid;
    if (isNumber(user)) {
      uid = Integer.parseInt(user);
      gid = uid;
    } else {
      String[] pw = find(root, "/etc/passwd", user);
      if (pw == null || pw.length < 4) {
        throw new InvalidArgument("unable to convert uid/gid chown string to host mapping: can't find uid for user "
            + user + ": no such user: " + user);
      }
      uid = Integer.parseInt(pw[2]);
      gid = Integer.parseInt(pw[3]);
    }
    if (group != null && !group.isEmpty()) {
      if (isNumber(group)) {
        gid = Integer.parseInt(group);
      } else {
        String[] gr = find(root, "/etc/group", group);
        if (gr == null || gr.length < 3) {
          throw new InvalidArgument("unable to convert uid/gid chown string to host mapping: can't find gid for group "
              + group + ": no such group: " + group);
        }
        gid = Integer.parseInt(gr[2]);
      }
    }
    return new int[] {uid, gid};
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }

  private static String[] find(Path root, String file, String name) throws IOException {
    Path f = RootedPath.resolve(root, file, true);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
      String[] parts = line.split(":", -1);
      if (parts.length > 2 && parts[0].equals(name)) {
        return parts;
      }
    }
    return null;
  }
}
