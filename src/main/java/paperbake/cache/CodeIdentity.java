package paperbake.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What identifies the code that made a cache: a digest of the jar's entries (names, sizes and
 * CRCs from its central directory, so the jar is not read whole) or, when running from a class
 * folder (tests, an IDE), of its files. Any change of Paperbake's code or of a library bundled
 * in its jar, the Markdown parser included, therefore starts a new cache; nothing has to
 * remember to bump a version number. (From a class folder, libraries are outside it: such runs
 * are development runs, whose cache a clean build or a new folder resets.)
 */
public final class CodeIdentity {

    private CodeIdentity() {}

    public static String of(Class<?> anchor) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "unknown";
        }
        try {
            Path where = Path.of(source.getLocation().toURI());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(where)) {
                folder(where, digest);
            } else {
                jar(where, digest);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (URISyntaxException | IOException | IllegalArgumentException e) {
            return "unknown"; // no identity: the cache is started afresh each time rather than trusted
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void jar(Path jar, MessageDigest digest) throws IOException {
        List<String> lines = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry z = e.nextElement();
                lines.add(z.getName() + "\0" + z.getSize() + "\0" + z.getCrc());
            }
        }
        lines.sort(null);
        lines.forEach(l -> digest.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    private static void folder(Path root, MessageDigest digest) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Path f : files) {
            digest.update((root.relativize(f) + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(f));
        }
    }
}
