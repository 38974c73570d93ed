SET SQL_MODE = "NO_AUTO_VALUE_ON_ZERO";
SET NAMES utf8;

-- Cloudreve V2 2.0.0-Alpha1: schema and fresh-install seed rows, as its mysql.sql
-- creates them (reconstructed from /work/shared/reference/v2-database.md, not copied
-- from the Cloudreve repository).
--
-- Layout follows the phpMyAdmin dump style of mysql.sql: CREATE TABLE without keys,
-- seed INSERTs, then ADD PRIMARY KEY (id) and MODIFY id ... AUTO_INCREMENT at the end.
-- 13 tables, all with the hard-coded sd_ prefix. MyISAM everywhere except sd_task
-- (InnoDB); DEFAULT CHARSET=utf8 everywhere except sd_download and sd_task (utf8mb4).
-- The only index on any table is PRIMARY KEY (id).
--
-- Run it statement by statement against an already selected database.

-- --------------------------------------------------------
-- sd_callback: one-time upload-callback tokens (transient)

CREATE TABLE `sd_callback` (
  `id` int(11) NOT NULL,
  `callback_key` text NOT NULL,
  `pid` int(11) NOT NULL,
  `uid` int(11) NOT NULL
) ENGINE=MyISAM DEFAULT CHARSET=utf8;

-- --------------------------------------------------------
-- sd_chunks: chunked-upload state (transient)

CREATE TABLE `sd_chunks` (
  `id` int(11) NOT NULL,
  `user` int(11) NOT NULL,
  `ctx` text NOT NULL,
  `time` datetime NOT NULL,
  `obj_name` text NOT NULL,
  `chunk_id` int(11) NOT NULL,
  `sum` int(11) NOT NULL
) ENGINE=MyISAM DEFAULT CHARSET=utf8;

-- --------------------------------------------------------
-- sd_corn (sic): cron jobs

CREATE TABLE `sd_corn` (
  `id` int(11) NOT NULL,
  `rank` int(11) NOT NULL,
  `name` text NOT NULL,
  `des` text NOT NULL,
  `last_excute` int(11) NOT NULL,
  `interval_s` int(11) NOT NULL,
  `enable` tinyint(1) NOT NULL
) ENGINE=MyISAM DEFAULT CHARSET=utf8;

-- The rank and des values are stand-ins (the reference gives only id, name, a
-- description in English and interval_s). last_excute 0 = never run.
-- Row 5: mysql.sql has interval_s and enable swapped (interval_s=1, enable=1800);
-- under the non-strict import mode the signed tinyint(1) clamps 1800 to 127, so
-- the stored row has enable=127 and the job never runs. It is written here as the
-- stored value 127 so that the statement is also valid in strict mode.
INSERT INTO `sd_corn` (`id`, `rank`, `name`, `des`, `last_excute`, `interval_s`, `enable`) VALUES
(1, 2, 'delete_unseful_chunks', '删除分片上传产生的失效文件块', 0, 3600, 1),
(2, 1, 'delete_callback_data', '删除回调数据', 0, 86400, 1),
(3, 5, 'flush_aria2', '刷新离线下载状态', 0, 30, 1),
(4, 4, 'flush_onedrive_token', '刷新OneDrive Token', 0, 3000, 1),
(5, 3, 'delete_remote_downloader_failed_folder', '删除离线下载失败后遗留的临时文件', 0, 1, 127);

-- --------------------------------------------------------
-- sd_files: file records

CREATE TABLE `sd_files` (
  `id` int(11) NOT NULL,
  `orign_name` text NOT NULL,
  `pre_name` text NOT NULL,
  `upload_user` int(11) NOT NULL,
  `size` bigint(20) NOT NULL,
  `upload_date` datetime NOT NULL,
  `pic_info` text NOT NULL,
  `parent_folder` int(11) NOT NULL,
  `policy_id` int(11) NOT NULL,
  `dir` text NOT NULL
) ENGINE=MyISAM DEFAULT CHARSET=utf8;

-- --------------------------------------------------------
-- sd_folders: folder records (text-path based tree)

CREATE TABLE `sd_folders` (
  `id` int(11) NOT NULL,
  `folder_name` text NOT NULL,
  `parent_folder` int(11) NOT NULL,
  `position` text NOT NULL,
  `owner` text NOT NULL,
  `date` datetime NOT NULL,
  `position_absolute` text NOT NULL
) ENGINE=MyISAM DEFAULT CHARSET=utf8;

-- Root folder of the seed admin (user 1).
INSERT INTO `sd_folders` (`id`, `folder_name`, `parent_folder`, `position`, `owner`, `date`, `position_absolute`) VALUES
(1, '根目录', 0, '.', '1', '2018-01-30 10:13:34', '/');

-- --------------------------------------------------------
-- sd_groups: user groups (1 = admin, 2 = guests, 3 = registered members)

CREATE TABLE `sd_groups` (
  `id` int(11) NOT NULL,
  `group_name` text NOT NULL,
  `policy_name` int(11) NOT NULL,
  `max_storage` bigint(20) NOT NULL,
  `grade_policy` text NOT NULL,
  `speed` text NOT NULL,
  `allow_share` tinyint(1) NOT NULL,
  `color` text NOT NULL,
  `policy_list` text NOT NULL,
  `range_transfer` tinyint(1) NOT NULL,
  `webdav` tinyint(1) NOT NULL,
  `aria2` text NOT NULL
) ENGINE=MyISAM DEFAULT CHARSET=utf8;

INSERT INTO `sd_groups` (`id`, `group_name`, `policy_name`, `max_storage`, `grade_policy`, `speed`, `allow_share`, `color`, `policy_list`, `range_transfer`, `webdav`, `aria2`) VALUES
(1, '管理员', 1, 1073741824, '', '', 1, 'danger', '1', 1, 1, '0,0,0'),
(2, '游客', 1, 0, '', '', 1, 'default', '1', 0, 0, '0,0,0'),
(3, '注册会员', 1, 52428800, '', '', 1, 'default', '1', 1, 1, '0,0,0');

-- --------------------------------------------------------
-- sd_options: site settings (no unique key on option_name)

CREATE TABLE `sd_options` (
  `id` int(11) NOT NULL,
  `option_name` text NOT NULL,
  `option_value` text NOT NULL,
  `option_type` text NOT NULL
) ENGINE=MyISAM DEFAULT CHARSET=utf8;

-- The 41 option rows of a fresh 2.0.0-Alpha1 install, with their ids (ids 17-21,
-- 25-27 and 33-42 do not exist). Values the reference states are exact: siteURL
-- (before the installer rewrites it), siteStatus, regStatus, defaultGroup,
-- maxEditSize, timeout, hot_share_num, refererCheck, database_version,
-- gravatar_server, defaultTheme, aria2_*, task_queue_token.
-- Values the reference does not state are plausible stand-ins: siteName, siteKeywords,
-- siteDes, siteTitle and the mail settings (taken to be the same as the V3 3.0.0
-- defaults, which were carried over from V2), encriptionType, the captcha and
-- email_active flags, allowdVisitorDownload, admin_color_body, admin_color_nav,
-- js_code, sendfile and header.
-- STAND-INS: the values of `themes`, `mail_activation_template` and
-- `mail_reset_pwd_template` are short stand-ins in the same shape as the real
-- (much longer) ones: a JSON object keyed by primary colour holding MUI palettes
-- (the real value ends with \r\n), and HTML snippets with the same placeholders.
INSERT INTO `sd_options` (`id`, `option_name`, `option_value`, `option_type`) VALUES
(1, 'siteURL', 'https://cloudreve.org/', 'basic'),
(2, 'siteName', 'Cloudreve', 'basic'),
(3, 'siteStatus', 'open', 'basic'),
(4, 'regStatus', '0', 'register'),
(5, 'defaultGroup', '3', 'register'),
(6, 'siteKeywords', '网盘，网盘', 'basic'),
(7, 'siteDes', 'Cloudreve', 'basic'),
(8, 'siteTitle', '平步云端', 'basic'),
(9, 'fromName', 'Cloudreve', 'mail'),
(10, 'fromAdress', 'no-reply@acg.blue', 'mail'),
(11, 'smtpHost', 'smtp.mxhichina.com', 'mail'),
(12, 'smtpPort', '25', 'mail'),
(13, 'replyTo', 'abslant@126.com', 'mail'),
(14, 'smtpUser', 'no-reply@acg.blue', 'mail'),
(15, 'smtpPass', '', 'mail'),
(16, 'encriptionType', 'no', 'mail'),
(22, 'maxEditSize', '100000', 'file_edit'),
(23, 'allowdVisitorDownload', 'true', 'share'),
(24, 'login_captcha', '0', 'login'),
(28, 'reg_captcha', '0', 'login'),
(29, 'email_active', '0', 'register'),
(30, 'mail_activation_template', '<html><body><h2>{siteTitle}</h2><p>亲爱的{userName}：</p><p>感谢您注册{siteTitle}，请点击下面的链接激活您的账户：</p><p><a href="{activationUrl}">{activationUrl}</a></p><p>{siteSecTitle} - <a href="{siteUrl}">{siteUrl}</a></p></body></html>', 'mail_template'),
(31, 'forget_captcha', '0', 'login'),
(32, 'mail_reset_pwd_template', '<html><body><h2>{siteTitle}</h2><p>亲爱的{userName}：</p><p>请点击下面的链接重设您的密码：</p><p><a href="{resetUrl}">{resetUrl}</a></p><p>{siteSecTitle} - <a href="{siteUrl}">{siteUrl}</a></p></body></html>', 'mail_template'),
(43, 'hot_share_num', '10', 'share'),
(44, 'gravatar_server', 'https://gravatar.loli.net/', 'avatar'),
(45, 'admin_color_body', 'fixed-left', 'admin'),
(46, 'admin_color_nav', 'navbar navbar-expand-lg navbar-dark bg-primary', 'admin'),
(47, 'js_code', '<script type="text/javascript">\n\n</script>', 'basic'),
(48, 'timeout', '3600', 'oss'),
(49, 'database_version', '5', 'version'),
(50, 'sendfile', '0', 'download'),
(51, 'header', 'X-Sendfile', 'download'),
(52, 'aria2_tmppath', '/path/to/public/download', 'aria2'),
(53, 'aria2_token', 'your token', 'aria2'),
(54, 'aria2_rpcurl', 'http://127.0.0.1:6800/', 'aria2'),
(55, 'aria2_options', '{"max-tries":5}', 'aria2'),
(56, 'task_queue_token', '', 'task'),
(57, 'defaultTheme', '#3f51b5', 'basic'),
(58, 'themes', '{"#3f51b5":{"palette":{"common":{"black":"#000","white":"#fff"},"primary":{"light":"#7986cb","main":"#3f51b5","dark":"#303f9f","contrastText":"#fff"},"secondary":{"light":"#ff4081","main":"#f50057","dark":"#c51162","contrastText":"#fff"}}},"#4caf50":{"palette":{"common":{"black":"#000","white":"#fff"},"primary":{"light":"#81c784","main":"#4caf50","dark":"#388e3c","contrastText":"#fff"},"secondary":{"light":"#ffb74d","main":"#ff9800","dark":"#f57c00","contrastText":"#fff"}}}}\r\n', 'basic'),
(59, 'refererCheck', 'true', 'share');

-- --------------------------------------------------------
-- sd_policy: storage policies

CREATE TABLE `sd_policy` (
  `id` int(11) NOT NULL,
  `policy_name` text NOT NULL,
  `policy_type` text NOT NULL,
  `server` text NOT NULL,
  `bucketname` text NOT NULL,
  `bucket_private` tinyint(1) NOT NULL,
  `url` text NOT NULL,
  `ak` text NOT NULL,
  `sk` text NOT NULL,
  `op_name` text NOT NULL,
  `op_pwd` text NOT NULL,
  `filetype` text NOT NULL,
  `mimetype` text NOT NULL,
  `max_size` bigint(20) NOT NULL,
  `autoname` tinyint(1) NOT NULL,
  `dirrule` text NOT NULL,
  `namerule` text NOT NULL,
  `origin_link` tinyint(1) NOT NULL
) ENGINE=MyISAM DEFAULT CHARSET=utf8;

-- The default local policy. Its url is http:// and is NOT rewritten by the installer.
INSERT INTO `sd_policy` (`id`, `policy_name`, `policy_type`, `server`, `bucketname`, `bucket_private`, `url`, `ak`, `sk`, `op_name`, `op_pwd`, `filetype`, `mimetype`, `max_size`, `autoname`, `dirrule`, `namerule`, `origin_link`) VALUES
(1, '默认上传策略', 'local', '/Upload', '0', 0, 'http://cloudreve.org/public/uploads/', '0', '0', '0', '0', '[]', '0', 10485760, 1, '{date}/{uid}', '{uid}_{randomkey8}_{originname}', 0);

-- --------------------------------------------------------
-- sd_shares: shares

CREATE TABLE `sd_shares` (
  `id` int(11) NOT NULL,
  `type` text NOT NULL,
  `share_time` datetime NOT NULL,
  `owner` int(11) NOT NULL,
  `source_name` text NOT NULL,
  `origin_name` text NOT NULL,
  `download_num` int(11) NOT NULL,
  `view_num` int(11) NOT NULL,
  `source_type` text NOT NULL,
  `share_key` text NOT NULL,
  `share_pwd` text NOT NULL
) ENGINE=MyISAM DEFAULT CHARSET=utf8;

-- --------------------------------------------------------
-- sd_storage_pack: storage packs (read-only in the community code)

CREATE TABLE `sd_storage_pack` (
  `id` int(11) NOT NULL,
  `p_name` text NOT NULL,
  `uid` int(11) NOT NULL,
  `act_time` bigint(20) NOT NULL,
  `dlay_time` bigint(20) NOT NULL,
  `pack_size` bigint(11) NOT NULL
) ENGINE=MyISAM DEFAULT CHARSET=utf8;

-- --------------------------------------------------------
-- sd_users: users. user_date is the first and only TIMESTAMP column and has no
-- explicit NULL/DEFAULT/ON UPDATE: with explicit_defaults_for_timestamp=OFF the
-- server silently makes it DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP
-- (so it becomes "last modified"); with ON (MariaDB >= 10.10, MySQL 8) it has no
-- default at all.

CREATE TABLE `sd_users` (
  `id` int(11) NOT NULL,
  `user_email` varchar(100) NOT NULL,
  `user_nick` varchar(50) NOT NULL,
  `user_pass` varchar(255) NOT NULL,
  `user_date` timestamp NOT NULL,
  `user_status` int(11) NOT NULL,
  `user_group` int(11) NOT NULL,
  `group_primary` int(11) NOT NULL,
  `user_activation_key` varchar(255) NOT NULL,
  `used_storage` bigint(20) NOT NULL,
  `two_step` text NOT NULL,
  `delay_time` bigint(20) NOT NULL,
  `avatar` text NOT NULL,
  `profile` tinyint(1) NOT NULL,
  `webdav_key` text NOT NULL,
  `options` text NOT NULL
) ENGINE=MyISAM DEFAULT CHARSET=utf8;

-- Seed admin. Login admin@cloudreve.org / password: admin
-- user_pass = md5('sdshare' || 'admin') = d8446059f8846a2c111a7f53515665fb
-- mysql.sql's INSERT omits `options`; under the non-strict import mode the row gets
-- options = ''. It is written here explicitly as '' so the statement also works in
-- strict mode.
INSERT INTO `sd_users` (`id`, `user_email`, `user_nick`, `user_pass`, `user_date`, `user_status`, `user_group`, `group_primary`, `user_activation_key`, `used_storage`, `two_step`, `delay_time`, `avatar`, `profile`, `webdav_key`, `options`) VALUES
(1, 'admin@cloudreve.org', 'Admin', 'd8446059f8846a2c111a7f53515665fb', '2018-02-04 12:56:38', 0, 1, 0, 'n', 0, '0', 0, 'default', 1, 'd8446059f8846a2c111a7f53515665fb', '');

-- --------------------------------------------------------
-- sd_download: offline (aria2) downloads, utf8mb4

CREATE TABLE `sd_download` (
  `id` int(11) NOT NULL,
  `pid` text NOT NULL,
  `path_id` text NOT NULL,
  `owner` int(11) NOT NULL,
  `save_dir` text NOT NULL,
  `status` text NOT NULL,
  `last_update` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `msg` text NOT NULL,
  `info` text NOT NULL,
  `source` text NOT NULL,
  `file_index` int(11) NOT NULL,
  `is_single` tinyint(1) NOT NULL,
  `total_size` bigint(20) NOT NULL
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;

-- --------------------------------------------------------
-- sd_task: queued tasks, InnoDB, utf8mb4

CREATE TABLE `sd_task` (
  `id` int(11) NOT NULL,
  `task_name` text NOT NULL,
  `attr` text NOT NULL,
  `type` text NOT NULL,
  `status` text NOT NULL,
  `uid` int(11) NOT NULL,
  `addtime` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- --------------------------------------------------------
-- Primary keys (the only indexes)

ALTER TABLE `sd_callback`
  ADD PRIMARY KEY (`id`);

ALTER TABLE `sd_chunks`
  ADD PRIMARY KEY (`id`);

ALTER TABLE `sd_corn`
  ADD PRIMARY KEY (`id`);

ALTER TABLE `sd_files`
  ADD PRIMARY KEY (`id`);

ALTER TABLE `sd_folders`
  ADD PRIMARY KEY (`id`);

ALTER TABLE `sd_groups`
  ADD PRIMARY KEY (`id`);

ALTER TABLE `sd_options`
  ADD PRIMARY KEY (`id`);

ALTER TABLE `sd_policy`
  ADD PRIMARY KEY (`id`);

ALTER TABLE `sd_shares`
  ADD PRIMARY KEY (`id`);

ALTER TABLE `sd_storage_pack`
  ADD PRIMARY KEY (`id`);

ALTER TABLE `sd_users`
  ADD PRIMARY KEY (`id`);

ALTER TABLE `sd_download`
  ADD PRIMARY KEY (`id`);

ALTER TABLE `sd_task`
  ADD PRIMARY KEY (`id`);

-- --------------------------------------------------------
-- AUTO_INCREMENT on every id. The explicit counters for sd_corn (6), sd_folders (2),
-- sd_groups (4) and sd_policy (2) are the ones the reference states; the others are
-- left to the server (max(id) + 1).

ALTER TABLE `sd_callback`
  MODIFY `id` int(11) NOT NULL AUTO_INCREMENT;

ALTER TABLE `sd_chunks`
  MODIFY `id` int(11) NOT NULL AUTO_INCREMENT;

ALTER TABLE `sd_corn`
  MODIFY `id` int(11) NOT NULL AUTO_INCREMENT, AUTO_INCREMENT=6;

ALTER TABLE `sd_files`
  MODIFY `id` int(11) NOT NULL AUTO_INCREMENT;

ALTER TABLE `sd_folders`
  MODIFY `id` int(11) NOT NULL AUTO_INCREMENT, AUTO_INCREMENT=2;

ALTER TABLE `sd_groups`
  MODIFY `id` int(11) NOT NULL AUTO_INCREMENT, AUTO_INCREMENT=4;

ALTER TABLE `sd_options`
  MODIFY `id` int(11) NOT NULL AUTO_INCREMENT;

ALTER TABLE `sd_policy`
  MODIFY `id` int(11) NOT NULL AUTO_INCREMENT, AUTO_INCREMENT=2;

ALTER TABLE `sd_shares`
  MODIFY `id` int(11) NOT NULL AUTO_INCREMENT;

ALTER TABLE `sd_storage_pack`
  MODIFY `id` int(11) NOT NULL AUTO_INCREMENT;

ALTER TABLE `sd_users`
  MODIFY `id` int(11) NOT NULL AUTO_INCREMENT;

ALTER TABLE `sd_download`
  MODIFY `id` int(11) NOT NULL AUTO_INCREMENT;

ALTER TABLE `sd_task`
  MODIFY `id` int(11) NOT NULL AUTO_INCREMENT;
