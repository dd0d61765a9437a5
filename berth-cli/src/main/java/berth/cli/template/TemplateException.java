package berth.cli.template;

/** A parse or execution error, worded like Go's ("template: :1: function \"x\" not defined"). */
public final class TemplateException extends RuntimeException {
  public TemplateException(String message) {
    super(message);
  }
}
