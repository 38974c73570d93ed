package upgrade.expr;

import org.apache.commons.jexl3.MapContext;
import org.junit.jupiter.api.Test;
import upgrade.mapping.MappingException;
import upgrade.mapping.Where;

import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

/** Mapping expressions compiled by {@link Expressions} and evaluated against a row, parameters and lookups. */
class ExpressionsTest {
    private static final Instant RUN_STARTED = Instant.parse("2024-05-01T12:00:00Z");
    private static final Where WHERE = new Where("users.yaml", 12, 9);

    private final Expressions expressions = new Expressions(new Builtins(ZoneId.of("Asia/Shanghai"), RUN_STARTED));

    private static MapContext context() {
        var row = new HashMap<String, Object>();
        row.put("id", 2L);
        row.put("user_nick", "  Alice  ");
        row.put("user_date", "2019-03-17 09:12:45");
        row.put("avatar", "g.0123abcd");
        row.put("speed", "512");
        row.put("max_storage", 104857600L);
        row.put("policy_type", "oss");
        row.put("template", "Welcome to {siteUrl}");
        row.put("nothing", null);
        var policies = Map.<String, Object>of("1", "default", "3", "oss");
        var lookup = Map.of("policy", new LookupTable(key -> Optional.ofNullable(policies.get(key.get(0).toString()))));
        var context = new MapContext();
        context.set("row", row);
        context.set("param", Map.of("salt", "s4lt"));
        context.set("lookup", lookup);
        return context;
    }

    private Object eval(String text) {
        return expressions.compile(text, WHERE).evaluate(context());
    }

    @Test
    void arithmeticAndComparisons() {
        assertThat(eval("1 + 2 * 3")).isEqualTo(7);
        assertThat(eval("row.max_storage / 1024 / 1024")).isEqualTo(100L);
        assertThat(eval("row.id == 2")).isEqualTo(true);
        assertThat(eval("row.id != 2 || row.max_storage > 0")).isEqualTo(true);
        assertThat(eval("'md5:' + 'abc' + ':' + param.salt")).isEqualTo("md5:abc:s4lt");
    }

    @Test
    void ternariesChooseABranch() {
        assertThat(eval("row.id == 2 ? 'guests' : 'other'")).isEqualTo("guests");
        assertThat(eval("row.id == 1 ? 'admins' : (row.id == 2 ? 3 : row.id)")).isEqualTo(3);
        assertThat(eval("row.max_storage > 0 ? row.max_storage : 0")).isEqualTo(104857600L);
    }

    @Test
    void startsWithOperator() {
        assertThat(eval("row.avatar =^ 'g.' ? 'gravatar' : (row.avatar =^ 'f.' ? 'file' : '')")).isEqualTo("gravatar");
        assertThat(eval("row.avatar =^ 'f.'")).isEqualTo(false);
    }

    @Test
    void matchOperatorWithAListIsMembership() {
        assertThat(eval("row.policy_type =~ ['local', 'qiniu', 'oss']")).isEqualTo(true);
        assertThat(eval("!(row.policy_type =~ ['local', 'qiniu'])")).isEqualTo(true);
        assertThat(eval("2 =~ [1, 2, 3]")).isEqualTo(true);
        assertThat(eval("row.id =~ fn:ids('1,2,3')")).isEqualTo(true);
        assertThat(eval("row.id =~ [5, 6]")).isEqualTo(false);
    }

    @Test
    void matchOperatorFindsALongColumnValueInAListOfNumberLiterals() {
        assertThat(eval("row.id == 2")).isEqualTo(true);
        assertThat(eval("row.id =~ [1, 2, 3]")).isEqualTo(true);
    }

    @Test
    void nullCoalescing() {
        assertThat(eval("row.nothing ?? 'fallback'")).isEqualTo("fallback");
        assertThat(eval("row.user_date ?? 'fallback'")).isEqualTo("2019-03-17 09:12:45");
        assertThat(eval("fn:time('0000-00-00 00:00:00') ?? fn:now()")).isEqualTo(RUN_STARTED);
        assertThat(eval("(fn:number(row.speed) ?? 0) > 0 ? fn:number(row.speed) * 1024 : 0")).isEqualTo(524288L);
    }

    @Test
    void builtinsAreCalledThroughTheFnNamespace() {
        assertThat(eval("fn:time(row.user_date)")).isEqualTo(Instant.parse("2019-03-17T01:12:45Z"));
        assertThat(eval("fn:now()")).isEqualTo(RUN_STARTED);
        assertThat(eval("fn:ids('2', '2,1')")).isEqualTo(List.of(2L, 1L));
        assertThat(eval("fn:json(fn:ids('3,1'))")).isEqualTo("[3,1]");
        assertThat(eval("fn:truncate(row.user_nick, 4)")).isEqualTo("  Al");
        assertThat(eval("fn:blank(row.nothing)")).isEqualTo(true);
        assertThat(eval("fn:md5('sdshareadmin')")).isEqualTo("d8446059f8846a2c111a7f53515665fb");
        assertThat(eval("fn:host('https://bucket.oss-cn-hangzhou.aliyuncs.com').replace('bucket' + '.', '')"))
                .isEqualTo("oss-cn-hangzhou.aliyuncs.com");
    }

    @Test
    void lookupTablesAreReachable() {
        assertThat(eval("lookup.policy.has(1)")).isEqualTo(true);
        assertThat(eval("lookup.policy.has(2)")).isEqualTo(false);
        assertThat(eval("lookup.policy.get(3)")).isEqualTo("oss");
        assertThat(eval("fn:json(lookup.policy.keep(fn:ids('2,1,3')))")).isEqualTo("[1,3]");
    }

    @Test
    void stringMethodsWork() {
        assertThat(eval("row.user_nick.trim()")).isEqualTo("Alice");
        assertThat(eval("row.template.replace('{siteUrl}', 'https://pan.example.com')")).isEqualTo("Welcome to https://pan.example.com");
        assertThat(eval("row.avatar.substring(2)")).isEqualTo("0123abcd");
        assertThat(eval("row.user_nick.trim().length()")).isEqualTo(5);
    }

    @Test
    void variablesReportEveryPathRead() {
        var expression = expressions.compile("fn:truncate(row.user_nick, 50) + param.salt + lookup.policy.get(row.id)", WHERE);
        assertThat(expression.variables()).containsExactlyInAnyOrder(
                List.of("row", "user_nick"), List.of("param", "salt"), List.of("lookup", "policy"), List.of("row", "id"));
        assertThat(expression.text()).isEqualTo("fn:truncate(row.user_nick, 50) + param.salt + lookup.policy.get(row.id)");
        assertThat(expression.where()).isEqualTo(WHERE);
    }

    @Test
    void constantsReadNoVariables() {
        assertThat(expressions.compile("'x' + 1", WHERE).variables()).isEmpty();
    }

    @Test
    void anUnknownRootVariableFailsAtCompileWithItsPlace() {
        var thrown = catchThrowable(() -> expressions.compile("foo.bar == 1", WHERE));
        assertThat(thrown).isInstanceOf(MappingException.class)
                .hasMessage("users.yaml:12:9: the expression reads an unknown variable 'foo'");
        assertThat(((MappingException) thrown).where()).isEqualTo(WHERE);
    }

    @Test
    void anUnquotedWordIsAnUnknownVariable() {
        assertThatThrownBy(() -> expressions.compile("row.type == local", WHERE))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("users.yaml:12:9: ")
                .hasMessageContaining("unknown variable 'local'");
    }

    @Test
    void aSyntaxErrorFailsAtCompileWithItsPlace() {
        assertThatThrownBy(() -> expressions.compile("row.a +", WHERE))
                .isInstanceOf(MappingException.class)
                .hasMessage("users.yaml:12:9: the expression 'row.a +' is not valid: parsing error in '+'");
    }

    @Test
    void loopsAndAssignmentsAreRejected() {
        assertThatThrownBy(() -> expressions.compile("for (var x : [1, 2]) { x }", WHERE))
                .isInstanceOf(MappingException.class).hasMessageStartingWith("users.yaml:12:9: ");
        assertThatThrownBy(() -> expressions.compile("row.id = 5", WHERE))
                .isInstanceOf(MappingException.class).hasMessageStartingWith("users.yaml:12:9: ");
    }

    @Test
    void objectsCannotBeCreated() {
        assertNeverReturns("new('java.io.File', '/tmp')", File.class);
        assertNeverReturns("new('java.lang.ProcessBuilder', ['id'])", ProcessBuilder.class);
    }

    @Test
    void reflectionAndRuntimeAreOutOfReach() {
        assertNeverReturns("''.getClass().forName('java.lang.Runtime')", Class.class);
        assertNeverReturns("''.getClass().forName('java.lang.Runtime').getRuntime()", Runtime.class);
        assertNeverReturns("''.class.forName('java.lang.Runtime').getRuntime()", Runtime.class);
        assertNeverReturns("''.getClass().getClassLoader()", ClassLoader.class);
        // getClass() itself answers (JEXL allows it), but nothing on the Class it gives can be called
        assertNeverReturns("''.getClass().getName()", String.class);
        assertNeverReturns("row.getClass().getMethods()", Object[].class);
    }

    @Test
    void failuresAtEvaluationAreExpressionFailures() {
        var expression = expressions.compile("row.nothing.trim()", WHERE);
        assertThatThrownBy(() -> expression.evaluate(context()))
                .isInstanceOf(Expression.ExpressionFailure.class)
                .satisfies(e -> assertThat(((Expression.ExpressionFailure) e).expression()).isSameAs(expression));
    }

    @Test
    void aFunctionOfAPackThatIsNotInstalledFailsAtCompileWithItsPlace() {
        var bare = new Expressions(new Builtins(ZoneId.of("UTC"), RUN_STARTED), List.of());
        var thrown = catchThrowable(() -> bare.compile("row.id > 1 ? acme:shout(row.user_nick) : ''", WHERE));
        assertThat(thrown).isInstanceOf(MappingException.class)
                .hasMessage("users.yaml:12:9: unknown function 'acme:shout': no function pack 'acme' is installed");
        assertThat(((MappingException) thrown).hint()).startsWith("functions are fn:NAME;");
    }

    @Test
    void aTernaryOrAQuotedColonIsNoFunctionCall() {
        assertThat(eval("row.id == 3 ? row.id : size(row.user_nick)")).isEqualTo(9);
        assertThat(eval("row.id==2?row.speed:size(row.user_nick)")).isEqualTo("512");
        assertThat(eval("'see acme:shout(' + fn:blank(row.nothing) + \")\"")).isEqualTo("see acme:shout(true)");
    }

    @Test
    void theBuiltInNamespaceIsNoPacksToTake() {
        FunctionPack takesFn = () -> Expressions.BUILT_INS;
        assertThatThrownBy(() -> FunctionPacks.install(takesFn)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a name other than 'fn'");
    }

    /** The expression must fail, at compile or at evaluation, and never hand back an object of {@code forbidden}. */
    private void assertNeverReturns(String text, Class<?> forbidden) {
        Expression expression;
        try {
            expression = expressions.compile(text, WHERE);
        } catch (MappingException e) {
            assertThat(e).hasMessageStartingWith("users.yaml:12:9: ");
            return;
        }
        Object result;
        try {
            result = expression.evaluate(context());
        } catch (Expression.ExpressionFailure e) {
            return;
        }
        assertThat(result).as("%s evaluated to", text).isNotInstanceOf(forbidden);
        fail("%s evaluated to %s instead of failing", text, result);
    }

}
