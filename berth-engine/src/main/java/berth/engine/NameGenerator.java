package berth.engine;

import java.security.SecureRandom;
import java.util.List;
import java.util.function.Predicate;

/**
 * Names for containers created without one, in Docker's {@code adjective_surname} form. The word
 * lists are Berth's own: adjectives of temperament and surnames of scientists and engineers.
 */
public final class NameGenerator {
  private static final List<String> LEFT = List.of(
      "agile", "amused", "bold", "brave", "bright", "calm", "careful", "cheerful", "clever", "curious",
      "daring", "deft", "eager", "earnest", "fearless", "festive", "fond", "gentle", "gallant", "glad",
      "happy", "hardy", "hopeful", "humble", "jolly", "keen", "kind", "lively", "loyal", "lucid",
      "merry", "mellow", "modest", "nimble", "noble", "patient", "placid", "plucky", "polite", "proud",
      "quick", "quiet", "radiant", "ready", "serene", "sharp", "shy", "silly", "sincere", "smart",
      "steady", "sunny", "swift", "tender", "tidy", "upbeat", "vivid", "warm", "witty", "zealous");
  private static final List<String> RIGHT = List.of(
      "agnesi", "babbage", "banach", "bohr", "boole", "cantor", "carson", "chandra", "curie", "darwin",
      "dijkstra", "euclid", "euler", "faraday", "fermat", "feynman", "franklin", "galois", "gauss", "germain",
      "goodall", "hamilton", "hawking", "hilbert", "hopper", "hypatia", "jackson", "johnson", "kepler", "knuth",
      "kovalevskaya", "lamarr", "leakey", "liskov", "lovelace", "maxwell", "meitner", "mendel", "mirzakhani",
      "napier", "newton", "noether", "pascal", "pasteur", "perlman", "planck", "ramanujan", "ritchie", "sagan",
      "shannon", "somerville", "tesla", "thompson", "turing", "volta", "wiles", "wozniak", "wright", "yalow");
  private static final SecureRandom RANDOM = new SecureRandom();

  private NameGenerator() {}

  /** A free name; after a few collisions a digit is appended, as Docker does. */
  public static String generate(Predicate<String> taken) {
    for (int attempt = 0; ; attempt++) {
      String name = LEFT.get(RANDOM.nextInt(LEFT.size())) + "_" + RIGHT.get(RANDOM.nextInt(RIGHT.size()));
      if (attempt > 5) {
        name += RANDOM.nextInt(10);
      }
      if (!taken.test(name)) {
        return name;
      }
    }
  }
}
