package upgrade.expr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The function packs installed for this process: the script that runs the engine installs the
 * packs its bundled mappings call, once, before anything loads them (as it bundles the mappings
 * themselves); every {@link Expressions} made afterwards without a list of its own offers them.
 */
public final class FunctionPacks {
    private static final Map<String, FunctionPack> INSTALLED = new LinkedHashMap<>();

    private FunctionPacks() {}

    /**
     * Installs {@code pack} under its namespace. Installing the same kind of pack again changes
     * nothing; another pack under a namespace already taken is a programming error.
     */
    public static synchronized void install(FunctionPack pack) {
        var namespace = pack.namespace();
        if (!namespace.matches("[A-Za-z_][A-Za-z0-9_]*") || namespace.equals(Expressions.BUILT_INS)) {
            throw new IllegalArgumentException("a function pack needs a namespace of its own (a name other than '"
                    + Expressions.BUILT_INS + "'), not '" + namespace + "'");
        }
        var earlier = INSTALLED.get(namespace);
        if (earlier != null && earlier.getClass() != pack.getClass()) {
            throw new IllegalStateException("the namespace '" + namespace + "' is taken by " + earlier.getClass().getName());
        }
        INSTALLED.putIfAbsent(namespace, pack);
    }

    /** The packs installed so far, in the order they were installed. */
    public static synchronized List<FunctionPack> installed() {
        return List.copyOf(INSTALLED.values());
    }
}
