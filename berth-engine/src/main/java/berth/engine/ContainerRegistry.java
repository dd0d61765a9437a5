package berth.engine;

import berth.core.errors.Conflict;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The live containers by id and name, and how a user's reference finds one: full id, name (with
 * or without "/"), then a unique id prefix. Names are reserved atomically before a record exists.
 */
public final class ContainerRegistry {
  /** Docker's container name rule. */
  static final Pattern NAME = Pattern.compile("^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$");

  private final Map<String, Container> byId = new ConcurrentHashMap<>();
  /** "/name" → id; holds reservations for containers still being created. */
  private final Map<String, String> names = new ConcurrentHashMap<>();

  /** Checks a user-given name and returns it with the leading "/". */
  public static String validateName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new InvalidArgument("Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    return name.startsWith("/") ? name : "/" + name;
  }

  /** Reserves {@code name} ("/x") for {@code id}; Docker's conflict message when it is taken. */
  public void reserveName(String name, String id) {
    String holder = names.putIfAbsent(name, id);
    if (holder != null && !holder.equals(id)) {
      throw new Conflict("Conflict. The container name \"" + name + "\" is already in use by container \"" + holder
          + "\". You have to remove (or rename) that container to be able to reuse that name.");
    }
  }

  /** Generates and reserves a free name. */
  public String reserveGeneratedName(String id) {
    while (true) {
      String n = "/" + NameGenerator.generate(x -> names.containsKey("/" + x));
      if (names.putIfAbsent(n, id) == null) {
        return n;
      }
    }
  }

  public void releaseName(String name, String id) {
    names.remove(name, id);
  }

  public void add(Container c) {
    byId.put(c.id(), c);
    names.put(c.record().name(), c.id());
  }

  public void remove(Container c) {
    byId.remove(c.id());
    names.remove(c.record().name(), c.id());
  }

  public Collection<Container> all() {
    return byId.values();
  }

  public int size() {
    return byId.size();
  }

  public Optional<Container> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Resolves a reference or raises Docker's 404 "No such container: ref". */
  public Container resolve(String ref) {
    return find(ref).orElseThrow(() -> NotFound.container(ref));
  }

  public Optional<Container> find(String ref) {
    if (ref == null || ref.isEmpty()) {
      return Optional.empty();
    }
    Container c = byId.get(ref);
    if (c != null) {
      return Optional.of(c);
    }
    String id = names.get(ref.startsWith("/") ? ref : "/" + ref);
    if (id != null && byId.containsKey(id)) {
      return Optional.of(byId.get(id));
    }
    List<Container> matches = new ArrayList<>();
    for (Container x : byId.values()) {
      if (x.id().startsWith(ref)) {
        matches.add(x);
      }
    }
    if (matches.size() > 1) {
      throw new InvalidArgument("multiple IDs found with provided prefix: " + ref);
    }
    return matches.stream().findFirst();
  }
}
