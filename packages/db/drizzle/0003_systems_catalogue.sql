-- Hand edit (after the generated ALTER TABLE): a store migrated in place gets what a replay would
-- build. Each systems row takes its catalogue changes from the event store, in event-time order
-- (then event id), shaped as packages/model's catalogueChangeOf makes them; its catalogue fields
-- are then recomputed from them as catalogueIdentity does (the last value of each field; retired
-- when a retirement follows the last registration, since the first such retirement).
ALTER TABLE "projections"."systems" ADD COLUMN "catalogue" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
UPDATE "projections"."systems" AS s SET "catalogue" = c.changes
FROM (
  SELECT e.system_id,
    jsonb_agg(
      jsonb_strip_nulls(jsonb_build_object(
        'id', e.event_id,
        't', floor(extract(epoch FROM e.time) * 1000)::bigint,
        'change', substring(e.type FROM length('catalog.system.') + 1),
        'name', CASE WHEN e.type <> 'catalog.system.retired' THEN e.payload->'data'->'name' END,
        'team', CASE WHEN e.type <> 'catalog.system.retired' THEN e.payload->'data'->'team' END,
        'kind', CASE WHEN e.type <> 'catalog.system.retired' THEN e.payload->'data'->'kind' END,
        'riskTier', CASE WHEN e.type <> 'catalog.system.retired' THEN e.payload->'data'->'riskTier' END,
        'gpuQueues', CASE WHEN e.type <> 'catalog.system.retired' THEN e.payload->'data'->'sources'->'gpuQueues' END
      ))
      ORDER BY floor(extract(epoch FROM e.time) * 1000), e.event_id COLLATE "C"
    ) AS changes
  FROM "events" AS e
  WHERE e.type IN ('catalog.system.registered', 'catalog.system.updated', 'catalog.system.retired')
  GROUP BY e.system_id
) AS c
WHERE s.system_id = c.system_id;--> statement-breakpoint
UPDATE "projections"."systems" AS s SET
  "name" = (SELECT x.c->>'name' FROM jsonb_array_elements(s.catalogue) WITH ORDINALITY AS x(c, i)
    WHERE x.c ? 'name' ORDER BY x.i DESC LIMIT 1),
  "team" = (SELECT x.c->>'team' FROM jsonb_array_elements(s.catalogue) WITH ORDINALITY AS x(c, i)
    WHERE x.c ? 'team' ORDER BY x.i DESC LIMIT 1),
  "kind" = (SELECT x.c->>'kind' FROM jsonb_array_elements(s.catalogue) WITH ORDINALITY AS x(c, i)
    WHERE x.c ? 'kind' ORDER BY x.i DESC LIMIT 1),
  "risk_tier" = (SELECT x.c->>'riskTier' FROM jsonb_array_elements(s.catalogue) WITH ORDINALITY AS x(c, i)
    WHERE x.c ? 'riskTier' ORDER BY x.i DESC LIMIT 1),
  "retired_at" = (SELECT to_timestamp(min((x.c->>'t')::bigint) / 1000.0)
    FROM jsonb_array_elements(s.catalogue) WITH ORDINALITY AS x(c, i)
    WHERE x.c->>'change' = 'retired'
      AND x.i > coalesce((SELECT max(y.j) FROM jsonb_array_elements(s.catalogue) WITH ORDINALITY AS y(d, j)
        WHERE y.d->>'change' = 'registered'), 0));
