package upgrade.support;

import upgrade.mapping.MappingFiles;
import upgrade.mapping.MappingLoader;
import upgrade.mapping.TargetVersions;

import java.util.List;

/**
 * The V3 releases target.yaml lists, and a stand-in database for those without a fixture of their
 * own: the 3.8.3 fixture with the changes of every later release undone, newest first. The tables
 * and columns a release added are target.yaml's ({@code adds}, v3-database.md §6); what else its
 * first start makes differently is in the tables below, from the reference: the default settings it
 * added, removed or gave a new value (§5.2, the earlier values from §5.1), and the column types a
 * new install gets (§6, §6.3), and the names of the rows it seeds (§3.3). So the stand-in of
 * release R has R's tables, columns, column types, default settings, seeded rows' names and
 * db_version. The options of its default policy and groups stay 3.8.3's (the reference gives them
 * for 3.0.0 and 3.8.3 only, §3.3), which the upgrade writes over (policies.yaml, groups.yaml).
 */
public final class V3Releases {
    public static final TargetVersions LISTED = MappingLoader.versions(MappingFiles.bundled());

    /** A default setting release {@code since} added: no release before has it (§5.2). */
    record AddedSetting(String since, String name) {}

    /** A default setting release {@code since} removed or changed: releases before have it with this type and value (§5.1, §5.2). */
    record EarlierSetting(String since, String type, String name, String value) {}

    /**
     * A column whose type a new install of release {@code since} creates differently (§6, §6.3):
     * releases before created it as {@code mysql} on MySQL and {@code sqlite} on SQLite (null: the same there).
     */
    record EarlierType(String since, String table, String column, String mysql, String sqlite) {}

    /** A row the first start seeds that release {@code since} named differently: releases before gave it this name (§3.3 steps 4, 5, 7). */
    record EarlierName(String since, String table, int id, String name) {}

    static final List<AddedSetting> ADDED_SETTINGS = List.of(
            added("3.1.0", "siteICPId", "siteScript", "smtpEncryption"),
            added("3.3.0", "folder_props_timeout"),
            added("3.3.1", "captcha_type", "captcha_TCaptcha_CaptchaAppId", "captcha_TCaptcha_AppSecretKey",
                    "captcha_TCaptcha_SecretId", "captcha_TCaptcha_SecretKey"),
            added("3.4.0", "siteID", "office_preview_service", "slave_node_retry", "slave_ping_interval",
                    "slave_recover_interval", "slave_transfer_timeout"),
            added("3.5.0", "chunk_retries", "cron_recycle_upload_session", "use_temp_chunk_buffer", "thumb_file_suffix",
                    "thumb_max_task_count", "thumb_encode_method", "thumb_gc_after_gen", "thumb_encode_quality"),
            added("3.6.0", "public_resource_maxage", "show_app_promotion"),
            added("3.7.0", "wopi_enabled", "wopi_endpoint", "wopi_max_size", "wopi_session_timeout"),
            added("3.8.0", "thumb_builtin_enabled", "thumb_vips_enabled", "thumb_vips_path", "thumb_vips_exts",
                    "thumb_ffmpeg_enabled", "thumb_ffmpeg_path", "thumb_ffmpeg_seek", "thumb_ffmpeg_exts",
                    "thumb_libreoffice_enabled", "thumb_libreoffice_path", "thumb_libreoffice_exts",
                    "thumb_proxy_enabled", "thumb_proxy_policy", "thumb_max_src_size"))
            .stream().flatMap(List::stream).toList();

    static final List<EarlierSetting> EARLIER_SETTINGS = List.of(
            new EarlierSetting("3.3.1", "captcha", "captcha_IsUseReCaptcha", "0"),
            new EarlierSetting("3.4.0", "aria2", "aria2_token", ""),
            new EarlierSetting("3.4.0", "aria2", "aria2_rpcurl", ""),
            new EarlierSetting("3.4.0", "aria2", "aria2_temp_path", ""),
            new EarlierSetting("3.4.0", "aria2", "aria2_options", "{}"),
            new EarlierSetting("3.4.0", "aria2", "aria2_interval", "60"),
            new EarlierSetting("3.4.0", "timeout", "aria2_call_timeout", "5"),
            new EarlierSetting("3.5.0", "timeout", "archive_timeout", "60"),
            new EarlierSetting("3.5.0", "timeout", "download_timeout", "60"),
            new EarlierSetting("3.5.0", "timeout", "preview_timeout", "60"),
            new EarlierSetting("3.5.0", "timeout", "doc_preview_timeout", "60"),
            new EarlierSetting("3.5.0", "retry", "onedrive_chunk_retries", "1"),
            new EarlierSetting("3.5.0", "timeout", "upload_credential_timeout", "1800"),
            new EarlierSetting("3.6.0", "basic", "siteICPId", ""),
            new EarlierSetting("3.6.0", "basic", "siteKeywords", "网盘，网盘"),
            new EarlierSetting("3.6.0", "basic", "siteTitle", "平步云端"),
            new EarlierSetting("3.7.0", "file_edit", "maxEditSize", "4194304"));

    static final List<EarlierType> EARLIER_TYPES = List.of(
            new EarlierType("3.2.0", "downloads", "attrs", "text", null),
            new EarlierType("3.4.0", "users", "options", "varchar(255)", "varchar(255)"),
            new EarlierType("3.5.2", "users", "options", "text", null),
            new EarlierType("3.5.2", "users", "authn", "text", null),
            new EarlierType("3.5.2", "groups", "options", "varchar(255)", "varchar(255)"));

    static final List<EarlierName> EARLIER_NAMES = List.of(
            new EarlierName("3.6.0", "policies", 1, "默认存储策略"),
            new EarlierName("3.6.0", "groups", 1, "管理员"),
            new EarlierName("3.6.0", "groups", 2, "注册会员"),
            new EarlierName("3.6.0", "groups", 3, "游客"),
            new EarlierName("3.6.0", "nodes", 1, "主机（本机）"));

    static {
        var sinces = new java.util.ArrayList<String>();
        ADDED_SETTINGS.forEach(fact -> sinces.add(fact.since()));
        EARLIER_SETTINGS.forEach(fact -> sinces.add(fact.since()));
        EARLIER_TYPES.forEach(fact -> sinces.add(fact.since()));
        EARLIER_NAMES.forEach(fact -> sinces.add(fact.since()));
        sinces.forEach(since -> LISTED.find(since).orElseThrow(() -> new IllegalStateException(since + " is no release target.yaml lists")));
    }

    private V3Releases() {}

    /** Every release's name, oldest first. */
    public static List<String> names() {
        return LISTED.known().stream().map(TargetVersions.Version::name).toList();
    }

    /** Turns a 3.8.3 first-start database (prefix {@code prefix}) into release {@code name}'s stand-in. */
    public static void reduce(StandInSchema schema, String prefix, String name) {
        var index = LISTED.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(name + " is no release target.yaml lists");
        }
        for (int i = LISTED.known().size() - 1; i > index; i--) {
            undo(schema, prefix, LISTED.known().get(i));
        }
        setting(schema, prefix, "UPDATE %s SET name = 'db_version_" + LISTED.known().get(index).marker() + "' WHERE type = 'version'");
    }

    /** Makes the database as it was before {@code release}: what it added goes, what it removed or changed comes back. */
    private static void undo(StandInSchema schema, String prefix, TargetVersions.Version release) {
        var since = release.name();
        for (var added : release.adds()) {
            var dot = added.indexOf('.');
            if (dot < 0) {
                schema.dropTable(prefix + added);
            } else {
                schema.dropColumn(prefix + added.substring(0, dot), added.substring(dot + 1));
            }
        }
        ADDED_SETTINGS.stream().filter(fact -> fact.since().equals(since))
                .forEach(fact -> setting(schema, prefix, "DELETE FROM %s WHERE name = '" + fact.name() + "'"));
        for (var fact : EARLIER_SETTINGS) {
            if (fact.since().equals(since)) {
                // removed, or given a new default: inserted as the first start did, at the db_version row's time
                setting(schema, prefix, "DELETE FROM %s WHERE name = '" + fact.name() + "'");
                setting(schema, prefix, "INSERT INTO %1$s (created_at, updated_at, type, name, value) SELECT created_at, updated_at, '"
                        + fact.type() + "', '" + fact.name() + "', '" + fact.value() + "' FROM %1$s WHERE type = 'version'");
            }
        }
        for (var fact : EARLIER_NAMES) {
            if (fact.since().equals(since)) {
                schema.execute("UPDATE " + schema.quote(prefix + fact.table()) + " SET name = '" + fact.name() + "' WHERE id = " + fact.id());
            }
        }
        for (var fact : EARLIER_TYPES) {
            var type = schema.isSqlite() ? fact.sqlite() : fact.mysql();
            if (fact.since().equals(since) && type != null) {
                schema.retype(prefix + fact.table(), fact.column(), type);
            }
        }
    }

    private static void setting(StandInSchema schema, String prefix, String sql) {
        schema.execute(sql.formatted(schema.quote(prefix + "settings")));
    }

    private static List<AddedSetting> added(String since, String... names) {
        return java.util.Arrays.stream(names).map(name -> new AddedSetting(since, name)).toList();
    }
}
