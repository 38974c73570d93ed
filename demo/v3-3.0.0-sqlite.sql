-- Cloudreve V3 3.0.0: schema exactly as gorm v1.9.11 creates it on SQLite (sqlite3
-- dialect; the default install), followed by the rows 3.0.0 inserts at first start
-- (migration() steps 4-6 and 8: default policy, groups 1-3, admin user 1 with its root
-- folder, 81 default settings). The rows are those of v3-3.0.0-mysql.sql.
-- Written from /work/shared/reference/v3-database.md sections 2.4, 3.3, 5.1 and 6.3.
--
-- {{prefix}} is a literal placeholder for the table prefix: replace it before running.
-- A default install has none (the empty string); section 1.1. It occurs in table names
-- and in gorm's auto-named indexes (idx_<prefix><table>_deleted_at,
-- uix_<prefix>users_email); explicitly named indexes carry no prefix.
-- Each CREATE statement is on one line, exactly as gorm sends it (V3's later starts test
-- for columns and indexes by matching this text, section 2.4). gorm creates the indexes
-- of a table right after the table, in random (map) order.
-- users.options and groups.options are varchar(255) (malformed struct tag);
-- settings.value and downloads.g_id are text (unparsable size tags; no gid index).

-- ---- users (3.0.0: options varchar(255))
CREATE TABLE "{{prefix}}users" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"email" varchar(100),"nick" varchar(50),"password" varchar(255),"status" integer,"group_id" integer,"storage" bigint,"two_factor" varchar(255),"avatar" varchar(255),"options" varchar(255),"authn" text );
CREATE INDEX idx_{{prefix}}users_deleted_at ON "{{prefix}}users"(deleted_at);
CREATE UNIQUE INDEX uix_{{prefix}}users_email ON "{{prefix}}users"("email");

-- ---- settings
CREATE TABLE "{{prefix}}settings" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"type" varchar(255) NOT NULL,"name" varchar(255) NOT NULL UNIQUE,"value" text );
CREATE INDEX idx_{{prefix}}settings_deleted_at ON "{{prefix}}settings"(deleted_at);
CREATE INDEX setting_key ON "{{prefix}}settings"("name");

-- ---- groups (3.0.0: options varchar(255))
CREATE TABLE "{{prefix}}groups" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"name" varchar(255),"policies" varchar(255),"max_storage" bigint,"share_enabled" bool,"web_dav_enabled" bool,"speed_limit" integer,"options" varchar(255) );
CREATE INDEX idx_{{prefix}}groups_deleted_at ON "{{prefix}}groups"(deleted_at);

-- ---- policies
CREATE TABLE "{{prefix}}policies" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"name" varchar(255),"type" varchar(255),"server" varchar(255),"bucket_name" varchar(255),"is_private" bool,"base_url" varchar(255),"access_key" text,"secret_key" text,"max_size" bigint,"auto_rename" bool,"dir_name_rule" varchar(255),"file_name_rule" varchar(255),"is_origin_link_enable" bool,"options" text );
CREATE INDEX idx_{{prefix}}policies_deleted_at ON "{{prefix}}policies"(deleted_at);

-- ---- folders
CREATE TABLE "{{prefix}}folders" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"name" varchar(255),"parent_id" integer,"owner_id" integer );
CREATE INDEX idx_{{prefix}}folders_deleted_at ON "{{prefix}}folders"(deleted_at);
CREATE INDEX parent_id ON "{{prefix}}folders"(parent_id);
CREATE INDEX owner_id ON "{{prefix}}folders"(owner_id);
CREATE UNIQUE INDEX idx_only_one_name ON "{{prefix}}folders"("name", parent_id);

-- ---- files
CREATE TABLE "{{prefix}}files" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"name" varchar(255),"source_name" text,"user_id" integer,"size" bigint,"pic_info" varchar(255),"folder_id" integer,"policy_id" integer );
CREATE INDEX idx_{{prefix}}files_deleted_at ON "{{prefix}}files"(deleted_at);
CREATE INDEX user_id ON "{{prefix}}files"(user_id);
CREATE INDEX folder_id ON "{{prefix}}files"(folder_id);
CREATE UNIQUE INDEX idx_only_one ON "{{prefix}}files"("name", user_id, folder_id);

-- ---- shares
CREATE TABLE "{{prefix}}shares" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"password" varchar(255),"is_dir" bool,"user_id" integer,"source_id" integer,"views" integer,"downloads" integer,"remain_downloads" integer,"expires" datetime,"preview_enabled" bool,"source_name" varchar(255) );
CREATE INDEX idx_{{prefix}}shares_deleted_at ON "{{prefix}}shares"(deleted_at);
CREATE INDEX source ON "{{prefix}}shares"(source_name);

-- ---- tasks
CREATE TABLE "{{prefix}}tasks" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"status" integer,"type" integer,"user_id" integer,"progress" integer,"error" text,"props" text );
CREATE INDEX idx_{{prefix}}tasks_deleted_at ON "{{prefix}}tasks"(deleted_at);

-- ---- downloads (3.0.0: no node_id column)
CREATE TABLE "{{prefix}}downloads" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"status" integer,"type" integer,"source" text,"total_size" bigint,"downloaded_size" bigint,"g_id" text,"speed" integer,"parent" text,"attrs" text,"error" text,"dst" text,"user_id" integer,"task_id" integer );
CREATE INDEX idx_{{prefix}}downloads_deleted_at ON "{{prefix}}downloads"(deleted_at);

-- ---- tags
CREATE TABLE "{{prefix}}tags" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"name" varchar(255),"icon" varchar(255),"color" varchar(255),"type" integer,"expression" text,"user_id" integer );
CREATE INDEX idx_{{prefix}}tags_deleted_at ON "{{prefix}}tags"(deleted_at);

-- ---- webdavs (3.0.0: no readonly / use_proxy columns)
CREATE TABLE "{{prefix}}webdavs" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"name" varchar(255),"password" varchar(255),"user_id" integer,"root" text );
CREATE INDEX idx_{{prefix}}webdavs_deleted_at ON "{{prefix}}webdavs"(deleted_at);
CREATE UNIQUE INDEX password_only_on ON "{{prefix}}webdavs"("password", user_id);

-- ====================================================================
-- Rows V3 3.0.0 inserts at first start. created_at/updated_at are a fixed stand-in
-- time written as the drivers write it (section 6.3: TEXT '2006-01-02 15:04:05.999999999-07:00',
-- a zero fraction left out), deleted_at is NULL. Booleans are 0/1. Go zero values: '' for
-- strings, 0 for numbers/bools.

-- Step 4, addDefaultPolicy: policy 1, local. 3.0.0 name 默认存储策略 (English
-- "Default storage policy" only from 3.6.0).
INSERT INTO "{{prefix}}policies" ("id", "created_at", "updated_at", "deleted_at", "name", "type", "server", "bucket_name", "is_private", "base_url", "access_key", "secret_key", "max_size", "auto_rename", "dir_name_rule", "file_name_rule", "is_origin_link_enable", "options") VALUES
(1, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, '默认存储策略', 'local', '', '', 0, '', '', '', 0, 1, 'uploads/{uid}/{path}', '{uid}_{randomkey8}_{originname}', 0, '{"token":"","file_type":null,"mimetype":""}');

-- Step 5, addDefaultGroups. V3 meanings: 1 = admin, 2 = registered users
-- (default_group), 3 = anonymous/guest (swapped against V2's 2/3). 3.0.0 names.
INSERT INTO "{{prefix}}groups" ("id", "created_at", "updated_at", "deleted_at", "name", "policies", "max_storage", "share_enabled", "web_dav_enabled", "speed_limit", "options") VALUES
(1, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, '管理员', '[1]', 1073741824, 1, 1, 0, '{"archive_download":true,"archive_task":true,"share_download":true,"aria2":true}'),
(2, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, '注册会员', '[1]', 1073741824, 1, 1, 0, '{"share_download":true}'),
(3, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, '游客', '[]', 0, 0, 0, 0, '{"share_download":true}');

-- Step 6, addDefaultUser: user 1. V3 generates a random 8-char password and logs
-- it; this fixture uses a fixed stand-in in V3's 'salt16:sha1hex(password+salt)'
-- form: salt Fx3kPq9ZtR2mWb7L, password V3admin8.
-- two_factor '' (no 2FA), avatar '' (none), options '{}', authn '' (Go zero value).
INSERT INTO "{{prefix}}users" ("id", "created_at", "updated_at", "deleted_at", "email", "nick", "password", "status", "group_id", "storage", "two_factor", "avatar", "options", "authn") VALUES
(1, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'admin@cloudreve.org', 'admin', 'Fx3kPq9ZtR2mWb7L:e8d5fd9efae2072714acd41a30f5b1eb5ea3df2b', 0, 1, 0, '', '', '{}', '');

-- User.AfterCreate hook: the admin's root folder (name '/', parent_id NULL).
INSERT INTO "{{prefix}}folders" ("id", "created_at", "updated_at", "deleted_at", "name", "parent_id", "owner_id") VALUES
(1, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, '/', NULL, 1);

-- Step 8, addDefaultSettings: the 81 defaults of 3.0.0 (name, type, value), ids in
-- insertion order. secret_key is a fixed 256-char [0-9a-zA-Z] stand-in for the
-- random key V3 makes.
-- STAND-INS: `themes` (real value: a JSON map of 10 MUI palettes keyed by primary
-- colour), `mail_activation_template` and `mail_reset_pwd_template` (real values:
-- about 6.6k chars of HTML each) are short values of the same shape with the same
-- placeholders.
INSERT INTO "{{prefix}}settings" ("id", "created_at", "updated_at", "deleted_at", "type", "name", "value") VALUES
(1, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'basic', 'siteURL', 'http://localhost'),
(2, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'basic', 'siteName', 'Cloudreve'),
(3, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'register', 'register_enabled', '1'),
(4, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'register', 'default_group', '2'),
(5, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'basic', 'siteKeywords', '网盘，网盘'),
(6, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'basic', 'siteDes', 'Cloudreve'),
(7, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'basic', 'siteTitle', '平步云端'),
(8, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail', 'fromName', 'Cloudreve'),
(9, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail', 'mail_keepalive', '30'),
(10, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail', 'fromAdress', 'no-reply@acg.blue'),
(11, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail', 'smtpHost', 'smtp.mxhichina.com'),
(12, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail', 'smtpPort', '25'),
(13, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail', 'replyTo', 'abslant@126.com'),
(14, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail', 'smtpUser', 'no-reply@acg.blue'),
(15, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail', 'smtpPass', ''),
(16, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'file_edit', 'maxEditSize', '4194304'),
(17, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'archive_timeout', '60'),
(18, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'download_timeout', '60'),
(19, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'preview_timeout', '60'),
(20, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'doc_preview_timeout', '60'),
(21, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'upload_credential_timeout', '1800'),
(22, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'upload_session_timeout', '86400'),
(23, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'slave_api_timeout', '60'),
(24, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'onedrive_monitor_timeout', '600'),
(25, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'share_download_session_timeout', '2073600'),
(26, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'onedrive_callback_check', '20'),
(27, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'aria2_call_timeout', '5'),
(28, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'retry', 'onedrive_chunk_retries', '1'),
(29, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'onedrive_source_timeout', '1800'),
(30, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'upload', 'reset_after_upload_failed', '0'),
(31, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'login', 'login_captcha', '0'),
(32, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'login', 'reg_captcha', '0'),
(33, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'register', 'email_active', '0'),
(34, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail_template', 'mail_activation_template', '<!DOCTYPE html><html><body><h2>{siteTitle}</h2><p>亲爱的 {userName}：</p><p>感谢您注册 {siteTitle}，请点击下面的链接激活您的账户：</p><p><a href="{activationUrl}">激活账户</a></p></body></html>'),
(35, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'login', 'forget_captcha', '0'),
(36, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail_template', 'mail_reset_pwd_template', '<!DOCTYPE html><html><body><h2>{siteTitle}</h2><p>亲爱的 {userName}：</p><p>请点击下面的链接重设您的密码：</p><p><a href="{resetUrl}">重设密码</a></p></body></html>'),
(37, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'version', 'db_version_3.0.0', 'installed'),
(38, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'share', 'hot_share_num', '10'),
(39, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'avatar', 'gravatar_server', 'https://www.gravatar.com/'),
(40, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'basic', 'defaultTheme', '#3f51b5'),
(41, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'basic', 'themes', '{"#3f51b5":{"palette":{"primary":{"light":"#7986cb","main":"#3f51b5","dark":"#303f9f","contrastText":"#fff"},"secondary":{"light":"#ff4081","main":"#f50057","dark":"#c51162","contrastText":"#fff"}}},"#2196f3":{"palette":{"primary":{"light":"#64b5f6","main":"#2196f3","dark":"#1976d2","contrastText":"#fff"},"secondary":{"light":"#ff8a65","main":"#ff5722","dark":"#e64a19","contrastText":"#fff"}}},"#4caf50":{"palette":{"primary":{"light":"#81c784","main":"#4caf50","dark":"#388e3c","contrastText":"#fff"},"secondary":{"light":"#ffb74d","main":"#ff9800","dark":"#f57c00","contrastText":"#fff"}}}}'),
(42, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'aria2', 'aria2_token', ''),
(43, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'aria2', 'aria2_rpcurl', ''),
(44, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'aria2', 'aria2_temp_path', ''),
(45, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'aria2', 'aria2_options', '{}'),
(46, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'aria2', 'aria2_interval', '60'),
(47, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'task', 'max_worker_num', '10'),
(48, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'task', 'max_parallel_transfer', '4'),
(49, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'auth', 'secret_key', '20jZ06UZY3oJV1bVw72ghw8QgnQSQlehmDylL0FTH93cIbFKnOkTzlGlrXAK3tM3CYJLMpPHr1QMB0qKlvCPUUaY2Hl82cG8l5dIgoTLbWEwQ5Bpy4TWo6liw6u2aHwCRTKrutLlcu6AvwjW6UjX3cMmA9SlSrIrdcFOow5RAkJ4QuMejdwTPeLi1PPNlqqMpugMr2qWoJRATP0ZiH2aU1CjmAVotKA8Q3ghePY1r4fyhmQjKLD0RZAc4XcK5G5P'),
(50, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'path', 'temp_path', 'temp'),
(51, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'path', 'avatar_path', 'avatar'),
(52, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'avatar', 'avatar_size', '2097152'),
(53, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'avatar', 'avatar_size_l', '200'),
(54, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'avatar', 'avatar_size_m', '130'),
(55, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'avatar', 'avatar_size_s', '50'),
(56, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'view', 'home_view_method', 'icon'),
(57, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'view', 'share_view_method', 'list'),
(58, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'cron', 'cron_garbage_collect', '@hourly'),
(59, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'authn', 'authn_enabled', '0'),
(60, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_height', '60'),
(61, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_width', '240'),
(62, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_mode', '3'),
(63, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_ComplexOfNoiseText', '0'),
(64, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_ComplexOfNoiseDot', '0'),
(65, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_IsShowHollowLine', '0'),
(66, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_IsShowNoiseDot', '1'),
(67, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_IsShowNoiseText', '0'),
(68, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_IsShowSlimeLine', '1'),
(69, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_IsShowSineLine', '0'),
(70, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_CaptchaLen', '6'),
(71, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_IsUseReCaptcha', '0'),
(72, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_ReCaptchaKey', 'defaultKey'),
(73, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_ReCaptchaSecret', 'defaultSecret'),
(74, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_width', '400'),
(75, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_height', '300'),
(76, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'pwa', 'pwa_small_icon', '/static/img/favicon.ico'),
(77, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'pwa', 'pwa_medium_icon', '/static/img/logo192.png'),
(78, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'pwa', 'pwa_large_icon', '/static/img/logo512.png'),
(79, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'pwa', 'pwa_display', 'standalone'),
(80, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'pwa', 'pwa_theme_color', '#000000'),
(81, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'pwa', 'pwa_background_color', '#ffffff');

-- settings rows: 81 (tables with rows: policies 1, groups 3, users 1, folders 1, settings 81)
