CREATE TABLE "rescore_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL
);
