package berth.compose.load;

import berth.compose.ComposeException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Validation of one compose file (after interpolation) against the Compose Specification's JSON
 * schema, copied from the spec into this module's resources. The first error is reported as
 * Docker's compose does: {@code validating FILE: services.web additional properties 'foo' not allowed}.
 */
public final class SchemaCheck {
  private static volatile JsonSchema schema;

  private SchemaCheck() {}

  public static void validate(JsonNode model, String file) {
    Set<ValidationMessage> errors = schema().validate(model);
    if (errors.isEmpty()) {
      return;
    }
    // the most specific complaint (deepest location) says the most; oneOf reports come with siblings
    List<ValidationMessage> sorted = errors.stream()
        .sorted(Comparator.comparingInt((ValidationMessage m) -> -m.getInstanceLocation().getNameCount())
            .thenComparing(m -> m.getType().equals("additionalProperties") ? 0 : 1)
            .thenComparing(ValidationMessage::getMessage))
        .toList();
    throw new ComposeException("validating " + file + ": " + describe(sorted.getFirst()));
  }

  static String describe(ValidationMessage m) {
    String where = location(m.getInstanceLocation().toString());
    String type = m.getType();
    if ("additionalProperties".equals(type)) {
      return (where.isEmpty() ? "" : where + " ") + "additional properties '" + m.getProperty() + "' not allowed";
    }
    String msg = m.getMessage();
    int colon = msg.indexOf(": ");
    if (msg.startsWith("$") && colon > 0) {
      msg = msg.substring(colon + 2);
    }
    return (where.isEmpty() ? "(root)" : where) + " " + msg;
  }

  /** {@code $.services.web.ports[0]} as compose writes it: {@code services.web.ports.0}. */
  static String location(String jsonPath) {
    String p = jsonPath.startsWith("$") ? jsonPath.substring(1) : jsonPath;
    p = p.replaceAll("\\[(\\d+)]", ".$1").replaceAll("\\['([^']*)']", ".$1");
    return p.startsWith(".") ? p.substring(1) : p;
  }

  private static JsonSchema schema() {
    JsonSchema s = schema;
    if (s == null) {
      synchronized (SchemaCheck.class) {
        if (schema == null) {
          schema = load();
        }
        s = schema;
      }
    }
    return s;
  }

  private static JsonSchema load() {
    try (InputStream in = SchemaCheck.class.getResourceAsStream("/berth/compose/compose-spec.json")) {
      ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(in);
      // the file names its meta-schema by an https URL the validator would try to fetch; the
      // dialect is fixed to draft-07 below instead
      tree.remove("$schema");
      tree.remove("$id"); // a relative name, not a URI; every $ref in the file is local (#/definitions/...)
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(tree);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the compose schema", e);
    }
  }
}
