-- Cloudreve V3 3.8.3: schema exactly as gorm v1.9.11 creates it on SQLite (V3's copy of
-- gorm's sqlite dialect, the default install; 13 tables), followed by the rows 3.8.3
-- inserts at first start (migration() steps 4-8: default policy, groups 1-3, admin user 1
-- with its root folder, master node 1, 114 default settings; step 9's UpgradeTo3.4.0
-- finds no aria2 settings on a fresh install and changes nothing). The rows are those of
-- v3-3.8.3-mysql.sql.
-- Written from /work/shared/reference/v3-database.md sections 3.3, 4.2, 4.3, 5.1, 5.2,
-- 6.2 and 6.3.
--
-- {{prefix}} is a literal placeholder for the table prefix: replace it before running.
-- A default install has none (the empty string); section 1.1. It occurs in table names
-- and in gorm's auto-named indexes (idx_<prefix><table>_deleted_at,
-- uix_<prefix>users_email); explicitly named indexes carry no prefix.
-- Each CREATE statement is on one line, exactly as gorm sends it (V3's later starts test
-- for columns and indexes by matching this text, section 2.4). gorm creates the indexes
-- of a table right after the table, in random (map) order.
-- This is a fresh 3.8.3 install: a database first created by an older V3 and upgraded
-- keeps its old column types (section 1.4).

-- ---- users (3.4.0+: options text)
CREATE TABLE "{{prefix}}users" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"email" varchar(100),"nick" varchar(50),"password" varchar(255),"status" integer,"group_id" integer,"storage" bigint,"two_factor" varchar(255),"avatar" varchar(255),"options" text,"authn" text );
CREATE INDEX idx_{{prefix}}users_deleted_at ON "{{prefix}}users"(deleted_at);
CREATE UNIQUE INDEX uix_{{prefix}}users_email ON "{{prefix}}users"("email");

-- ---- settings
CREATE TABLE "{{prefix}}settings" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"type" varchar(255) NOT NULL,"name" varchar(255) NOT NULL UNIQUE,"value" text );
CREATE INDEX idx_{{prefix}}settings_deleted_at ON "{{prefix}}settings"(deleted_at);
CREATE INDEX setting_key ON "{{prefix}}settings"("name");

-- ---- groups (3.5.2+: options text)
CREATE TABLE "{{prefix}}groups" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"name" varchar(255),"policies" varchar(255),"max_storage" bigint,"share_enabled" bool,"web_dav_enabled" bool,"speed_limit" integer,"options" text );
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

-- ---- files (3.5.0+: upload_session_id, metadata, indexes session_id and session_only_one)
CREATE TABLE "{{prefix}}files" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"name" varchar(255),"source_name" text,"user_id" integer,"size" bigint,"pic_info" varchar(255),"folder_id" integer,"policy_id" integer,"upload_session_id" varchar(255),"metadata" text );
CREATE INDEX idx_{{prefix}}files_deleted_at ON "{{prefix}}files"(deleted_at);
CREATE INDEX user_id ON "{{prefix}}files"(user_id);
CREATE INDEX folder_id ON "{{prefix}}files"(folder_id);
CREATE INDEX session_id ON "{{prefix}}files"(upload_session_id);
CREATE UNIQUE INDEX idx_only_one ON "{{prefix}}files"("name", user_id, folder_id);
CREATE UNIQUE INDEX session_only_one ON "{{prefix}}files"(upload_session_id);

-- ---- shares
CREATE TABLE "{{prefix}}shares" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"password" varchar(255),"is_dir" bool,"user_id" integer,"source_id" integer,"views" integer,"downloads" integer,"remain_downloads" integer,"expires" datetime,"preview_enabled" bool,"source_name" varchar(255) );
CREATE INDEX idx_{{prefix}}shares_deleted_at ON "{{prefix}}shares"(deleted_at);
CREATE INDEX source ON "{{prefix}}shares"(source_name);

-- ---- tasks
CREATE TABLE "{{prefix}}tasks" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"status" integer,"type" integer,"user_id" integer,"progress" integer,"error" text,"props" text );
CREATE INDEX idx_{{prefix}}tasks_deleted_at ON "{{prefix}}tasks"(deleted_at);

-- ---- downloads (3.4.0+: node_id)
CREATE TABLE "{{prefix}}downloads" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"status" integer,"type" integer,"source" text,"total_size" bigint,"downloaded_size" bigint,"g_id" text,"speed" integer,"parent" text,"attrs" text,"error" text,"dst" text,"user_id" integer,"task_id" integer,"node_id" integer );
CREATE INDEX idx_{{prefix}}downloads_deleted_at ON "{{prefix}}downloads"(deleted_at);

-- ---- tags
CREATE TABLE "{{prefix}}tags" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"name" varchar(255),"icon" varchar(255),"color" varchar(255),"type" integer,"expression" text,"user_id" integer );
CREATE INDEX idx_{{prefix}}tags_deleted_at ON "{{prefix}}tags"(deleted_at);

-- ---- webdavs (3.7.0+: readonly; 3.8.1+: use_proxy)
CREATE TABLE "{{prefix}}webdavs" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"name" varchar(255),"password" varchar(255),"user_id" integer,"root" text,"readonly" bool,"use_proxy" bool );
CREATE INDEX idx_{{prefix}}webdavs_deleted_at ON "{{prefix}}webdavs"(deleted_at);
CREATE UNIQUE INDEX password_only_on ON "{{prefix}}webdavs"("password", user_id);

-- ---- nodes (3.4.0+)
CREATE TABLE "{{prefix}}nodes" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"status" integer,"name" varchar(255),"type" integer,"server" varchar(255),"slave_key" text,"master_key" text,"aria2_enabled" bool,"aria2_options" text,"rank" integer );
CREATE INDEX idx_{{prefix}}nodes_deleted_at ON "{{prefix}}nodes"(deleted_at);

-- ---- source_links (3.6.0+)
CREATE TABLE "{{prefix}}source_links" ("id" integer primary key autoincrement,"created_at" datetime,"updated_at" datetime,"deleted_at" datetime,"file_id" integer,"name" varchar(255),"downloads" integer );
CREATE INDEX idx_{{prefix}}source_links_deleted_at ON "{{prefix}}source_links"(deleted_at);

-- ====================================================================
-- Rows V3 3.8.3 inserts at first start. created_at/updated_at are a fixed stand-in
-- time written as the drivers write it (section 6.3: TEXT '2006-01-02 15:04:05.999999999-07:00',
-- a zero fraction left out), deleted_at is NULL. Booleans are 0/1. Go zero values: '' for
-- strings, 0 for numbers/bools.

-- Step 4, addDefaultPolicy: policy 1, local, with the 3.6.0+ English name. Options
-- carry chunk_size 25 MiB (3.5.0+) and s3_path_style (3.6.1+, no omitempty).
INSERT INTO "{{prefix}}policies" ("id", "created_at", "updated_at", "deleted_at", "name", "type", "server", "bucket_name", "is_private", "base_url", "access_key", "secret_key", "max_size", "auto_rename", "dir_name_rule", "file_name_rule", "is_origin_link_enable", "options") VALUES
(1, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'Default storage policy', 'local', '', '', 0, '', '', '', 0, 1, 'uploads/{uid}/{path}', '{uid}_{randomkey8}_{originname}', 0, '{"token":"","file_type":null,"mimetype":"","chunk_size":26214400,"s3_path_style":false}');

-- Step 5, addDefaultGroups. V3 meanings: 1 = admin, 2 = registered users
-- (default_group), 3 = anonymous/guest (swapped against V2's 2/3). English names (3.6.0+);
-- options with source_batch/aria2_batch (3.5.3+), redirected_source (3.6.0+), advance_delete (3.7.0+).
INSERT INTO "{{prefix}}groups" ("id", "created_at", "updated_at", "deleted_at", "name", "policies", "max_storage", "share_enabled", "web_dav_enabled", "speed_limit", "options") VALUES
(1, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'Admin', '[1]', 1073741824, 1, 1, 0, '{"archive_download":true,"archive_task":true,"share_download":true,"aria2":true,"source_batch":1000,"redirected_source":true,"aria2_batch":50,"advance_delete":true}'),
(2, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'User', '[1]', 1073741824, 1, 1, 0, '{"share_download":true,"source_batch":10,"redirected_source":true,"aria2_batch":1}'),
(3, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'Anonymous', '[]', 0, 0, 0, 0, '{"share_download":true}');

-- Step 6, addDefaultUser: user 1. V3 generates a random 8-char password and logs
-- it; this fixture uses a fixed stand-in in V3's 'salt16:sha1hex(password+salt)'
-- form: salt Fx3kPq9ZtR2mWb7L, password V3admin8.
-- two_factor '' (no 2FA), avatar '' (none), options '{}', authn '' (Go zero value).
INSERT INTO "{{prefix}}users" ("id", "created_at", "updated_at", "deleted_at", "email", "nick", "password", "status", "group_id", "storage", "two_factor", "avatar", "options", "authn") VALUES
(1, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'admin@cloudreve.org', 'admin', 'Fx3kPq9ZtR2mWb7L:e8d5fd9efae2072714acd41a30f5b1eb5ea3df2b', 0, 1, 0, '', '', '{}', '');

-- User.AfterCreate hook: the admin's root folder (name '/', parent_id NULL).
INSERT INTO "{{prefix}}folders" ("id", "created_at", "updated_at", "deleted_at", "name", "parent_id", "owner_id") VALUES
(1, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, '/', NULL, 1);

-- Step 7 (3.4.0+), addDefaultNode: node 1, the master (type 1), active (status 0),
-- English name (3.6.0+); server, keys '', aria2 off, rank 0.
INSERT INTO "{{prefix}}nodes" ("id", "created_at", "updated_at", "deleted_at", "status", "name", "type", "server", "slave_key", "master_key", "aria2_enabled", "aria2_options", "rank") VALUES
(1, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 0, 'Master (Local machine)', 1, '', '', '', 0, '{"interval":10,"timeout":10}', 0);

-- Step 8, addDefaultSettings: the 114 defaults of 3.8.3 (models/defaults.go; name, type,
-- value), ids in insertion order. The version row is db_version_3.8.1: 3.8.2 and 3.8.3
-- require DB version 3.8.1 (section 3.1). secret_key is a fixed 256-char [0-9a-zA-Z]
-- stand-in for the random key V3 makes, siteID a fixed stand-in for its random UUID v4.
-- Names, types and values follow sections 5.1 and 5.2; the id order and the values of
-- thumb_vips_exts, thumb_ffmpeg_exts and thumb_libreoffice_exts, which the reference
-- does not spell out, are those of the 3.8.3 tag's models/defaults.go.
-- STAND-INS: `themes` (real value: a JSON map of 10 MUI palettes keyed by primary
-- colour), `mail_activation_template` and `mail_reset_pwd_template` (real values:
-- about 6.6k chars of HTML each) are short values of the same shape with the same
-- placeholders (the same stand-ins as in the 3.0.0 fixtures).
INSERT INTO "{{prefix}}settings" ("id", "created_at", "updated_at", "deleted_at", "type", "name", "value") VALUES
(1, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'basic', 'siteURL', 'http://localhost'),
(2, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'basic', 'siteName', 'Cloudreve'),
(3, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'register', 'register_enabled', '1'),
(4, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'register', 'default_group', '2'),
(5, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'basic', 'siteKeywords', 'Cloudreve, cloud storage'),
(6, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'basic', 'siteDes', 'Cloudreve'),
(7, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'basic', 'siteTitle', 'Inclusive cloud storage for everyone'),
(8, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'basic', 'siteScript', ''),
(9, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'basic', 'siteID', '5f0d8c3e-2b7a-4c1e-9a6d-3e8f1b2c4d5a'),
(10, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail', 'fromName', 'Cloudreve'),
(11, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail', 'mail_keepalive', '30'),
(12, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail', 'fromAdress', 'no-reply@acg.blue'),
(13, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail', 'smtpHost', 'smtp.mxhichina.com'),
(14, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail', 'smtpPort', '25'),
(15, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail', 'replyTo', 'abslant@126.com'),
(16, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail', 'smtpUser', 'no-reply@acg.blue'),
(17, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail', 'smtpPass', ''),
(18, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail', 'smtpEncryption', '0'),
(19, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'file_edit', 'maxEditSize', '52428800'),
(20, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'archive_timeout', '600'),
(21, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'download_timeout', '600'),
(22, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'preview_timeout', '600'),
(23, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'doc_preview_timeout', '600'),
(24, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'upload_session_timeout', '86400'),
(25, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'slave_api_timeout', '60'),
(26, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'slave', 'slave_node_retry', '3'),
(27, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'slave', 'slave_ping_interval', '60'),
(28, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'slave', 'slave_recover_interval', '120'),
(29, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'slave_transfer_timeout', '172800'),
(30, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'onedrive_monitor_timeout', '600'),
(31, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'share_download_session_timeout', '2073600'),
(32, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'onedrive_callback_check', '20'),
(33, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'folder_props_timeout', '300'),
(34, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'retry', 'chunk_retries', '5'),
(35, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'onedrive_source_timeout', '1800'),
(36, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'upload', 'reset_after_upload_failed', '0'),
(37, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'upload', 'use_temp_chunk_buffer', '1'),
(38, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'login', 'login_captcha', '0'),
(39, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'login', 'reg_captcha', '0'),
(40, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'register', 'email_active', '0'),
(41, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail_template', 'mail_activation_template', '<!DOCTYPE html><html><body><h2>{siteTitle}</h2><p>亲爱的 {userName}：</p><p>感谢您注册 {siteTitle}，请点击下面的链接激活您的账户：</p><p><a href="{activationUrl}">激活账户</a></p></body></html>'),
(42, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'login', 'forget_captcha', '0'),
(43, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mail_template', 'mail_reset_pwd_template', '<!DOCTYPE html><html><body><h2>{siteTitle}</h2><p>亲爱的 {userName}：</p><p>请点击下面的链接重设您的密码：</p><p><a href="{resetUrl}">重设密码</a></p></body></html>'),
(44, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'version', 'db_version_3.8.1', 'installed'),
(45, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'share', 'hot_share_num', '10'),
(46, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'avatar', 'gravatar_server', 'https://www.gravatar.com/'),
(47, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'basic', 'defaultTheme', '#3f51b5'),
(48, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'basic', 'themes', '{"#3f51b5":{"palette":{"primary":{"light":"#7986cb","main":"#3f51b5","dark":"#303f9f","contrastText":"#fff"},"secondary":{"light":"#ff4081","main":"#f50057","dark":"#c51162","contrastText":"#fff"}}},"#2196f3":{"palette":{"primary":{"light":"#64b5f6","main":"#2196f3","dark":"#1976d2","contrastText":"#fff"},"secondary":{"light":"#ff8a65","main":"#ff5722","dark":"#e64a19","contrastText":"#fff"}}},"#4caf50":{"palette":{"primary":{"light":"#81c784","main":"#4caf50","dark":"#388e3c","contrastText":"#fff"},"secondary":{"light":"#ffb74d","main":"#ff9800","dark":"#f57c00","contrastText":"#fff"}}}}'),
(49, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'task', 'max_worker_num', '10'),
(50, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'task', 'max_parallel_transfer', '4'),
(51, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'auth', 'secret_key', '20jZ06UZY3oJV1bVw72ghw8QgnQSQlehmDylL0FTH93cIbFKnOkTzlGlrXAK3tM3CYJLMpPHr1QMB0qKlvCPUUaY2Hl82cG8l5dIgoTLbWEwQ5Bpy4TWo6liw6u2aHwCRTKrutLlcu6AvwjW6UjX3cMmA9SlSrIrdcFOow5RAkJ4QuMejdwTPeLi1PPNlqqMpugMr2qWoJRATP0ZiH2aU1CjmAVotKA8Q3ghePY1r4fyhmQjKLD0RZAc4XcK5G5P'),
(52, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'path', 'temp_path', 'temp'),
(53, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'path', 'avatar_path', 'avatar'),
(54, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'avatar', 'avatar_size', '2097152'),
(55, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'avatar', 'avatar_size_l', '200'),
(56, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'avatar', 'avatar_size_m', '130'),
(57, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'avatar', 'avatar_size_s', '50'),
(58, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'view', 'home_view_method', 'icon'),
(59, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'view', 'share_view_method', 'list'),
(60, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'cron', 'cron_garbage_collect', '@hourly'),
(61, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'cron', 'cron_recycle_upload_session', '@every 1h30m'),
(62, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'authn', 'authn_enabled', '0'),
(63, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_type', 'normal'),
(64, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_height', '60'),
(65, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_width', '240'),
(66, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_mode', '3'),
(67, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_ComplexOfNoiseText', '0'),
(68, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_ComplexOfNoiseDot', '0'),
(69, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_IsShowHollowLine', '0'),
(70, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_IsShowNoiseDot', '1'),
(71, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_IsShowNoiseText', '0'),
(72, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_IsShowSlimeLine', '1'),
(73, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_IsShowSineLine', '0'),
(74, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_CaptchaLen', '6'),
(75, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_ReCaptchaKey', 'defaultKey'),
(76, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_ReCaptchaSecret', 'defaultSecret'),
(77, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_TCaptcha_CaptchaAppId', ''),
(78, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_TCaptcha_AppSecretKey', ''),
(79, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_TCaptcha_SecretId', ''),
(80, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'captcha', 'captcha_TCaptcha_SecretKey', ''),
(81, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_width', '400'),
(82, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_height', '300'),
(83, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_file_suffix', '._thumb'),
(84, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_max_task_count', '-1'),
(85, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_encode_method', 'jpg'),
(86, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_gc_after_gen', '0'),
(87, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_encode_quality', '85'),
(88, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_builtin_enabled', '1'),
(89, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_vips_enabled', '0'),
(90, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_ffmpeg_enabled', '0'),
(91, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_vips_path', 'vips'),
(92, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_vips_exts', 'csv,mat,img,hdr,pbm,pgm,ppm,pfm,pnm,svg,svgz,j2k,jp2,jpt,j2c,jpc,gif,png,jpg,jpeg,jpe,webp,tif,tiff,fits,fit,fts,exr,jxl,pdf,heic,heif,avif,svs,vms,vmu,ndpi,scn,mrxs,svslide,bif,raw'),
(93, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_ffmpeg_seek', '00:00:01.00'),
(94, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_ffmpeg_path', 'ffmpeg'),
(95, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_ffmpeg_exts', '3g2,3gp,asf,asx,avi,divx,flv,m2ts,m2v,m4v,mkv,mov,mp4,mpeg,mpg,mts,mxf,ogv,rm,swf,webm,wmv'),
(96, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_libreoffice_path', 'soffice'),
(97, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_libreoffice_enabled', '0'),
(98, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_libreoffice_exts', 'md,ods,ots,fods,uos,xlsx,xml,xls,xlt,dif,dbf,html,slk,csv,xlsm,docx,dotx,doc,dot,rtf,xlsm,xlst,xls,xlw,xlc,xlt,pptx,ppsx,potx,pomx,ppt,pps,ppm,pot,pom'),
(99, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_proxy_enabled', '0'),
(100, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_proxy_policy', '[]'),
(101, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'thumb', 'thumb_max_src_size', '31457280'),
(102, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'pwa', 'pwa_small_icon', '/static/img/favicon.ico'),
(103, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'pwa', 'pwa_medium_icon', '/static/img/logo192.png'),
(104, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'pwa', 'pwa_large_icon', '/static/img/logo512.png'),
(105, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'pwa', 'pwa_display', 'standalone'),
(106, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'pwa', 'pwa_theme_color', '#000000'),
(107, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'pwa', 'pwa_background_color', '#ffffff'),
(108, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'preview', 'office_preview_service', 'https://view.officeapps.live.com/op/view.aspx?src={$src}'),
(109, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'mobile', 'show_app_promotion', '1'),
(110, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'timeout', 'public_resource_maxage', '86400'),
(111, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'wopi', 'wopi_enabled', '0'),
(112, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'wopi', 'wopi_endpoint', ''),
(113, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'wopi', 'wopi_max_size', '52428800'),
(114, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00', NULL, 'wopi', 'wopi_session_timeout', '36000');

-- settings rows: 114 (tables with rows: policies 1, groups 3, users 1, folders 1, nodes 1, settings 114)
