package upgrade.mapping;

import upgrade.expr.Template;

import java.util.ArrayList;
import java.util.List;

/** Reads the items of a mapping's lists: conditions ({@code only}, {@code skip}, {@code notes}) and checks ({@code refuse}, {@code require}). */
final class ItemParser {
    private final Scope scope;

    ItemParser(Scope scope) {
        this.scope = scope;
    }

    List<Check> checks(YamlNode root, String key, String expressionKey, boolean failsWhenTrue) {
        var list = new ArrayList<Check>();
        root.get(key).ifPresent(node -> node.items().forEach(item -> {
            item.onlyKeys(List.of("check", expressionKey, "message", "fix"), "an item of '" + key + "'");
            var expression = item.require(expressionKey, "give the condition as an expression");
            var message = item.require("message", "say what is wrong, e.g. message: \"...\"");
            list.add(new Check(
                    MappingLoader.oneLine(item.get("check").orElse(message).text()),
                    scope.compile(expression.text(), expression.where()), failsWhenTrue,
                    template(message),
                    item.get("fix").map(YamlNode::text).map(MappingLoader::oneLine).orElse("")));
        }));
        return list;
    }

    List<Condition> conditions(YamlNode root, String key, String textKey) {
        var list = new ArrayList<Condition>();
        var designed = !key.equals("only"); // passing a row on to another mapping drops nothing
        root.get(key).ifPresent(node -> node.items().forEach(item -> {
            item.onlyKeys(designed ? List.of("when", textKey, "by_design") : List.of("when", textKey), "an item of '" + key + "'");
            var when = item.require("when", "give the condition as an expression, e.g. when: \"row.owner == 0\"");
            var text = item.require(textKey, "say in words why, e.g. " + textKey + ": \"...\"");
            var byDesign = item.get("by_design").map(n -> MappingLoader.flag(n, "by_design")).orElse(false);
            // Only texts with ${...} parts are templates: plain ones stay exactly as written (and cost nothing per row).
            var template = text.text().contains("${") ? template(text) : null;
            if (byDesign && template != null) {
                throw new MappingException(item.get("by_design").get().where(), "a " + textKey + " by design is counted under its text, so it must be plain text",
                        "write the " + textKey + " without ${...}, or leave out by_design");
            }
            list.add(new Condition(scope.compile(when.text(), when.where()), MappingLoader.oneLine(text.text()), template, byDesign));
        }));
        return list;
    }

    Template template(YamlNode node) {
        return scope.template(MappingLoader.oneLine(node.text()), node.where());
    }
}
