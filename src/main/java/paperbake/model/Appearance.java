package paperbake.model;

import java.time.LocalDate;

/** A paper's listing in one digest. {@code date} is null for an undated digest. */
public record Appearance(DigestId digest, LocalDate date, int position, String announceType) {}
