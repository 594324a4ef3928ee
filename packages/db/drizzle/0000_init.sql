CREATE TABLE "events" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"source" text NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"system_id" text NOT NULL,
	"time" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"stored_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "systems" (
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
CREATE UNIQUE INDEX "events_source_event_id_key" ON "events" USING btree ("source","event_id");--> statement-breakpoint
CREATE INDEX "events_system_time_idx" ON "events" USING btree ("system_id","time");