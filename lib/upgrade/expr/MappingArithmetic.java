package upgrade.expr;

import org.apache.commons.jexl3.JexlArithmetic;

import java.util.Collection;

/**
 * JEXL's arithmetic with one change: {@code x =~ [1, 2]} compares like {@code ==}, so a V2 column
 * read as a Long is found in a list or array of literal integers (plain JEXL uses {@code equals},
 * where Long 2 and Integer 2 differ).
 */
final class MappingArithmetic extends JexlArithmetic {
    MappingArithmetic() {
        super(true);
    }

    @Override
    public Boolean contains(Object container, Object value) {
        if (container instanceof Collection<?> collection) {
            return collection.stream().anyMatch(element -> equals(element, value));
        }
        if (container != null && container.getClass().isArray()) { // a literal [1, 2] is an array
            for (int i = 0; i < java.lang.reflect.Array.getLength(container); i++) {
                if (equals(java.lang.reflect.Array.get(container, i), value)) {
                    return true;
                }
            }
            return false;
        }
        return super.contains(container, value);
    }
}
