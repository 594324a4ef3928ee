-- Hand edit: integer[] has no cast to jsonb, nor its default; so the default goes first, each dense
-- histogram becomes a jsonb array, then an object of its non-empty buckets (index → count), the
-- form packages/db's toStoredBuckets writes.
ALTER TABLE "projections"."llm_usage_hourly" ALTER COLUMN "latency_buckets" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "projections"."llm_usage_hourly" ALTER COLUMN "latency_buckets" SET DATA TYPE jsonb USING to_jsonb("latency_buckets");--> statement-breakpoint
UPDATE "projections"."llm_usage_hourly" SET "latency_buckets" = (
  SELECT coalesce(jsonb_object_agg(u.n - 1, u.c), '{}'::jsonb)
  FROM jsonb_array_elements("latency_buckets") WITH ORDINALITY AS u(c, n)
  WHERE u.c <> '0'::jsonb);--> statement-breakpoint
ALTER TABLE "projections"."llm_usage_hourly" ALTER COLUMN "latency_buckets" SET DEFAULT '{}'::jsonb;
