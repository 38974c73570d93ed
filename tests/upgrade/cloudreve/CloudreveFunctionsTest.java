package upgrade.cloudreve;

import org.junit.jupiter.api.Test;
import upgrade.expr.Builtins;
import upgrade.expr.Expressions;
import upgrade.mapping.MappingException;
import upgrade.mapping.Where;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The cloudreve: functions the bundled mappings call, called directly. */
class CloudreveFunctionsTest {
    private final CloudreveFunctions fn = new CloudreveFunctions();

    @Test
    void theNamespaceAndTheFunctionsAreThePublicMethods() {
        assertThat(fn.namespace()).isEqualTo("cloudreve");
        assertThat(fn.functionNames()).containsExactly("extensions");
    }

    @Test
    void expressionsCallThePackUnderItsNamespace() {
        var expressions = new Expressions(new Builtins(ZoneId.of("UTC"), Instant.EPOCH), List.of(fn));
        var where = new Where("policies.yaml", 101, 18);
        assertThat(expressions.compile("cloudreve:extensions('[{\"ext\":\"JPG,png\"}]')", where).evaluate(new org.apache.commons.jexl3.MapContext()))
                .isEqualTo(List.of("jpg", "png"));
        var misspelt = catchThrowableOfType(MappingException.class, () -> expressions.compile("cloudreve:extension(row.filetype)", where));
        assertThat(misspelt).hasMessage("policies.yaml:101:18: unknown function 'cloudreve:extension'");
        assertThat(misspelt.hint()).isEqualTo("did you mean 'cloudreve:extensions'? functions of cloudreve: extensions");
        assertThat(expressions.functions()).containsKeys("fn", "cloudreve");
    }

    @Test
    void extensionsAreLowerCaseWithoutDotsAndPseudoEntries() {
        assertThat(fn.extensions("[{\"ext\":\"jpg,png,gif,image/*,MP4,.txt\",\"title\":\"default\"}]"))
                .containsExactly("jpg", "png", "gif", "mp4", "txt");
    }

    @Test
    void extensionsOfSeveralEntriesAreMergedWithoutDuplicates() {
        assertThat(fn.extensions("[{\"ext\":\"jpg,png\",\"title\":\"a\"},{\"ext\":\"PNG, zip ,*\",\"title\":\"b\"},{\"title\":\"c\"}]"))
                .containsExactly("jpg", "png", "zip");
    }

    @Test
    void extensionsOfEmptyOrNonListValuesAreEmpty() {
        assertThat(fn.extensions("[]")).isEmpty();
        assertThat(fn.extensions("0")).isEmpty();
        assertThat(fn.extensions("")).isEmpty();
        assertThat(fn.extensions(null)).isEmpty();
        assertThat(fn.extensions("{\"ext\":\"jpg\"}")).isEmpty();
        assertThat(fn.extensions("not json")).isEmpty();
    }
}
