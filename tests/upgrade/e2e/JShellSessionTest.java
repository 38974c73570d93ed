package upgrade.e2e;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;
import upgrade.support.TestSite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the JShell session README shows, line by line, against the test databases: the documentation cannot rot. */
class JShellSessionTest {

    /** The lines between README's jshell-session markers. */
    static List<String> readmeSession() throws IOException {
        var readme = Files.readString(readme());
        var start = readme.indexOf("<!-- jshell-session -->");
        var end = readme.indexOf("<!-- /jshell-session -->");
        assertThat(start).as("README has a jshell session").isPositive();
        var lines = new ArrayList<String>();
        for (var line : readme.substring(start, end).lines().toList()) {
            if (!line.isBlank() && !line.startsWith("<!--") && !line.startsWith("```")) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static Path readme() {
        return upgrade.support.ProjectRoot.get().resolve("README.md");
    }

    @Test
    void theSessionInReadmeRuns() throws IOException {
        var session = readmeSession();
        try (var site = TestSite.sample("cd_");
             var jshell = JShell.builder().executionEngine("local").build()) {
            jshell.addToClasspath(System.getProperty("java.class.path"));
            var values = new ArrayList<String>();
            for (var line : session) {
                var code = line.replace("jdbc:mysql://localhost:3306/cloudreve_v2?user=root", site.v2Url())
                        .replace("jdbc:mysql://localhost:3306/cloudreve_v3?user=root", site.v3Url())
                        .replace("withV3Prefix(\"cd_\")", "withV3Prefix(\"cd_\").withExportDirectory(java.nio.file.Path.of(\""
                                + site.exports() + "\"))");
                // as the jshell tool does for a line, complete a declaration with its semicolon
                var events = jshell.eval(code.startsWith("var ") && !code.endsWith(";") ? code + ";" : code);
                assertThat(events).as(line).isNotEmpty();
                for (SnippetEvent event : events) {
                    assertThat(event.exception()).as(line).isNull();
                    assertThat(event.status()).as(line + " " + jshell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList())
                            .isEqualTo(Snippet.Status.VALID);
                }
                values.add(events.get(events.size() - 1).value());
            }
            assertThat(values.get(1)).as("check passed").isEqualTo("true");
            assertThat(values.get(3)).as("trace").contains("users row 3: written", "group_id", "password");
            assertThat(values.get(4)).as("users written").isEqualTo("7");
            assertThat(values.get(5)).as("compare").isEqualTo("\"bob@example.com\"");
            assertThat(values.get(6)).as("verify passed").isEqualTo("true");
        }
    }

    @Test
    void previewTraceAndRunOneByHand() {
        try (var site = TestSite.sample("cd_"); var up = site.open()) {
            var preview = up.preview("groups", 5);
            assertThat(preview).hasSize(5).allSatisfy(trace -> assertThat(trace.outcome()).isEqualTo("written"));
            var trace = up.trace("users", 5);
            assertThat(trace.steps()).filteredOn(step -> step.what().equals("status")).singleElement().satisfies(step -> {
                assertThat(step.read()).containsEntry("user_status", 1).containsEntry("user_activation_key", "n");
                assertThat(step.gave()).isEqualTo(2); // banned
            });
            assertThat(up.trace("roots", 8).outcome()).isEqualTo("passed on: not a root folder (folders.yaml writes it)");
            assertThat(up.runOne("policies").written()).isEqualTo(5);
            assertThat(site.rows("SELECT COUNT(*) AS n FROM {p}policies").get(0).get("n")).isEqualTo(5L);
        }
    }
}
