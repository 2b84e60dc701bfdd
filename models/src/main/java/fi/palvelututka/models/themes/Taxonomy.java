package fi.palvelututka.models.themes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.palvelututka.models.Bundles;
import fi.palvelututka.models.ModelVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The service-quality taxonomy as data ({@code models/taxonomy/themes-fi.json}): twelve categories
 * with labels, SERVQUAL dimension, description and the Finnish evidence vocabulary as lemma
 * patterns (syntax in {@link PatternSet}). Loaded once per JVM; immutable and thread-safe.
 */
public final class Taxonomy {

  public static final String SHIPPED_RESOURCE = "palvelututka/models/themes-fi.json";
  public static final String MODEL_NAME = "themes-fi";

  private final String version;
  private final List<ThemeCategory> categories;
  private final ModelVersion modelVersion;
  private final PatternSet patterns;

  private Taxonomy(String version, List<ThemeCategory> categories, ModelVersion modelVersion) {
    this.version = version;
    this.categories = List.copyOf(categories);
    this.modelVersion = modelVersion;
    // compiled once here: validates every pattern (with its category in the message)
    this.patterns = PatternSet.compile(this);
  }

  /** The taxonomy shipped in the jar. */
  public static Taxonomy shipped() {
    return ShippedHolder.INSTANCE;
  }

  private static final class ShippedHolder {
    static final Taxonomy INSTANCE =
        parse(Bundles.shipped(SHIPPED_RESOURCE, "(part of the source tree: models/taxonomy)"));
  }

  /** The taxonomy in {@code file}, or the shipped one when {@code file} is null (a CLI default). */
  public static Taxonomy loadOrShipped(Path file) {
    return file == null ? shipped() : load(file);
  }

  public static Taxonomy load(Path file) {
    try {
      return parse(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read taxonomy " + file, e);
    }
  }

  /** Parses the JSON taxonomy; every problem is reported with the category and pattern. */
  public static Taxonomy parse(byte[] json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("Taxonomy is not valid JSON: " + e.getMessage(), e);
    }
    String version = text(root, "version", "taxonomy");
    JsonNode cats = root.path("categories");
    if (!cats.isArray() || cats.isEmpty()) {
      throw new IllegalArgumentException("Taxonomy has no \"categories\" array");
    }
    List<ThemeCategory> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode c : cats) {
      String id = text(c, "id", "category");
      if (!id.matches("[a-z_]+")) {
        throw new IllegalArgumentException("Category id must be [a-z_]+: '" + id + "'");
      }
      if (!ids.add(id)) {
        throw new IllegalArgumentException("Duplicate category id: " + id);
      }
      ThemeCategory cat =
          new ThemeCategory(
              id,
              text(c, "label_fi", id),
              text(c, "label_en", id),
              text(c, "servqual", id),
              text(c, "description", id),
              strings(c, "complaint", id),
              strings(c, "praise", id),
              strings(c, "neutral", id));
      out.add(cat);
    }
    return new Taxonomy(version, out, ModelVersion.of(MODEL_NAME, json));
  }

  private static String text(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException(
          "Taxonomy: missing or empty \"" + field + "\" in " + where);
    }
    return v.asText();
  }

  private static List<String> strings(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException(
          "Taxonomy: \"" + field + "\" of " + where + " must be an array of strings");
    }
    for (JsonNode s : v) {
      if (!s.isTextual()) {
        throw new IllegalArgumentException(
            "Taxonomy: \"" + field + "\" of " + where + " holds a non-string: " + s);
      }
      out.add(s.asText());
    }
    return out;
  }

  public String version() {
    return version;
  }

  public List<ThemeCategory> categories() {
    return categories;
  }

  public ThemeCategory category(String id) {
    for (ThemeCategory c : categories) {
      if (c.id().equals(id)) {
        return c;
      }
    }
    throw new IllegalArgumentException("Unknown category: " + id);
  }

  /** The taxonomy's patterns, compiled. */
  public PatternSet patterns() {
    return patterns;
  }

  /** Name and hash of the taxonomy file, stored on every output row. */
  public ModelVersion modelVersion() {
    return modelVersion;
  }
}
