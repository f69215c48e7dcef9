package paperbake.model;

import java.nio.file.Path;

/**
 * Which listing one field of a merged {@link Paper} was taken from, so a reader (and whoever
 * fixes a digest) can see where a title or abstract came from when listings disagree.
 *
 * @param field  the field's name: titleZh, titleEn, tldrZh, tldrEn, abstractZh, abstractEn, category
 * @param line   the listing's line in {@code file}
 */
public record FieldSource(String field, DigestId digest, Path file, int line) {}
