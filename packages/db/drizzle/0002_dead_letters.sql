CREATE TABLE "dead_letters" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dead_letters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"position" text NOT NULL,
	"record_key" text NOT NULL,
	"value" "bytea" NOT NULL,
	"reason_kind" text NOT NULL,
	"reason" text NOT NULL,
	"event_type" text,
	"event_source" text,
	"event_id" text,
	"event_time" text,
	"dead_lettered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"redriven_at" timestamp with time zone,
	"redriven_by" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "dead_letters_position_key" ON "dead_letters" USING btree ("position");--> statement-breakpoint
CREATE INDEX "dead_letters_dead_lettered_at_idx" ON "dead_letters" USING btree ("dead_lettered_at");