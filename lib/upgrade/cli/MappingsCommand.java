package upgrade.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import upgrade.Upgrade;
import upgrade.expr.Builtins;
import upgrade.expr.Expressions;
import upgrade.mapping.MappingException;
import upgrade.mapping.MappingFiles;
import upgrade.mapping.MappingLoader;
import upgrade.mapping.MappingSet;
import upgrade.mapping.MergedView;
import upgrade.mapping.RowMapping;
import upgrade.mapping.Where;
import upgrade.plan.MappingKinds;
import upgrade.report.DriftPrinter;
import upgrade.site.SiteProfiles;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.concurrent.Callable;

/** {@code upgrade mappings ...}: the mapping files a run would use. */
@Command(name = "mappings", mixinStandardHelpOptions = true,
        description = "Lists, shows, validates the mapping files, and reports what a V2 site has that no mapping reads.",
        subcommands = {MappingsCommand.List.class, MappingsCommand.Show.class, MappingsCommand.Validate.class, MappingsCommand.DriftReport.class})
public final class MappingsCommand {

    /** Parsed only (no databases here); the time zone does not matter for listing. */
    static MappingSet load(MappingFiles files) {
        return new MappingLoader(new Expressions(new Builtins(SiteProfiles.current().defaultOptions().v2TimeZone(), Instant.now()))).load(files);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the mappings in the order they run, with what each reads and writes.")
    static final class List implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--mappings", paramLabel = "DIR", description = "Your mapping files, laid over the bundled ones.")
        Path directory;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            var files = MappingFiles.bundledWith(directory);
            var set = load(files);
            var from = new HashMap<String, String>();
            files.files().forEach(file -> from.put(file.name(), file.from().isEmpty() ? "bundled" : file.from()));
            out.printf("%-26s %-10s %-24s %-14s %-9s %s%n", "mapping", "kind", "from", "into", "checksum", "file");
            for (var mapping : set.mappings()) {
                out.printf("%-26s %-10s %-24s %-14s %08x  %s (%s)%n", mapping.name(), MappingKinds.label(mapping),
                        mapping.source() == null ? "-" : mapping.source(), mapping.target() == null ? "-" : mapping.target(),
                        mapping.origin().checksum(), mapping.origin().file(), from.getOrDefault(mapping.origin().file(), "bundled"));
            }
            out.printf("%d mappings; checksum of all %08x%n", set.mappings().size(), set.checksum());
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints the mapping file a run would use for NAME (after --mappings).")
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "A mapping's name, e.g. users")
        String name;

        @Option(names = "--mappings", paramLabel = "DIR", description = "Your mapping files, laid over the bundled ones.")
        Path directory;

        @Option(names = "--merged", description = {"Print the mapping as a run uses it: merged onto the file it extends, with the shared",
                "lookups it reads; each part says the file and line it comes from."})
        boolean merged;

        @Override
        public Integer call() {
            var files = MappingFiles.bundledWith(directory);
            var file = files.files().stream().filter(f -> f.name().replaceFirst("\\.ya?ml$", "").equals(name)).findFirst()
                    .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "no mapping named '" + name + "'; see 'mappings list'"));
            var out = spec.commandLine().getOut();
            if (merged) {
                out.print(MergedView.of(files, load(files), file));
            } else {
                out.println("# " + file.name() + " (" + (file.from().isEmpty() ? "bundled" : file.from()) + ")");
                out.print(file.text());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Checks the mapping files against both live databases, as a run does before reading any row.")
    static final class Validate extends DatabaseCommand {
        @Override
        protected int run(Upgrade upgrade, PrintWriter out) {
            var set = upgrade.mappings();
            set.version().ifPresent(version -> out.println("Target: " + version.describe() + ", found in its database; the mappings are that release's."));
            out.printf("The %d mappings are valid against both databases (checksum %08x).%n", set.mappings().size(), set.checksum());
            return ExitCodes.OK;
        }
    }

    @Command(name = "drift", mixinStandardHelpOptions = true,
            description = {"Lists where the V2 site and the mappings differ, both ways. A warning, unless --strict.",
                    "V2's side: tables no mapping reads, and columns no mapping reads or lists under 'ignored' "
                            + "(e.g. a column a modified V2 added). The mappings' side: tables and columns they read that V2 lacks."})
    static final class DriftReport extends DatabaseCommand {
        @Option(names = "--strict", description = "Exit with 3 (mapping error) when V2 and the mappings differ.")
        boolean strict;

        @Override
        protected int run(Upgrade upgrade, PrintWriter out) {
            var draft = upgrade.draft();
            var findings = upgrade.drift(draft);
            var source = draft.mappings().source().name();
            new DriftPrinter(out, source).print(findings);
            if (!findings.isEmpty()) {
                out.println(findings.size() + " difference(s) between " + source + " and the mappings: map what nothing migrates, or list it"
                        + " under 'ignored' with the reason; correct or remove what the mappings read but " + source + " lacks.");
            }
            out.flush();
            if (strict && !findings.isEmpty()) {
                throw new MappingException(new Where("mappings drift --strict", 0, 0),
                        findings.size() + " difference(s) between the " + source + " database and the mappings", "see the list above");
            }
            return ExitCodes.OK;
        }
    }
}
