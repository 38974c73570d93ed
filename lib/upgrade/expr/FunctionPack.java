package upgrade.expr;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A named set of functions that mapping expressions call as {@code NAMESPACE:NAME(...)}, beside the
 * built-in {@code fn:} ones: every public instance method of the pack's class is one (but the two
 * below). A pack holds what is true of one application only, so that the engine's built-ins stay
 * general. Like the built-ins, its functions are total: bad input gives null or an empty list.
 *
 * <p>Packs are installed explicitly by the script that runs the engine ({@link FunctionPacks#install}),
 * as Jdbi installs a plugin; nothing is discovered on the class path.
 */
public interface FunctionPack {
    /** The name expressions write before the colon, e.g. {@code acme} for {@code acme:NAME(...)}. */
    String namespace();

    /** The functions' names: the pack class's public instance methods. */
    default List<String> functionNames() {
        var own = Set.of("namespace", "functionNames");
        return Arrays.stream(getClass().getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class && !own.contains(m.getName()))
                .map(Method::getName).distinct().sorted().toList();
    }
}
