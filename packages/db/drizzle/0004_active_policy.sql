CREATE TABLE "projections"."active_policy" (
	"scope" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"version" text NOT NULL,
	"rubric_version" text NOT NULL,
	"content_hash" text NOT NULL,
	"document" jsonb NOT NULL,
	"activated_at" timestamp with time zone NOT NULL,
	"event_id" text NOT NULL,
	"actor" text NOT NULL
);
