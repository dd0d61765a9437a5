package berth.engine;

import berth.core.Json;
import berth.core.errors.Conflict;
import berth.core.errors.Internal;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Container records in one SQLite file ({@code data-root/state.db}) in WAL mode with full
 * synchronous commits: every put is one transaction, durable when it returns. One connection,
 * used under this object's monitor; writes are small and rare next to container work.
 */
public final class SqliteContainerStore implements ContainerStore {
  private final Connection conn;

  public SqliteContainerStore(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      conn = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement st = conn.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        st.execute("PRAGMA synchronous=FULL");
        st.execute("PRAGMA busy_timeout=5000");
        st.execute("CREATE TABLE IF NOT EXISTS containers (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
            + " record TEXT NOT NULL)");
        st.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      }
    } catch (SQLException | java.io.IOException e) {
      throw new Internal("open state database " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void put(ContainerRecord r) {
    String json;
    try {
      json = Json.MAPPER.writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new Internal("encode container " + r.id() + ": " + e.getMessage(), e);
    }
    try (PreparedStatement ps = conn.prepareStatement(
        "INSERT INTO containers(id, name, record) VALUES(?, ?, ?)"
            + " ON CONFLICT(id) DO UPDATE SET name = excluded.name, record = excluded.record")) {
      ps.setString(1, r.id());
      ps.setString(2, r.name());
      ps.setString(3, json);
      ps.executeUpdate();
    } catch (SQLException e) {
      if (e.getMessage() != null && e.getMessage().contains("UNIQUE constraint failed: containers.name")) {
        throw new Conflict("Conflict. The container name \"" + r.name() + "\" is already in use.", e);
      }
      throw new Internal("save container " + r.id() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void delete(String id) {
    try (PreparedStatement ps = conn.prepareStatement("DELETE FROM containers WHERE id = ?")) {
      ps.setString(1, id);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new Internal("delete container " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized Optional<ContainerRecord> get(String id) {
    try (PreparedStatement ps = conn.prepareStatement("SELECT record FROM containers WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(decode(rs.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new Internal("read container " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized List<ContainerRecord> list() {
    List<ContainerRecord> out = new ArrayList<>();
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT record FROM containers")) {
      while (rs.next()) {
        out.add(decode(rs.getString(1)));
      }
    } catch (SQLException e) {
      throw new Internal("list containers: " + e.getMessage(), e);
    }
    return out;
  }

  @Override
  public synchronized Optional<String> meta(String key) {
    try (PreparedStatement ps = conn.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new Internal("read setting " + key + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void putMeta(String key, String value) {
    try (PreparedStatement ps = conn.prepareStatement(
        "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
      ps.setString(1, key);
      ps.setString(2, value);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new Internal("save setting " + key + ": " + e.getMessage(), e);
    }
  }

  private static ContainerRecord decode(String json) {
    try {
      return Json.MAPPER.readValue(json, ContainerRecord.class);
    } catch (JsonProcessingException e) {
      throw new Internal("decode container record: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      conn.close();
    } catch (SQLException ignored) {
      // closing at shutdown; nothing left to save
    }
  }
}
