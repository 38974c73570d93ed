package upgrade.expr;

import org.apache.commons.jexl3.JexlContext;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A mapping's {@code let:} values for one row, as expressions read them ({@code val.NAME}): each
 * is worked out at its first use in the row and then kept, so a value several rules read costs
 * one evaluation per row. The loader has checked that every name read is defined and that no
 * value reads itself through others.
 */
public final class LetValues extends AbstractMap<String, Object> {
    private final Map<String, Expression> expressions;
    private final JexlContext context;
    private final Map<String, Object> values = new HashMap<>();

    /** @param context the row's context, which holds this map as {@code val} (values may read one another) */
    public LetValues(Map<String, Expression> expressions, JexlContext context) {
        this.expressions = expressions;
        this.context = context;
    }

    @Override
    public Object get(Object name) {
        if (values.containsKey(name)) {
            return values.get(name);
        }
        var expression = expressions.get(name);
        if (expression == null) {
            return null;
        }
        var value = expression.evaluate(context);
        values.put((String) name, value);
        return value;
    }

    @Override
    public boolean containsKey(Object name) {
        return expressions.containsKey(name);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        var entries = new LinkedHashSet<Entry<String, Object>>();
        expressions.keySet().forEach(name -> entries.add(new SimpleImmutableEntry<>(name, get(name))));
        return entries;
    }
}
