import type { Campaign } from "@maturity/model";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Database, Transaction } from "../client.ts";
import { campaigns } from "../schema/campaigns.ts";
import { scoreHistory } from "../schema/projections.ts";
import { fromJsonb } from "./jsonb.ts";
import { toIsoTime } from "./time.ts";

type Queryable = Database | Transaction;

export interface StoredCampaign {
  campaign: Campaign;
  status: "open" | "closed";
  createdAt: string;
  definedAt: string;
  definedBy: string;
  closedAt: string | null;
  closedBy: string | null;
  closeReason: string | null;
}

// An event older than the one applied last (time, then id) changes nothing: redelivery and
// reordering are harmless.
const newer = (at: string, eventId: string) =>
  sql`(${campaigns.lastEventAt}, ${campaigns.lastEventId}) < (${at}::timestamptz, ${eventId})`;

/** Applies a campaign.defined: a new campaign, or a new definition (which reopens a closed one). */
export async function saveCampaignDefinition(
  tx: Transaction,
  change: { campaign: Campaign; actor: string; at: string; eventId: string },
): Promise<void> {
  const { campaign, actor, at, eventId } = change;
  const set = {
    definition: campaign,
    status: "open",
    definedAt: at,
    definedBy: actor,
    closedAt: null,
    closedBy: null,
    closeReason: null,
    lastEventAt: at,
    lastEventId: eventId,
  };
  await tx
    .insert(campaigns)
    .values({ campaignId: campaign.id, createdAt: at, ...set })
    .onConflictDoUpdate({ target: campaigns.campaignId, set, setWhere: newer(at, eventId) });
}

/** Applies a campaign.closed; closing one never defined changes nothing. */
export async function closeCampaign(
  tx: Transaction,
  change: { campaignId: string; actor: string; at: string; reason: string | undefined; eventId: string },
): Promise<void> {
  await tx
    .update(campaigns)
    .set({
      status: "closed",
      closedAt: change.at,
      closedBy: change.actor,
      closeReason: change.reason ?? null,
      lastEventAt: change.at,
      lastEventId: change.eventId,
    })
    .where(sql`${campaigns.campaignId} = ${change.campaignId} and ${newer(change.at, change.eventId)}`);
}

export async function listCampaigns(db: Queryable): Promise<StoredCampaign[]> {
  const rows = await db.select().from(campaigns).orderBy(asc(campaigns.campaignId));
  return rows.map(storedOf);
}

export async function loadCampaign(db: Queryable, campaignId: string): Promise<StoredCampaign | undefined> {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.campaignId, campaignId));
  return row === undefined ? undefined : storedOf(row);
}

function storedOf(row: typeof campaigns.$inferSelect): StoredCampaign {
  return {
    campaign: fromJsonb<Campaign>(row.definition),
    status: row.status as "open" | "closed",
    createdAt: toIsoTime(row.createdAt),
    definedAt: toIsoTime(row.definedAt),
    definedBy: row.definedBy,
    closedAt: row.closedAt === null ? null : toIsoTime(row.closedAt),
    closedBy: row.closedBy,
    closeReason: row.closeReason,
  };
}

/** Every score-history row of one axis (or of these systems' axis), oldest first: a campaign's burn-up reads it. */
export async function axisHistory(
  db: Queryable,
  axis: string,
  systemIds?: readonly string[],
): Promise<{ systemId: string; at: string; score: number; level: number }[]> {
  const rows = await db
    .select({
      systemId: scoreHistory.systemId,
      at: scoreHistory.at,
      score: scoreHistory.score,
      level: scoreHistory.level,
    })
    .from(scoreHistory)
    .where(
      systemIds === undefined
        ? eq(scoreHistory.axis, axis)
        : and(eq(scoreHistory.axis, axis), inArray(scoreHistory.systemId, [...systemIds])),
    )
    .orderBy(asc(scoreHistory.at), asc(scoreHistory.id));
  return rows.map((row) => ({ ...row, at: toIsoTime(row.at) }));
}
