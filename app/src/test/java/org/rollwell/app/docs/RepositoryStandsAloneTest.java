package org.rollwell.app.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository stands alone (issue 10 item 4): a reader of the README and docs/ is sent only
 * to files in the repository or to published sources, every relative link lands on a file that
 * exists, and the launcher works from a symlink on the PATH.
 */
class RepositoryStandsAloneTest {

    /** Names of the engineers' notes outside the repository, which a user of it does not have. */
    private static final Pattern NOTES_OUTSIDE = Pattern.compile(
            "\\b(?:DESIGN|DOMAIN|CONVENTIONS)\\.md\\b|(?<![\\w.-])shared/");
    /** A relative path that climbs: resolved against the file's folder, it must stay in the repository. */
    private static final Pattern CLIMBING_PATH = Pattern.compile("(?:\\.\\./)+[^\\s)\\]`'\"<>|]*");
    /** Inline links [text](target "title") and reference definitions [id]: target. */
    private static final Pattern INLINE_LINK = Pattern.compile("\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    private static final Path ROOT = repositoryRoot();

    // --- the README and docs/ ---

    @Test
    void the_readme_and_docs_name_no_file_outside_the_repository() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : documents()) {
            problems.addAll(outsideReferences(ROOT, file, Files.readString(file, StandardCharsets.UTF_8)));
        }
        assertThat(problems).as("texts a user reads must point only into the repository or at published sources")
                .isEmpty();
    }

    @Test
    void every_relative_link_in_the_readme_and_docs_lands_on_a_file_that_exists() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : documents()) {
            if (file.toString().endsWith(".md")) {
                problems.addAll(brokenLinks(ROOT, file, Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_repository_carries_its_license_and_says_so() throws IOException {
        String license = Files.readString(ROOT.resolve("LICENSE"), StandardCharsets.UTF_8);
        assertThat(license).contains("Apache License", "Version 2.0, January 2004",
                "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION", "END OF TERMS AND CONDITIONS",
                "Copyright 2026 The Rollwell authors");
        assertThat(Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8))
                .contains("Apache License 2.0").contains("(LICENSE)");
    }

    @Test
    void the_rules_catch_a_bad_sample() {
        Path docs = ROOT.resolve("docs/sample.md");
        String bad = """
                Architecture: `../shared/DESIGN.md`; facts in DOMAIN.md §4, style in CONVENTIONS.md.
                See [the notes](../../notes/plan.md) and [a missing page](missing-page.md),
                [a missing anchor](#nowhere), and [the examples](../examples/profiles/).
                ## A heading
                [here](#a-heading)
                """;
        assertThat(outsideReferences(ROOT, docs, bad)).hasSize(5)
                .anySatisfy(p -> assertThat(p).contains(":1:").contains("shared/"))
                .anySatisfy(p -> assertThat(p).contains(":1:").contains("DESIGN.md"))
                .anySatisfy(p -> assertThat(p).contains("DOMAIN.md"))
                .anySatisfy(p -> assertThat(p).contains("CONVENTIONS.md"))
                .anySatisfy(p -> assertThat(p).contains(":2:").contains("../../notes/plan.md"));
        // from the top folder, one ../ already leaves the repository
        assertThat(outsideReferences(ROOT, ROOT.resolve("README.md"), "see `../elsewhere/notes.txt`"))
                .containsExactly("README.md:1: ../elsewhere/notes.txt leaves the repository");
        assertThat(brokenLinks(ROOT, docs, bad)).hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("missing-page.md"))
                .anySatisfy(p -> assertThat(p).contains("#nowhere"))
                .anySatisfy(p -> assertThat(p).contains("../../notes/plan.md"));
        String good = "[profiles](../examples/profiles/), [home](#words-and-units), [web](https://www.nice.org.uk/guidance/ng59)\n"
                + "## Words and units\n";
        assertThat(outsideReferences(ROOT, docs, good)).isEmpty();
        assertThat(brokenLinks(ROOT, docs, good)).isEmpty();
    }

    /** Every mention in {@code text} of a file outside the repository, as {@code file:line: what}. */
    static List<String> outsideReferences(Path root, Path file, String text) {
        List<String> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String where = root.relativize(file) + ":" + (i + 1) + ": ";
            Matcher notes = NOTES_OUTSIDE.matcher(lines[i]);
            while (notes.find()) {
                found.add(where + "names " + notes.group() + ", which is not in the repository");
            }
            Matcher climb = CLIMBING_PATH.matcher(lines[i]);
            while (climb.find()) {
                if (!file.getParent().resolve(climb.group()).normalize().startsWith(root)) {
                    found.add(where + climb.group() + " leaves the repository");
                }
            }
        }
        return found;
    }

    /** Every relative link in the Markdown {@code text} whose file (or heading) does not exist in the repository. */
    static List<String> brokenLinks(Path root, Path file, String text) {
        List<String> broken = new ArrayList<>();
        for (Pattern link : List.of(INLINE_LINK, REFERENCE_LINK)) {
            Matcher m = link.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (SCHEME.matcher(target).find()) {
                    continue;
                }
                String where = root.relativize(file) + ": link " + target;
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
                if (!resolved.startsWith(root)) {
                    broken.add(where + " leaves the repository");
                } else if (!path.isEmpty() && !Files.exists(resolved)) {
                    broken.add(where + " points to " + root.relativize(resolved) + ", which does not exist");
                } else if (anchor != null && resolved.toString().endsWith(".md")
                        && !anchors(resolved.equals(file) ? text : read(resolved)).contains(anchor)) {
                    broken.add(where + " names a heading that " + root.relativize(resolved) + " does not have");
                }
            }
        }
        return broken;
    }

    /** The anchors a Markdown renderer such as GitHub's gives the headings of {@code text}. */
    static Set<String> anchors(String text) {
        Set<String> anchors = new HashSet<>();
        Matcher m = HEADING.matcher(text);
        while (m.find()) {
            String slug = m.group(1).toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
                    .replace(' ', '-');
            String unique = slug;
            for (int n = 1; !anchors.add(unique); n++) {
                unique = slug + "-" + n;
            }
        }
        return anchors;
    }

    // --- the launcher ---

    @Test
    void a_rollwell_linked_onto_the_path_builds_and_runs_the_checkout_it_points_to(@TempDir Path tmp) throws Exception {
        Fixture f = new Fixture(tmp);
        Path bin = Files.createDirectories(tmp.resolve("home/.local/bin"));
        Files.createSymbolicLink(bin.resolve("rollwell"), f.launcher);

        Result first = f.run(bin, "rollwell programs");
        assertThat(first.exit).as(first.output).isZero();
        assertThat(f.log("mvnw.log")).as("the build ran in the checkout, not beside the link")
                .containsExactly(f.checkout + " -B -q -DskipTests -pl app -am package");
        assertThat(f.log("java.log")).anySatisfy(args -> assertThat(args)
                .contains("-jar " + f.checkout.resolve("app/target/rollwell.jar")).endsWith(" programs"));

        Result second = f.run(bin, "rollwell programs --json");
        assertThat(second.exit).as(second.output).isZero();
        assertThat(f.log("mvnw.log")).as("a built checkout is not rebuilt").hasSize(1);
        assertThat(f.log("java.log")).last(STRING).endsWith(" programs --json");
    }

    @Test
    void without_readlink_f_the_launcher_follows_a_chain_of_relative_links_itself(@TempDir Path tmp) throws Exception {
        Fixture f = new Fixture(tmp);
        Path realReadlink = Stream.of("/usr/bin/readlink", "/bin/readlink").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(realReadlink != null, "needs a readlink to wrap");
        // Like older macOS: readlink without -f.
        f.script(f.fakeBin.resolve("readlink"), "if [ \"$1\" = -f ]; then echo 'readlink: illegal option -- f' >&2; exit 1; fi\n"
                + "exec " + realReadlink + " \"$@\"\n");
        Path tools = Files.createDirectories(tmp.resolve("tools"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(tools.resolve("rollwell"), tools.relativize(f.launcher));
        Files.createSymbolicLink(bin.resolve("rw"), Path.of("../tools/rollwell"));

        Result run = f.run(bin, "rw programs");
        assertThat(run.exit).as(run.output).isZero();
        assertThat(f.log("mvnw.log")).hasSize(1).first(STRING).startsWith(f.checkout + " ");
        assertThat(f.log("java.log")).anySatisfy(args -> assertThat(args)
                .contains("-jar " + f.checkout.resolve("app/target/rollwell.jar")));
    }

    /**
     * A copy of the launcher in a checkout of its own, with a fake {@code ./mvnw} that logs where it
     * ran and "builds" the jar, and a fake {@code java} on the PATH that logs its arguments: the
     * launcher's logic, without Maven, the network or a real JVM start.
     */
    private static final class Fixture {
        final Path checkout;
        final Path launcher;
        final Path fakeBin;
        final Path logs;
        final Path elsewhere;

        Fixture(Path tmp) throws IOException {
            assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")), "needs bash");
            checkout = Files.createDirectories(tmp.resolve("src/rollwell")).toRealPath();
            logs = Files.createDirectories(tmp.resolve("logs"));
            fakeBin = Files.createDirectories(tmp.resolve("fake-bin"));
            elsewhere = Files.createDirectories(tmp.resolve("somewhere/else"));
            launcher = checkout.resolve("rollwell");
            Files.copy(ROOT.resolve("rollwell"), launcher);
            script(launcher, null);
            script(checkout.resolve("mvnw"), "echo \"$(pwd -P) $*\" >> '" + logs.resolve("mvnw.log") + "'\n"
                    + "mkdir -p app/target && echo jar > app/target/rollwell.jar\n");
            script(fakeBin.resolve("java"), "case \"$1\" in -version|--version) echo 'openjdk version \"17.0.9\"' >&2; exit 0;; esac\n"
                    + "echo \"$*\" >> '" + logs.resolve("java.log") + "'\n");
        }

        /** Makes {@code file} an executable script with {@code body} (or keeps its content when null). */
        void script(Path file, String body) throws IOException {
            if (body != null) {
                Files.writeString(file, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        /** Runs {@code command} through bash from an unrelated folder, with {@code bin} first on the PATH. */
        Result run(Path bin, String command) throws IOException, InterruptedException {
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).directory(elsewhere.toFile()).redirectErrorStream(true);
            pb.environment().put("PATH", bin + ":" + fakeBin + ":/usr/bin:/bin");
            pb.environment().remove("ROLLWELL_JAVA_OPTS");
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the launcher returns").isTrue();
            return new Result(p.exitValue(), output);
        }

        List<String> log(String name) throws IOException {
            Path file = logs.resolve(name);
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        }
    }

    private record Result(int exit, String output) {
    }

    // --- where things are ---

    private static List<Path> documents() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The reactor's root: the first folder up from the working directory that holds the launcher and docs/. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("rollwell")) && Files.isDirectory(dir.resolve("docs"))
                    && Files.isRegularFile(dir.resolve("pom.xml"))) {
                try {
                    return dir.toRealPath();
                } catch (IOException e) {
                    return dir;
                }
            }
        }
        throw new IllegalStateException("no Rollwell checkout above " + Path.of("").toAbsolutePath());
    }
}
