package berth.engine;

import berth.core.errors.InvalidArgument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves Docker's {@code User} ("name", "uid", "name:group", "uid:gid") and GroupAdd against the
 * container's own /etc/passwd and /etc/group, as runc's user lookup does: a name must exist, a
 * number need not; supplementary groups are those that list the user as a member.
 */
public final class UserResolver {
  /** The resolved identity and the home directory for HOME. */
  public record ResolvedUser(int uid, int gid, List<Integer> additionalGids, String home) {}

  private record PasswdEntry(String name, int uid, int gid, String home) {}

  private record GroupEntry(String name, int gid, List<String> members) {}

  private UserResolver() {}

  public static ResolvedUser resolve(Path rootfs, String user, List<String> groupAdd) {
    List<PasswdEntry> passwd = readPasswd(rootfs.resolve("etc/passwd"));
    List<GroupEntry> groups = readGroups(rootfs.resolve("etc/group"));
    String u = user == null || user.isEmpty() ? "0" : user;
    String userPart = u.contains(":") ? u.substring(0, u.indexOf(':')) : u;
    String groupPart = u.contains(":") ? u.substring(u.indexOf(':') + 1) : null;
    PasswdEntry entry = findUser(passwd, userPart);
    int uid;
    int gid;
    String home;
    String name;
    if (entry != null) {
      uid = entry.uid();
      gid = entry.gid();
      home = entry.home();
      name = entry.name();
    } else if (isNumber(userPart)) {
      uid = Integer.parseInt(userPart);
      gid = 0;
      home = "/";
      name = null;
    } else {
      throw new InvalidArgument("unable to find user " + userPart + ": no matching entries in passwd file");
    }
    if (groupPart != null && !groupPart.isEmpty()) {
      gid = groupId(groups, groupPart);
    }
    // Docker (since the fix for CVE-2022-36109) always lists the primary group among the
    // supplementary ones, so dropping privileges cannot leave a process outside its own group.
    Set<Integer> extra = new LinkedHashSet<>();
    extra.add(gid);
    if (groupPart == null && name != null) {
      for (GroupEntry g : groups) {
        if (g.members().contains(name)) {
          extra.add(g.gid());
        }
      }
    }
    if (groupAdd != null) {
      for (String g : groupAdd) {
        extra.add(groupId(groups, g));
      }
    }
    return new ResolvedUser(uid, gid, new ArrayList<>(extra), home == null || home.isEmpty() ? "/" : home);
  }

  private static int groupId(List<GroupEntry> groups, String g) {
    for (GroupEntry e : groups) {
      if (e.name().equals(g)) {
        return e.gid();
      }
    }
    if (isNumber(g)) {
      return Integer.parseInt(g);
    }
    throw new InvalidArgument("unable to find group " + g + ": no matching entries in group file");
  }

  private static PasswdEntry findUser(List<PasswdEntry> passwd, String user) {
    for (PasswdEntry e : passwd) {
      if (e.name().equals(user)) {
        return e;
      }
    }
    if (isNumber(user)) {
      int uid = Integer.parseInt(user);
      for (PasswdEntry e : passwd) {
        if (e.uid() == uid) {
          return e;
        }
      }
    }
    return null;
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(Character::isDigit);
  }

  private static List<PasswdEntry> readPasswd(Path file) {
    List<PasswdEntry> out = new ArrayList<>();
    for (String[] f : fields(file)) {
      if (f.length >= 4 && isNumber(f[2]) && isNumber(f[3])) {
        out.add(new PasswdEntry(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f.length > 5 ? f[5] : "/"));
      }
    }
    return out;
  }

  private static List<GroupEntry> readGroups(Path file) {
    List<GroupEntry> out = new ArrayList<>();
    for (String[] f : fields(file)) {
      if (f.length >= 3 && isNumber(f[2])) {
        List<String> members = f.length > 3 && !f[3].isEmpty() ? List.of(f[3].split(",")) : List.of();
        out.add(new GroupEntry(f[0], Integer.parseInt(f[2]), members));
      }
    }
    return out;
  }

  private static List<String[]> fields(Path file) {
    List<String[]> out = new ArrayList<>();
    // The file is inside the container's rootfs: never follow a symlink out of it.
    if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(file)) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          out.add(l.split(":", -1));
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }
}
