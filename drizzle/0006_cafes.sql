CREATE TYPE "public"."cafe_answer" AS ENUM('coming', 'waitlisted', 'maybe', 'not_coming');--> statement-breakpoint
CREATE TYPE "public"."cafe_approval" AS ENUM('pending', 'approved', 'declined');--> statement-breakpoint
CREATE TYPE "public"."cafe_company_direction" AS ENUM('offer', 'ask');--> statement-breakpoint
CREATE TYPE "public"."cafe_company_kind" AS ENUM('walk', 'ride');--> statement-breakpoint
CREATE TYPE "public"."cafe_kind" AS ENUM('cafe', 'meetup');--> statement-breakpoint
CREATE TYPE "public"."cafe_meetup_kind" AS ENUM('coffee', 'walk', 'other');--> statement-breakpoint
CREATE TYPE "public"."job_state" AS ENUM('pending', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "cafe_company_acceptances" (
	"offer_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cafe_company_acceptances_offer_id_account_id_pk" PRIMARY KEY("offer_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "cafe_company_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cafe_company_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cafe_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"kind" "cafe_company_kind" NOT NULL,
	"direction" "cafe_company_direction" NOT NULL,
	"place" text NOT NULL,
	"meet_at" timestamp with time zone,
	"seats" integer,
	"note" text,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cafe_company_offers_seats_check" CHECK ("cafe_company_offers"."seats" is null or "cafe_company_offers"."seats" between 1 and 8)
);
--> statement-breakpoint
CREATE TABLE "cafe_rsvps" (
	"cafe_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"answer" "cafe_answer" NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"show_to_revealed" boolean DEFAULT false NOT NULL,
	"attended" boolean,
	CONSTRAINT "cafe_rsvps_cafe_id_account_id_pk" PRIMARY KEY("cafe_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "cafe_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"host_id" uuid,
	"weekday" integer NOT NULL,
	"week_of_month" integer NOT NULL,
	"start_time" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"starts_on" text NOT NULL,
	"ends_on" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "cafe_series_weekday_check" CHECK ("cafe_series"."weekday" between 1 and 7),
	CONSTRAINT "cafe_series_week_of_month_check" CHECK ("cafe_series"."week_of_month" in (-1, 1, 2, 3, 4)),
	CONSTRAINT "cafe_series_duration_check" CHECK ("cafe_series"."duration_minutes" between 15 and 720)
);
--> statement-breakpoint
CREATE TABLE "cafe_settings" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"remind_by_email" boolean DEFAULT true NOT NULL,
	"remind_by_push" boolean DEFAULT true NOT NULL,
	"remind_in_portal" boolean DEFAULT true NOT NULL,
	"reminder_offsets" integer[] DEFAULT '{1440,120}'::integer[] NOT NULL,
	"show_details" boolean DEFAULT false NOT NULL,
	"calendar_neutral" boolean DEFAULT true NOT NULL,
	"calendar_token_encrypted" text,
	"calendar_token_lookup" text,
	"calendar_token_created_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cafes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"series_id" uuid,
	"kind" "cafe_kind" DEFAULT 'cafe' NOT NULL,
	"meetup_kind" "cafe_meetup_kind",
	"host_id" uuid,
	"title" text NOT NULL,
	"topic" text,
	"place_name" text NOT NULL,
	"address" text NOT NULL,
	"directions" text,
	"accessibility_notes" text,
	"capacity" integer,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"forum_thread_id" uuid,
	"approval" "cafe_approval" DEFAULT 'approved' NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"decision_note" text,
	"cancelled_at" timestamp with time zone,
	"attendance_registered_at" timestamp with time zone,
	"idempotency_key" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cafes_capacity_check" CHECK ("cafes"."capacity" is null or "cafes"."capacity" between 1 and 500),
	CONSTRAINT "cafes_times_check" CHECK ("cafes"."ends_at" > "cafes"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "push_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_success_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"queue" text NOT NULL,
	"payload" jsonb NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"singleton_key" text,
	"state" "job_state" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"outcome" text,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "cafe_id" uuid;--> statement-breakpoint
ALTER TABLE "cafe_company_acceptances" ADD CONSTRAINT "cafe_company_acceptances_offer_id_cafe_company_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."cafe_company_offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafe_company_acceptances" ADD CONSTRAINT "cafe_company_acceptances_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafe_company_messages" ADD CONSTRAINT "cafe_company_messages_offer_id_cafe_company_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."cafe_company_offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafe_company_messages" ADD CONSTRAINT "cafe_company_messages_author_id_accounts_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafe_company_offers" ADD CONSTRAINT "cafe_company_offers_cafe_id_cafes_id_fk" FOREIGN KEY ("cafe_id") REFERENCES "public"."cafes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafe_company_offers" ADD CONSTRAINT "cafe_company_offers_author_id_accounts_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafe_rsvps" ADD CONSTRAINT "cafe_rsvps_cafe_id_cafes_id_fk" FOREIGN KEY ("cafe_id") REFERENCES "public"."cafes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafe_rsvps" ADD CONSTRAINT "cafe_rsvps_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafe_series" ADD CONSTRAINT "cafe_series_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafe_series" ADD CONSTRAINT "cafe_series_host_id_accounts_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafe_settings" ADD CONSTRAINT "cafe_settings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafes" ADD CONSTRAINT "cafes_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafes" ADD CONSTRAINT "cafes_series_id_cafe_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."cafe_series"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafes" ADD CONSTRAINT "cafes_host_id_accounts_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafes" ADD CONSTRAINT "cafes_forum_thread_id_forum_threads_id_fk" FOREIGN KEY ("forum_thread_id") REFERENCES "public"."forum_threads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafes" ADD CONSTRAINT "cafes_approved_by_accounts_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cafes" ADD CONSTRAINT "cafes_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cafe_company_messages_offer_created_idx" ON "cafe_company_messages" USING btree ("offer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cafe_company_messages_idempotency_key_key" ON "cafe_company_messages" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "cafe_company_offers_cafe_id_idx" ON "cafe_company_offers" USING btree ("cafe_id");--> statement-breakpoint
CREATE INDEX "cafe_rsvps_account_id_idx" ON "cafe_rsvps" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cafe_settings_calendar_token_lookup_key" ON "cafe_settings" USING btree ("calendar_token_lookup");--> statement-breakpoint
CREATE INDEX "cafes_community_starts_at_idx" ON "cafes" USING btree ("community_id","starts_at");--> statement-breakpoint
CREATE INDEX "cafes_series_id_idx" ON "cafes" USING btree ("series_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cafes_series_starts_at_key" ON "cafes" USING btree ("series_id","starts_at") WHERE "cafes"."series_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "cafes_idempotency_key_key" ON "cafes" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "push_subscriptions_endpoint_key" ON "push_subscriptions" USING btree ("endpoint");--> statement-breakpoint
CREATE INDEX "push_subscriptions_account_id_idx" ON "push_subscriptions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "jobs_pending_idx" ON "jobs" USING btree ("queue","run_at") WHERE "jobs"."state" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_singleton_key_key" ON "jobs" USING btree ("singleton_key");