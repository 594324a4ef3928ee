-- Hand edit: telemetry_events is range-partitioned by month (drizzle-kit cannot declare it);
-- the worker creates each month's partition before its first insert and drops expired ones.
CREATE SCHEMA "projections";
--> statement-breakpoint
CREATE TABLE "chain_heads" (
	"system_id" text PRIMARY KEY NOT NULL,
	"system_seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"source" text NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"system_id" text NOT NULL,
	"time" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"stored_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	"system_seq" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rescore_ticks" (
	"at" timestamp with time zone PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "telemetry_events" (
	"source" text NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"system_id" text NOT NULL,
	"time" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"applied_at" timestamp with time zone NOT NULL,
	CONSTRAINT "telemetry_events_source_event_id_time_pk" PRIMARY KEY("source","event_id","time")
) PARTITION BY RANGE ("time");
--> statement-breakpoint
CREATE TABLE "projections"."axis_scores" (
	"system_id" text NOT NULL,
	"axis" text NOT NULL,
	"score" double precision NOT NULL,
	"level" integer NOT NULL,
	CONSTRAINT "axis_scores_system_id_axis_pk" PRIMARY KEY("system_id","axis")
);
--> statement-breakpoint
CREATE TABLE "projections"."criterion_results" (
	"system_id" text NOT NULL,
	"criterion_id" text NOT NULL,
	"axis" text NOT NULL,
	"level" integer NOT NULL,
	"degree" double precision NOT NULL,
	"met" boolean NOT NULL,
	"status" text NOT NULL,
	"evidence" jsonb NOT NULL,
	CONSTRAINT "criterion_results_system_id_criterion_id_pk" PRIMARY KEY("system_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "projections"."llm_usage_hourly" (
	"system_id" text NOT NULL,
	"feature" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"calls" bigint NOT NULL,
	"errors" bigint NOT NULL,
	"input_tokens" bigint NOT NULL,
	"output_tokens" bigint NOT NULL,
	"cost_usd" double precision NOT NULL,
	"latency_buckets" integer[] DEFAULT '{}'::integer[] NOT NULL,
	CONSTRAINT "llm_usage_hourly_system_id_feature_hour_pk" PRIMARY KEY("system_id","feature","hour")
);
--> statement-breakpoint
CREATE TABLE "projections"."queue_facts" (
	"queue" text PRIMARY KEY NOT NULL,
	"facts" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projections"."risks" (
	"risk_key" text PRIMARY KEY NOT NULL,
	"system_id" text,
	"team" text NOT NULL,
	"kind" text NOT NULL,
	"rank" double precision NOT NULL,
	"risk" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projections"."rollups" (
	"scope" text PRIMARY KEY NOT NULL,
	"team" text,
	"system_count" integer NOT NULL,
	"tracks" jsonb NOT NULL,
	"track_gap" jsonb NOT NULL,
	"as_of" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projections"."score_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "projections"."score_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"system_id" text NOT NULL,
	"axis" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"score" double precision NOT NULL,
	"level" integer NOT NULL,
	"previous_score" double precision,
	"rubric_version" text NOT NULL,
	"cause_event_id" text,
	"cause" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projections"."source_mappings" (
	"ref" text PRIMARY KEY NOT NULL,
	"system_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projections"."system_facts" (
	"system_id" text PRIMARY KEY NOT NULL,
	"facts_version" integer NOT NULL,
	"facts" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projections"."system_reports" (
	"system_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"team" text NOT NULL,
	"kind" text NOT NULL,
	"risk_tier" text NOT NULL,
	"retired" boolean NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"rubric_version" text NOT NULL,
	"report" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projections"."systems" (
	"system_id" text PRIMARY KEY NOT NULL,
	"name" text,
	"team" text,
	"kind" text,
	"risk_tier" text,
	"event_count" bigint DEFAULT 0 NOT NULL,
	"latest_event_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "projections"."unmapped_sources" (
	"ref" text PRIMARY KEY NOT NULL,
	"event_count" bigint NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"mapped_to" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "events_source_event_id_key" ON "events" USING btree ("source","event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_system_seq_key" ON "events" USING btree ("system_id","system_seq");--> statement-breakpoint
CREATE INDEX "events_system_time_idx" ON "events" USING btree ("system_id","time");--> statement-breakpoint
CREATE INDEX "events_applied_at_idx" ON "events" USING btree ("applied_at","seq");--> statement-breakpoint
CREATE INDEX "telemetry_events_system_time_idx" ON "telemetry_events" USING btree ("system_id","time");--> statement-breakpoint
CREATE INDEX "telemetry_events_applied_at_idx" ON "telemetry_events" USING btree ("applied_at");--> statement-breakpoint
CREATE INDEX "risks_rank_idx" ON "projections"."risks" USING btree ("rank");--> statement-breakpoint
CREATE INDEX "risks_system_idx" ON "projections"."risks" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "score_history_system_axis_at_idx" ON "projections"."score_history" USING btree ("system_id","axis","at");