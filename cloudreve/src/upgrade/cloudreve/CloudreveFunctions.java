package upgrade.cloudreve;

import upgrade.expr.FunctionPack;
import upgrade.expr.JsonText;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * What the Cloudreve mappings need that no general function gives: the {@code cloudreve:} functions.
 * The entry scripts install this pack ({@code FunctionPacks.install(new CloudreveFunctions())});
 * docs/mapping-reference.md lists its functions.
 */
public final class CloudreveFunctions implements FunctionPack {
    @Override
    public String namespace() {
        return "cloudreve";
    }

    /**
     * File extensions from a V2 policy's {@code filetype} JSON ({@code [{"ext":"jpg,png","title":"default"}]}),
     * as V3 lists them in a policy's {@code file_type}: lower case, without dots, without MIME-like
     * pseudo entries such as {@code image/*}; empty for anything else.
     */
    public List<String> extensions(Object v2FileType) {
        var extensions = new LinkedHashSet<String>();
        var node = JsonText.readOrNull(v2FileType);
        if (node != null && node.isArray()) {
            for (var item : node) {
                for (var ext : item.path("ext").asText("").split(",")) {
                    var clean = ext.trim().toLowerCase(Locale.ROOT).replaceFirst("^\\.+", "");
                    if (!clean.isEmpty() && !clean.contains("/") && !clean.contains("*")) {
                        extensions.add(clean);
                    }
                }
            }
        }
        return new ArrayList<>(extensions);
    }
}
