CREATE TABLE "alert_org_state" (
	"scope" text PRIMARY KEY NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_rules_in_force" (
	"scope" text PRIMARY KEY NOT NULL,
	"rules" jsonb,
	"event_id" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL
);
