package upgrade.expr;

import org.junit.jupiter.api.Test;
import upgrade.expr.LookupCall.RowColumn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which lookup keys are known from the row alone, before the row is evaluated. */
class LookupCallTest {

    @Test
    void keysOfRowColumnsAndConstantsAreKnownBeforeTheRowIsEvaluated() {
        assertThat(LookupCall.in("!lookup.v3_user.has(row.upload_user)"))
                .containsExactly(new LookupCall("v3_user", List.of(new RowColumn("upload_user"))));
        assertThat(LookupCall.in("row.dir == '/' ? lookup.v3_root.get(row.upload_user) : lookup.v2_folder.get(row.upload_user, row.dir)"))
                .containsExactly(new LookupCall("v3_root", List.of(new RowColumn("upload_user"))),
                        new LookupCall("v2_folder", List.of(new RowColumn("upload_user"), new RowColumn("dir"))));
        assertThat(LookupCall.in("lookup.setting.get('avatar_path') ?? 'avatar'"))
                .containsExactly(new LookupCall("setting", List.of("avatar_path")));
        assertThat(LookupCall.in("lookup.group.has(7)")).containsExactly(new LookupCall("group", List.of(7)));
    }

    @Test
    void keysThatDependOnOtherValuesAreLeftToTheEvaluation() {
        assertThat(LookupCall.in("lookup.file_owner.get(lookup.share.get(row.id))"))
                .containsExactly(new LookupCall("share", List.of(new RowColumn("id")))); // the outer key is an answer
        assertThat(LookupCall.in("lookup.v3_root.get(val.owner)")).isEmpty();
        assertThat(LookupCall.in("lookup.policy.keep(fn:jsonList(row.policies))")).isEmpty();
        assertThat(LookupCall.in("lookup.folder.get(row.owner, fn:trimSlashes(row.dir))")).isEmpty();
        assertThat(LookupCall.in("this is ( not JEXL")).isEmpty();
    }

    @Test
    void theKeyOfARowIsWhatTheExpressionPasses() {
        var call = new LookupCall("v2_folder", List.of(new RowColumn("upload_user"), new RowColumn("dir"), "x"));
        var row = new HashMap<String, Object>(Map.of("upload_user", 3L, "dir", "/a"));
        assertThat(call.key(row)).containsExactly(3L, "/a", "x");
        row.put("dir", null);
        assertThat(call.key(row)).containsExactly(3L, null, "x");
    }
}
