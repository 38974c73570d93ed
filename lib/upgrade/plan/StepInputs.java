package upgrade.plan;

import upgrade.engine.RunContext;

import java.nio.file.Path;

/**
 * What a step is built with: the run's shared context, and for files on disk V2's web root and
 * V3's directory (null when V2's web root is unknown) and whether it only says what it would copy.
 */
public record StepInputs(RunContext run, Path v2Root, Path v3Directory, boolean dryRun) {}
