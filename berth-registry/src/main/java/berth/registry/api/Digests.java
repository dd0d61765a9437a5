package berth.registry.api;

import berth.core.Digest;
import berth.registry.spec.ErrorCode;

/** Digests from URLs and query strings: a malformed one is DIGEST_INVALID. */
final class Digests {
  private Digests() {}

  static Digest parse(String s) {
    if (!Digest.isDigest(s)) {
      throw ErrorCode.DIGEST_INVALID.error("invalid digest: " + s);
    }
    return Digest.parse(s);
  }
}
