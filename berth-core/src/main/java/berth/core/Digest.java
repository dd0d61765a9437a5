package berth.core;

import berth.core.errors.InvalidArgument;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest, {@code algorithm:hex}. Only sha256 is accepted (the OCI image spec's
 * registered algorithm that every registry supports); once parsed it is trusted everywhere.
 */
public record Digest(String algorithm, String hex) implements Comparable<Digest> {
  private static final Pattern SHA256_HEX = Pattern.compile("[a-f0-9]{64}");

  public Digest {
    if (!"sha256".equals(algorithm)) {
      throw new InvalidArgument("unsupported digest algorithm: " + algorithm);
    }
    if (hex == null || !SHA256_HEX.matcher(hex).matches()) {
      throw new InvalidArgument("invalid checksum digest format");
    }
  }

  /** Parses {@code sha256:<64 hex>}. */
  public static Digest parse(String s) {
    if (s == null) {
      throw new InvalidArgument("invalid checksum digest format");
    }
    int colon = s.indexOf(':');
    if (colon < 0) {
      throw new InvalidArgument("invalid checksum digest format");
    }
    return new Digest(s.substring(0, colon), s.substring(colon + 1));
  }

  /** True when {@code s} is a well-formed sha256 digest. */
  public static boolean isDigest(String s) {
    return s != null && s.startsWith("sha256:") && SHA256_HEX.matcher(s.substring(7)).matches();
  }

  public static Digest ofHex(String hex) {
    return new Digest("sha256", hex);
  }

  public static Digest of(byte[] bytes) {
    MessageDigest md = sha256();
    return ofHex(HexFormat.of().formatHex(md.digest(bytes)));
  }

  public static Digest of(MessageDigest finished) {
    return ofHex(HexFormat.of().formatHex(finished.digest()));
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The 12-character form Docker prints in tables. */
  public String shortHex() {
    return hex.substring(0, 12);
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }

  @Override
  public int compareTo(Digest o) {
    return toString().compareTo(o.toString());
  }
}
