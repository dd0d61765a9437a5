package berth.registry.spec;

/**
 * The error codes of the OCI Distribution Spec v1.1 (section "Error Codes"), plus distribution's
 * RANGE_INVALID (an upload chunk out of order) and PAGINATION_NUMBER_INVALID, each with its HTTP
 * status and default message.
 */
public enum ErrorCode {
  BLOB_UNKNOWN(404, "blob unknown to registry"),
  BLOB_UPLOAD_INVALID(400, "blob upload invalid"),
  BLOB_UPLOAD_UNKNOWN(404, "blob upload unknown to registry"),
  DIGEST_INVALID(400, "provided digest did not match uploaded content"),
  MANIFEST_BLOB_UNKNOWN(400, "manifest references a manifest or blob unknown to registry"),
  MANIFEST_INVALID(400, "manifest invalid"),
  MANIFEST_UNKNOWN(404, "manifest unknown to registry"),
  NAME_INVALID(400, "invalid repository name"),
  NAME_UNKNOWN(404, "repository name not known to registry"),
  SIZE_INVALID(400, "provided length did not match content length"),
  UNAUTHORIZED(401, "authentication required"),
  DENIED(403, "requested access to the resource is denied"),
  UNSUPPORTED(405, "The operation is unsupported."),
  TOOMANYREQUESTS(429, "too many requests"),
  RANGE_INVALID(416, "invalid content range"),
  PAGINATION_NUMBER_INVALID(400, "invalid number of results requested");

  private final int status;
  private final String message;

  ErrorCode(int status, String message) {
    this.status = status;
    this.message = message;
  }

  public int status() {
    return status;
  }

  public String message() {
    return message;
  }

  /** This code with its default message. */
  public RegistryException error() {
    return new RegistryException(this, message, null);
  }

  public RegistryException error(String message) {
    return new RegistryException(this, message, null);
  }

  public RegistryException error(String message, Object detail) {
    return new RegistryException(this, message, detail);
  }
}
