SET SQL_MODE = "NO_AUTO_VALUE_ON_ZERO";
SET NAMES utf8;

-- A small, realistic Cloudreve V2 2.0.0-Alpha1 site, layered on top of
-- v2-schema.sql (run that file first, into the same database).
-- All ids are explicit. Every NOT NULL column is supplied, so every statement is
-- valid in strict mode too. Times are PRC (Asia/Shanghai) wall clock, as V2 writes
-- them. Passwords: user_pass = md5('sdshare' || plaintext), lowercase hex; the
-- plaintext is in the comment above each user.
--
-- Deliberate V2 quirks / dirty data in here:
--   * group 5 lists policy 9 in policy_list, which does not exist;
--   * top-level folders of every user have parent_folder = 1 (the admin's root),
--     and bob's /photos/2019 points to alice's /photos (V2's owner-less lookup);
--   * bob's used_storage has drifted from SUM(sd_files.size);
--   * erin's gravatar hash starts with 'f' (V2's ltrim bug strips it when reading);
--   * bob holds local-policy files uploaded before he moved to group 4 (qiniu);
--   * sd_download.last_update uses V2's 12-hour clock;
--   * sd_users.options is '' for carol and frank (admin add omits the column;
--     registration would normally write '{}', so carol's '' is an edge case).

-- --------------------------------------------------------
-- Options: a customised site (UPDATE by option_name, as the admin UI does)

UPDATE `sd_options` SET `option_value` = 'https://pan.example.com/' WHERE `option_name` = 'siteURL';
UPDATE `sd_options` SET `option_value` = '示例网盘' WHERE `option_name` = 'siteName';
UPDATE `sd_options` SET `option_value` = '示例网盘 - 安全可靠的私有云' WHERE `option_name` = 'siteTitle';
UPDATE `sd_options` SET `option_value` = '网盘,云存储,Cloudreve' WHERE `option_name` = 'siteKeywords';
UPDATE `sd_options` SET `option_value` = 'Example Pan, a private cloud drive powered by Cloudreve' WHERE `option_name` = 'siteDes';
UPDATE `sd_options` SET `option_value` = '1' WHERE `option_name` = 'regStatus';
UPDATE `sd_options` SET `option_value` = '3' WHERE `option_name` = 'defaultGroup';
UPDATE `sd_options` SET `option_value` = '1' WHERE `option_name` = 'email_active';
UPDATE `sd_options` SET `option_value` = '1' WHERE `option_name` = 'login_captcha';
UPDATE `sd_options` SET `option_value` = '0' WHERE `option_name` = 'reg_captcha';
UPDATE `sd_options` SET `option_value` = '1' WHERE `option_name` = 'forget_captcha';
UPDATE `sd_options` SET `option_value` = '示例网盘' WHERE `option_name` = 'fromName';
UPDATE `sd_options` SET `option_value` = 'no-reply@example.com' WHERE `option_name` = 'fromAdress';
UPDATE `sd_options` SET `option_value` = 'smtp.example.com' WHERE `option_name` = 'smtpHost';
UPDATE `sd_options` SET `option_value` = '465' WHERE `option_name` = 'smtpPort';
UPDATE `sd_options` SET `option_value` = 'support@example.com' WHERE `option_name` = 'replyTo';
UPDATE `sd_options` SET `option_value` = 'no-reply@example.com' WHERE `option_name` = 'smtpUser';
UPDATE `sd_options` SET `option_value` = 'smtp-secret' WHERE `option_name` = 'smtpPass';
UPDATE `sd_options` SET `option_value` = 'ssl' WHERE `option_name` = 'encriptionType';
UPDATE `sd_options` SET `option_value` = '200000' WHERE `option_name` = 'maxEditSize';
UPDATE `sd_options` SET `option_value` = 'https://cdn.v2ex.com/gravatar/' WHERE `option_name` = 'gravatar_server';
UPDATE `sd_options` SET `option_value` = '#3f51b5' WHERE `option_name` = 'defaultTheme';
UPDATE `sd_options` SET `option_value` = 'http://127.0.0.1:6800/' WHERE `option_name` = 'aria2_rpcurl';
UPDATE `sd_options` SET `option_value` = 'secret-token' WHERE `option_name` = 'aria2_token';
UPDATE `sd_options` SET `option_value` = '/srv/cloudreve/public/downloads' WHERE `option_name` = 'aria2_tmppath';
UPDATE `sd_options` SET `option_value` = '{"max-tries":5}' WHERE `option_name` = 'aria2_options';
UPDATE `sd_options` SET `option_value` = 'false' WHERE `option_name` = 'allowdVisitorDownload';
UPDATE `sd_options` SET `option_value` = '10' WHERE `option_name` = 'hot_share_num';
UPDATE `sd_options` SET `option_value` = 'true' WHERE `option_name` = 'refererCheck';
UPDATE `sd_options` SET `option_value` = '' WHERE `option_name` = 'task_queue_token';

-- --------------------------------------------------------
-- Storage policies

-- Policy 1 (local), edited by the admin.
UPDATE `sd_policy` SET `dirrule` = '{date}/{uid}', `filetype` = '[{"ext":"jpg,png,gif,image/*,MP4,txt","title":"default"}]', `max_size` = 104857600, `url` = 'https://pan.example.com/public/uploads/' WHERE `id` = 1;

-- Policy 2: Qiniu, private bucket, source links allowed.
INSERT INTO `sd_policy` (`id`, `policy_name`, `policy_type`, `server`, `bucketname`, `bucket_private`, `url`, `ak`, `sk`, `op_name`, `op_pwd`, `filetype`, `mimetype`, `max_size`, `autoname`, `dirrule`, `namerule`, `origin_link`) VALUES
(2, 'Qiniu images', 'qiniu', '/Upload', 'img-bucket', 1, 'https://img.example.com/', 'QAK', 'QSK', '0', '0', '[]', 'image/*', 52428800, 1, 'uploads/{uid}', '{randomkey16}_{originname}', 1);

-- Policy 3: Aliyun OSS, public bucket.
INSERT INTO `sd_policy` (`id`, `policy_name`, `policy_type`, `server`, `bucketname`, `bucket_private`, `url`, `ak`, `sk`, `op_name`, `op_pwd`, `filetype`, `mimetype`, `max_size`, `autoname`, `dirrule`, `namerule`, `origin_link`) VALUES
(3, 'Aliyun OSS', 'oss', 'https://oss-cn-hangzhou.aliyuncs.com', 'oss-bucket', 0, 'https://oss-bucket.oss-cn-hangzhou.aliyuncs.com/', 'OAK', 'OSK', '0', '0', '[]', '0', 0, 1, 'oss/{uid}', '{uid}_{randomkey8}_{originname}', 0);

-- Policy 4: Upyun with token anti-leech (sk) on; namerule '0' is ignored by V2.
INSERT INTO `sd_policy` (`id`, `policy_name`, `policy_type`, `server`, `bucketname`, `bucket_private`, `url`, `ak`, `sk`, `op_name`, `op_pwd`, `filetype`, `mimetype`, `max_size`, `autoname`, `dirrule`, `namerule`, `origin_link`) VALUES
(4, 'Upyun', 'upyun', 'https://v0.api.upyun.com/up-svc', 'up-svc', 1, 'https://up.example.com/', '0', 'antileech-token', 'operator', 'oppass', '[]', '0', 0, 1, '{uid}', '0', 0);

-- Policy 5: OneDrive; bucketname = client id, ak = client secret, sk = JSON OAuth state.
INSERT INTO `sd_policy` (`id`, `policy_name`, `policy_type`, `server`, `bucketname`, `bucket_private`, `url`, `ak`, `sk`, `op_name`, `op_pwd`, `filetype`, `mimetype`, `max_size`, `autoname`, `dirrule`, `namerule`, `origin_link`) VALUES
(5, 'OneDrive', 'onedrive', '/Upload', 'client-id-123', 1, '0', 'client-secret', '{"redirect_uri":null,"token":{"obtained":1552810000,"data":{"token_type":"Bearer","scope":"Files.ReadWrite.All","expires_in":3600,"ext_expires_in":3600,"access_token":"EwBwA8l6at","refresh_token":"MCYd1Xk9S6v-rt"}}}', '0', '0', '[]', '0', 0, 1, 'onedrive/{uid}', '{uid}_{randomkey8}_{originname}', 0);

-- --------------------------------------------------------
-- Groups

-- Group 1 (admins): offline download on.
UPDATE `sd_groups` SET `aria2` = '1,1,1' WHERE `id` = 1;
-- Group 2 (guests): speed '0' = downloads forbidden.
UPDATE `sd_groups` SET `speed` = '0' WHERE `id` = 2;
-- Group 3 (registered members): 100 MiB, 512 KiB/s.
UPDATE `sd_groups` SET `max_storage` = 104857600, `speed` = '512' WHERE `id` = 3;

INSERT INTO `sd_groups` (`id`, `group_name`, `policy_name`, `max_storage`, `grade_policy`, `speed`, `allow_share`, `color`, `policy_list`, `range_transfer`, `webdav`, `aria2`) VALUES
(4, 'VIP', 2, 10737418240, '0', '', 1, 'success', '2,1', 1, 1, '1,1,1');

-- Group 5: dirty data, policy_list names policy 9, which does not exist.
INSERT INTO `sd_groups` (`id`, `group_name`, `policy_name`, `max_storage`, `grade_policy`, `speed`, `allow_share`, `color`, `policy_list`, `range_transfer`, `webdav`, `aria2`) VALUES
(5, 'Trial', 3, 20971520, '0', '', 0, 'warning', '3,9', 0, 0, '0,0,0');

-- --------------------------------------------------------
-- Users. user_date is set explicitly in every statement (also in the UPDATE of user 1,
-- as user_date = user_date) so that the values stay fixed even on a server where the
-- column has ON UPDATE CURRENT_TIMESTAMP.

-- User 1: admin@cloudreve.org / password: admin (md5('sdshareadmin')); Gravatar avatar
-- g.md5('admin@cloudreve.org').
UPDATE `sd_users` SET `avatar` = 'g.77f7cd77903d9b4f8a6d544aa80d014f', `options` = '{"preferTheme":"#3f51b5"}', `used_storage` = 0, `user_date` = `user_date` WHERE `id` = 1;

-- User 2: alice@example.com / password: alice2019
-- active (status 0, key 'n'), group 3, public profile, no 2FA.
INSERT INTO `sd_users` (`id`, `user_email`, `user_nick`, `user_pass`, `user_date`, `user_status`, `user_group`, `group_primary`, `user_activation_key`, `used_storage`, `two_step`, `delay_time`, `avatar`, `profile`, `webdav_key`, `options`) VALUES
(2, 'alice@example.com', 'alice', '726fa3c044bb2f7cdbe1aed02f1f8023', '2019-03-17 09:12:45', 0, 3, 0, 'n', 1550336, '0', 0, 'default', 1, '726fa3c044bb2f7cdbe1aed02f1f8023', '{}');

-- User 3: bob@example.com / password: bobSecret!
-- active, group 4 (VIP), 2FA on (secret JBSWY3DPEHPK3PXP), uploaded avatar, profile closed.
-- used_storage has drifted: SUM(size) of his files is 5402624, the counter says 5500000.
INSERT INTO `sd_users` (`id`, `user_email`, `user_nick`, `user_pass`, `user_date`, `user_status`, `user_group`, `group_primary`, `user_activation_key`, `used_storage`, `two_step`, `delay_time`, `avatar`, `profile`, `webdav_key`, `options`) VALUES
(3, 'bob@example.com', 'bob', 'be82e35b1f463b275b7bf2bf8f8ce6d1', '2019-03-16 20:03:11', 0, 4, 0, 'n', 5500000, 'JBSWY3DPEHPK3PXP', 0, 'f.5c8e1a2b3c4d5.jpg', 0, 'be82e35b1f463b275b7bf2bf8f8ce6d1', '{"preferTheme":"#4caf50"}');

-- User 4: carol@example.com / password: carol-pending
-- status 1 + 32-hex activation key = registered, waiting for e-mail activation. group 3.
INSERT INTO `sd_users` (`id`, `user_email`, `user_nick`, `user_pass`, `user_date`, `user_status`, `user_group`, `group_primary`, `user_activation_key`, `used_storage`, `two_step`, `delay_time`, `avatar`, `profile`, `webdav_key`, `options`) VALUES
(4, 'carol@example.com', 'carol', 'afa81e67a1ef1752d8433d92d5884b9f', '2019-03-18 14:30:00', 1, 3, 0, 'eda1fa1c0efb2f41369c9a3c5c40a7ab', 0, '0', 0, 'default', 1, 'afa81e67a1ef1752d8433d92d5884b9f', '');

-- User 5: dave@example.com / password: dave-banned
-- status 1 + activation key 'n' = banned by the admin. group 5 (Trial).
INSERT INTO `sd_users` (`id`, `user_email`, `user_nick`, `user_pass`, `user_date`, `user_status`, `user_group`, `group_primary`, `user_activation_key`, `used_storage`, `two_step`, `delay_time`, `avatar`, `profile`, `webdav_key`, `options`) VALUES
(5, 'dave@example.com', 'dave', '6b4a8a831d4f2b851e63a675bd444721', '2019-03-18 16:45:20', 1, 5, 0, 'n', 0, '0', 0, 'default', 1, '6b4a8a831d4f2b851e63a675bd444721', '{}');

-- User 6: erin@example.org / password: erin12345
-- active, group 3, CJK nick; Gravatar hash md5('erin@example.org') starts with 'f'.
INSERT INTO `sd_users` (`id`, `user_email`, `user_nick`, `user_pass`, `user_date`, `user_status`, `user_group`, `group_primary`, `user_activation_key`, `used_storage`, `two_step`, `delay_time`, `avatar`, `profile`, `webdav_key`, `options`) VALUES
(6, 'erin@example.org', '测试用户', '8e85f63c6e190754cb2a6e3a8f3213ed', '2019-03-19 08:00:05', 0, 3, 0, 'n', 0, '0', 0, 'g.f488678e9ed075f1e9ca3c1996f99b9f', 1, '8e85f63c6e190754cb2a6e3a8f3213ed', '{}');

-- User 7: frank@example.com / password: frank-admin
-- active, group 1 = second administrator; options '' as admin add leaves it.
INSERT INTO `sd_users` (`id`, `user_email`, `user_nick`, `user_pass`, `user_date`, `user_status`, `user_group`, `group_primary`, `user_activation_key`, `used_storage`, `two_step`, `delay_time`, `avatar`, `profile`, `webdav_key`, `options`) VALUES
(7, 'frank@example.com', 'frank', '5684dbb8ba5835330b04cd7b2de4945b', '2019-03-19 11:11:11', 0, 1, 0, 'n', 0, '0', 0, 'default', 1, '5684dbb8ba5835330b04cd7b2de4945b', '');

-- --------------------------------------------------------
-- Folders. Roots 2-7 for users 2-7 (root 1 of the admin is in the seed).
-- parent_folder reproduces V2's bug: it was looked up by position_absolute without
-- an owner filter, so every top-level folder points to folder 1 (the admin's root)
-- and bob's /photos/2019 (12) points to alice's /photos (8).

INSERT INTO `sd_folders` (`id`, `folder_name`, `parent_folder`, `position`, `owner`, `date`, `position_absolute`) VALUES
(2, '根目录', 0, '.', '2', '2019-03-17 09:12:45', '/'),
(3, '根目录', 0, '.', '3', '2019-03-16 20:03:11', '/'),
(4, '根目录', 0, '.', '4', '2019-03-18 14:30:00', '/'),
(5, '根目录', 0, '.', '5', '2019-03-18 16:45:20', '/'),
(6, '根目录', 0, '.', '6', '2019-03-19 08:00:05', '/'),
(7, '根目录', 0, '.', '7', '2019-03-19 11:11:11', '/');

INSERT INTO `sd_folders` (`id`, `folder_name`, `parent_folder`, `position`, `owner`, `date`, `position_absolute`) VALUES
(8, 'photos', 1, '/', '2', '2019-03-17 09:20:00', '/photos'),
(9, '2019', 8, '/photos', '2', '2019-03-17 09:21:30', '/photos/2019'),
(10, 'docs', 1, '/', '2', '2019-03-17 09:25:10', '/docs'),
(11, 'photos', 1, '/', '3', '2019-03-17 21:00:00', '/photos'),
(12, '2019', 8, '/photos', '3', '2019-03-17 21:01:00', '/photos/2019'),
(13, 'work', 1, '/', '3', '2019-03-17 21:05:00', '/work');

-- --------------------------------------------------------
-- Files. dir = the folder's position_absolute, parent_folder = that folder's id
-- (files are looked up with an owner filter, so these are correct).
-- pic_info: 'W,H' for images, a single space ' ' for local non-images.

-- alice (uid 2), local policy: 245760 + 1048576 + 2048 + 253952 + 0 = 1550336 = her used_storage.
INSERT INTO `sd_files` (`id`, `orign_name`, `pre_name`, `upload_user`, `size`, `upload_date`, `pic_info`, `parent_folder`, `policy_id`, `dir`) VALUES
(1, 'photo.jpg', '20190317/2/2_AbCdEfGh_photo.jpg', 2, 245760, '2019-03-17 09:30:12', '1920,1080', 9, 1, '/photos/2019'),
(2, 'beach.png', '20190317/2/2_QwErTyUi_beach.png', 2, 1048576, '2019-03-17 09:31:40', '1280,720', 8, 1, '/photos'),
(3, 'notes.txt', '20190317/2/2_ZxCvBnMa_notes.txt', 2, 2048, '2019-03-17 09:40:03', ' ', 10, 1, '/docs'),
(4, '报告.pdf', '20190318/2/2_PlOkIjUh_报告.pdf', 2, 253952, '2019-03-18 10:02:55', ' ', 10, 1, '/docs'),
(5, 'empty.txt', '20190318/2/2_MnBvCxZa_empty.txt', 2, 0, '2019-03-18 10:05:00', ' ', 2, 1, '/');

-- bob (uid 3): two local files from before he moved to group 4, one qiniu file.
-- 4194304 + 8192 + 1200128 = 5402624 (his used_storage says 5500000: drift).
INSERT INTO `sd_files` (`id`, `orign_name`, `pre_name`, `upload_user`, `size`, `upload_date`, `pic_info`, `parent_folder`, `policy_id`, `dir`) VALUES
(6, 'sunset.jpg', '20190316/3/3_HgFdSaQw_sunset.jpg', 3, 4194304, '2019-03-16 20:10:00', '4032,3024', 3, 1, '/'),
(7, 'todo.txt', '20190317/3/3_ErTyUiOp_todo.txt', 3, 8192, '2019-03-17 21:06:00', ' ', 13, 1, '/work'),
(8, 'holiday.jpg', 'uploads/3/Ab12Cd34Ef56Gh78_holiday.jpg', 3, 1200128, '2019-03-18 12:00:00', '3000,2000', 12, 2, '/photos/2019');

-- --------------------------------------------------------
-- Shares (both by alice)

INSERT INTO `sd_shares` (`id`, `type`, `share_time`, `owner`, `source_name`, `origin_name`, `download_num`, `view_num`, `source_type`, `share_key`, `share_pwd`) VALUES
(1, 'public', '2019-03-17 10:00:00', 2, '1', 'photo.jpg', 3, 17, 'file', 'k3x9a2bq', '0'),
(2, 'private', '2019-03-18 11:00:00', 2, '/photos', '/photos', 0, 4, 'dir', 'p7m2z8ct', 'abc123');

-- --------------------------------------------------------
-- Tables the migration drops by design; one row each so they are not empty.

-- Offline download (status complete). last_update uses V2's 12-hour clock:
-- 14:15:30 was stored as 02:15:30.
INSERT INTO `sd_download` (`id`, `pid`, `path_id`, `owner`, `save_dir`, `status`, `last_update`, `msg`, `info`, `source`, `file_index`, `is_single`, `total_size`) VALUES
(1, '2089b05ecca3d829', '5c8f2a1b3d4e6', 2, '/docs', 'complete', '2019-03-18 02:15:30', '', '{"completedLength":"10485760","totalLength":"10485760","dir":"/srv/cloudreve/public/downloads/5c8f2a1b3d4e6","downloadSpeed":"0","errorMessage":""}', 'https://mirror.example.com/files/sample-10M.bin', 0, 1, 10485760);

INSERT INTO `sd_task` (`id`, `task_name`, `attr`, `type`, `status`, `uid`, `addtime`) VALUES
(1, '上传 report.docx 到 OneDrive', '{"path":"docs","fname":"report.docx","objname":"3_Qa1Ws2Ed_report.docx","savePath":"onedrive/3","fsize":65536,"picInfo":" ","policyId":5}', 'uploadSingleToOnedrive', 'complete', 3, '2019-03-18 12:30:00');

-- Storage pack for bob: 1 GiB, active from 2019-03-17 until 2020-03-16 (Unix times).
INSERT INTO `sd_storage_pack` (`id`, `p_name`, `uid`, `act_time`, `dlay_time`, `pack_size`) VALUES
(1, '1GB 扩容包', 3, 1552800000, 1584336000, 1073741824);

-- A stale chunk of an unfinished chunked upload by alice.
INSERT INTO `sd_chunks` (`id`, `user`, `ctx`, `time`, `obj_name`, `chunk_id`, `sum`) VALUES
(1, 2, 'aB3dE5gH7jK9mN1p', '2019-03-19 09:00:00', 'Xy7Zq2Lm', 0, 3);

-- A pending upload callback of bob on the qiniu policy.
INSERT INTO `sd_callback` (`id`, `callback_key`, `pid`, `uid`) VALUES
(1, 'Qw8Er7Ty6Ui5Op4A', 2, 3);
