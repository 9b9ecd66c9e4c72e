-- Trigram search over channel names and aliases (pinyin-free fuzzy matching, duplicate detection).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "UnitLevel" AS ENUM ('province', 'city', 'county', 'township', 'village', 'department');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('STAFF', 'REVIEWER', 'ADMIN');

-- CreateEnum
CREATE TYPE "ChannelKind" AS ENUM ('app', 'mini_program', 'wechat_group', 'official_account', 'web_system', 'other');

-- CreateEnum
CREATE TYPE "Purpose" AS ENUM ('learning', 'checkin', 'reporting', 'publicity', 'service', 'communication', 'assessment', 'other');

-- CreateEnum
CREATE TYPE "ChannelStatus" AS ENUM ('active', 'merged', 'retired');

-- CreateEnum
CREATE TYPE "Action" AS ENUM ('install', 'register', 'checkin', 'points_ranking', 'screenshot', 'promote', 'follow_share_like', 'vote', 'survey', 'report_data', 'join_group', 'online_time', 'regular_login', 'upload_photos');

-- CreateEnum
CREATE TYPE "MandateStatus" AS ENUM ('active', 'revoked');

-- CreateEnum
CREATE TYPE "FlagKind" AS ENUM ('duplicate_channel', 'overlapping_function', 'duplicate_mandate', 'zombie', 'one_off', 'policy_conflict', 'forced_on_residents', 'overload');

-- CreateEnum
CREATE TYPE "FlagStatus" AS ENUM ('open', 'confirmed', 'dismissed', 'resolved');

-- CreateTable
CREATE TABLE "units" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "UnitLevel" NOT NULL,
    "parent_id" INTEGER,
    "path" TEXT NOT NULL,
    "retired_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "units_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "login" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "role" "Role" NOT NULL,
    "unit_id" INTEGER,
    "jurisdiction_id" INTEGER,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "failed_sign_ins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMP(3),
    "locale" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitations" (
    "id" SERIAL NOT NULL,
    "code_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "used_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channels" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "normalized_name" TEXT NOT NULL,
    "initials" TEXT NOT NULL DEFAULT '',
    "kind" "ChannelKind" NOT NULL,
    "operator_unit_id" INTEGER,
    "operator_name" TEXT,
    "platform_id" TEXT,
    "filing" TEXT,
    "purpose" "Purpose" NOT NULL,
    "status" "ChannelStatus" NOT NULL DEFAULT 'active',
    "merged_into_id" INTEGER,
    "proposed_by_id" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "channels_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channel_aliases" (
    "id" SERIAL NOT NULL,
    "channel_id" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "normalized_name" TEXT NOT NULL,
    "initials" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "channel_aliases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mandates" (
    "id" SERIAL NOT NULL,
    "issuer_unit_id" INTEGER NOT NULL,
    "target_unit_id" INTEGER NOT NULL,
    "applies_to_subtree" BOOLEAN NOT NULL DEFAULT false,
    "channel_id" INTEGER NOT NULL,
    "actions" "Action"[],
    "assessment_linked" BOOLEAN NOT NULL DEFAULT false,
    "ranking" BOOLEAN NOT NULL DEFAULT false,
    "quota" INTEGER,
    "document" TEXT,
    "since" DATE,
    "until" DATE,
    "status" "MandateStatus" NOT NULL DEFAULT 'active',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "mandates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reports" (
    "id" SERIAL NOT NULL,
    "reporter_id" INTEGER NOT NULL,
    "unit_id" INTEGER NOT NULL,
    "channel_id" INTEGER NOT NULL,
    "required_by_unit_id" INTEGER,
    "required_by_name" TEXT,
    "actions" "Action"[],
    "accounts" INTEGER NOT NULL DEFAULT 1,
    "minutes_per_week" INTEGER NOT NULL DEFAULT 0,
    "installed_on" DATE,
    "last_used_on" DATE,
    "only_for_figures" BOOLEAN NOT NULL DEFAULT false,
    "usefulness" INTEGER,
    "note" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_mandates" (
    "report_id" INTEGER NOT NULL,
    "mandate_id" INTEGER NOT NULL,

    CONSTRAINT "report_mandates_pkey" PRIMARY KEY ("report_id","mandate_id")
);

-- CreateTable
CREATE TABLE "report_history" (
    "id" SERIAL NOT NULL,
    "report_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "recorded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flags" (
    "id" SERIAL NOT NULL,
    "kind" "FlagKind" NOT NULL,
    "subject_key" TEXT NOT NULL,
    "severity" INTEGER NOT NULL,
    "status" "FlagStatus" NOT NULL DEFAULT 'open',
    "unit_id" INTEGER,
    "channel_ids" INTEGER[],
    "reporter_id" INTEGER,
    "explanation" JSONB NOT NULL,
    "evidence" JSONB NOT NULL,
    "burden" INTEGER NOT NULL DEFAULT 0,
    "resolved_reason" TEXT,
    "assigned_issuer_id" INTEGER,
    "deadline" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "first_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "computed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "flags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flag_decisions" (
    "id" SERIAL NOT NULL,
    "flag_id" INTEGER NOT NULL,
    "reviewer_id" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "reason" TEXT,
    "detail" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "flag_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" INTEGER,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "submission_keys" (
    "key" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "result" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "submission_keys_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "units_code_key" ON "units"("code");

-- CreateIndex
CREATE INDEX "units_parent_id_idx" ON "units"("parent_id");

-- CreateIndex
CREATE INDEX "units_path_idx" ON "units"("path");

-- CreateIndex
CREATE UNIQUE INDEX "users_login_key" ON "users"("login");

-- CreateIndex
CREATE INDEX "users_unit_id_idx" ON "users"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "invitations_code_hash_key" ON "invitations"("code_hash");

-- CreateIndex
CREATE INDEX "channels_normalized_name_idx" ON "channels"("normalized_name");

-- CreateIndex
CREATE INDEX "channels_platform_id_idx" ON "channels"("platform_id");

-- CreateIndex
CREATE INDEX "channels_name_idx" ON "channels" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "channel_aliases_normalized_name_idx" ON "channel_aliases"("normalized_name");

-- CreateIndex
CREATE UNIQUE INDEX "channel_aliases_channel_id_alias_key" ON "channel_aliases"("channel_id", "alias");

-- CreateIndex
CREATE INDEX "mandates_target_unit_id_channel_id_idx" ON "mandates"("target_unit_id", "channel_id");

-- CreateIndex
CREATE INDEX "mandates_channel_id_idx" ON "mandates"("channel_id");

-- CreateIndex
CREATE INDEX "mandates_issuer_unit_id_idx" ON "mandates"("issuer_unit_id");

-- CreateIndex
CREATE INDEX "reports_unit_id_channel_id_idx" ON "reports"("unit_id", "channel_id");

-- CreateIndex
CREATE INDEX "reports_channel_id_idx" ON "reports"("channel_id");

-- CreateIndex
CREATE UNIQUE INDEX "reports_reporter_id_channel_id_key" ON "reports"("reporter_id", "channel_id");

-- CreateIndex
CREATE INDEX "report_mandates_mandate_id_idx" ON "report_mandates"("mandate_id");

-- CreateIndex
CREATE UNIQUE INDEX "report_history_report_id_version_key" ON "report_history"("report_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "flags_subject_key_key" ON "flags"("subject_key");

-- CreateIndex
CREATE INDEX "flags_status_severity_idx" ON "flags"("status", "severity");

-- CreateIndex
CREATE INDEX "flags_kind_idx" ON "flags"("kind");

-- CreateIndex
CREATE INDEX "flags_unit_id_idx" ON "flags"("unit_id");

-- CreateIndex
CREATE INDEX "flag_decisions_flag_id_idx" ON "flag_decisions"("flag_id");

-- CreateIndex
CREATE INDEX "audit_log_entity_entity_id_idx" ON "audit_log"("entity", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_jurisdiction_id_fkey" FOREIGN KEY ("jurisdiction_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channels" ADD CONSTRAINT "channels_operator_unit_id_fkey" FOREIGN KEY ("operator_unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channels" ADD CONSTRAINT "channels_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "channels"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channel_aliases" ADD CONSTRAINT "channel_aliases_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_issuer_unit_id_fkey" FOREIGN KEY ("issuer_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_target_unit_id_fkey" FOREIGN KEY ("target_unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_reporter_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channels"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_mandates" ADD CONSTRAINT "report_mandates_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_mandates" ADD CONSTRAINT "report_mandates_mandate_id_fkey" FOREIGN KEY ("mandate_id") REFERENCES "mandates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_history" ADD CONSTRAINT "report_history_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flags" ADD CONSTRAINT "flags_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flag_decisions" ADD CONSTRAINT "flag_decisions_flag_id_fkey" FOREIGN KEY ("flag_id") REFERENCES "flags"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flag_decisions" ADD CONSTRAINT "flag_decisions_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The audit log is append-only: the database itself refuses to change or remove its rows.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Subtree queries match a path prefix (LIKE '/1/7/%'); only a text_pattern_ops index serves that
-- under a non-C collation. Prisma cannot describe it, so the drift check ignores it by name.
CREATE INDEX "units_path_prefix_idx" ON "units" ("path" text_pattern_ops);
