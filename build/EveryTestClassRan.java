import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build's check that no test was skipped for its name (issue 8): after surefire has run a
 * module's tests, every compiled test class that holds a test method must have a fresh surefire
 * report. Runs as a single-file Java program in the verify phase (root pom, exec-maven-plugin),
 * so it needs no plugin of its own and sees exactly what surefire wrote.
 *
 * <p>Arguments: test-classes folder, surefire-reports folder, build start (ISO-8601, UTC), the
 * {@code test} property, the {@code skipTests} property. A narrowed run ({@code -Dtest=...}) or a
 * skipped one checks nothing: only a full test run can prove every class ran.
 */
public final class EveryTestClassRan {

    /** Annotation descriptors that make a class hold tests: JUnit Jupiter, jqwik, ArchUnit. */
    private static final List<String> TEST_ANNOTATIONS = List.of(
            "Lorg/junit/jupiter/api/Test;",
            "Lorg/junit/jupiter/api/RepeatedTest;",
            "Lorg/junit/jupiter/api/TestFactory;",
            "Lorg/junit/jupiter/api/TestTemplate;",
            "Lorg/junit/jupiter/params/ParameterizedTest;",
            "Lnet/jqwik/api/Property;",
            "Lnet/jqwik/api/Example;",
            "Lcom/tngtech/archunit/junit/ArchTest;");

    /** Reports written this long before the build's start count as this build's (clock and timestamp rounding), ms (choice). */
    private static final long SLACK_MS = 2_000;

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Path reports = Path.of(args[1]);
        String testFilter = args.length > 3 ? args[3] : "";
        String skipTests = args.length > 4 ? args[4] : "";
        if (isSet(testFilter) || "true".equalsIgnoreCase(skipTests) || !Files.isDirectory(classes)) {
            return;
        }
        Instant buildStart = parse(args[2]);
        List<String> missing = new ArrayList<>();
        int holding = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                if (!holdsTests(file)) {
                    continue;
                }
                holding++;
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                name = name.substring(0, name.length() - ".class".length());
                int nested = name.indexOf('$');
                String reported = nested < 0 ? name : name.substring(0, nested);
                Path report = reports.resolve("TEST-" + reported + ".xml");
                if (!Files.isRegularFile(report) || isStale(Files.getLastModifiedTime(report), buildStart)) {
                    missing.add(name);
                }
            }
        }
        if (!missing.isEmpty()) {
            System.err.println("[EveryTestClassRan] " + missing.size() + " of " + holding
                    + " test classes did not run in this build (no fresh surefire report in " + reports + "):");
            for (String name : missing) {
                System.err.println("  " + name);
            }
            System.err.println("Check the surefire includes/excludes in the root pom, or make the class discoverable"
                    + " (not abstract, not private, tests not private).");
            System.exit(1);
        }
        System.out.println("[EveryTestClassRan] all " + holding + " test classes ran");
    }

    private static boolean isSet(String property) {
        return !property.isBlank() && !property.startsWith("${");
    }

    private static Instant parse(String iso) {
        try {
            return Instant.parse(iso);
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    private static boolean isStale(FileTime written, Instant buildStart) {
        return written.toMillis() < buildStart.toEpochMilli() - SLACK_MS;
    }

    private static boolean holdsTests(Path classFile) throws IOException {
        // annotation type names stand as UTF-8 constants in the class file: a byte search finds them
        String bytes = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
        for (String descriptor : TEST_ANNOTATIONS) {
            if (bytes.contains(descriptor)) {
                return true;
            }
        }
        return false;
    }
}
