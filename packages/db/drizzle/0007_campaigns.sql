CREATE TABLE "campaigns" (
	"campaign_id" text PRIMARY KEY NOT NULL,
	"definition" jsonb NOT NULL,
	"status" text NOT NULL,
	"defined_at" timestamp with time zone NOT NULL,
	"defined_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"close_reason" text,
	"last_event_at" timestamp with time zone NOT NULL,
	"last_event_id" text NOT NULL
);
