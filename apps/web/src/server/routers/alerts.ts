import type { AlertRule, AlertsConfig } from "@maturity/alerts";
import { alertMessageStatuses, countAlertMessages, listAlertMessages } from "@maturity/db";
import type { EventOf } from "@maturity/model";
import { alertsSubject, maxAlertRules } from "@maturity/model";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { InnerContext } from "../trpc.ts";
import { adminProcedure, createTRPCRouter } from "../trpc.ts";
import { adminEvent, appendAdminEvent, cannotWrite } from "./admin-event.ts";
import { alertMessageState, loadRulesInForce } from "./alerts-reads.ts";
import {
  deliveryView,
  destinationsView,
  quietHoursView,
  readRulesText,
  ruleView,
  rulesYaml,
} from "./alerts-views.ts";

/** The most of a rules text the portal takes (characters): well inside one event. */
export const maxRulesChars = 256 * 1024;
/** Rows of the delivery log listed at most. */
export const maxDeliveries = 500;

const alertingOff =
  "alerting is off: set MATURITY_ALERTS to an alerts file (destinations and rules; docs/alerts.md, e.g. packages/alerts/examples/alerts.yaml) and restart the platform";

type AlertsEventType = "alerts.rules.changed" | "alerts.delivery.redriven";

const alertsEvent = <T extends AlertsEventType>(type: T, data: EventOf<T>["data"]) =>
  adminEvent(
    type,
    alertsSubject,
    type === "alerts.rules.changed" ? "alerts-rules" : "alerts-redrive",
    data,
    new Date().toISOString(),
  );

/** The alerts file and the log, or why the change cannot be made here. */
function writable(ctx: InnerContext): {
  alerts: AlertsConfig;
  append: NonNullable<InnerContext["appendToLog"]>;
} {
  if (ctx.alerts === undefined) throw new TRPCError({ code: "PRECONDITION_FAILED", message: alertingOff });
  if (ctx.appendToLog === undefined)
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: cannotWrite });
  return { alerts: ctx.alerts, append: ctx.appendToLog };
}

async function appendEvent(ctx: InnerContext, event: EventOf<AlertsEventType>): Promise<void> {
  writable(ctx);
  await appendAdminEvent(ctx, event);
}

async function changeRules(ctx: InnerContext & { viewer: { id: string } }, rules: AlertRule[] | null) {
  const event = alertsEvent("alerts.rules.changed", { actor: ctx.viewer.id, rules });
  await appendEvent(ctx, event);
  return event.id;
}

export const alertsRouter = createTRPCRouter({
  /**
   * Alerting at a glance (admin only): on or off, the destinations by name and type (never their
   * URLs or secrets), quiet hours, the rules in force and where they come from (the alerts file, or
   * an admin's change in the portal), and the delivery log counted by status.
   */
  overview: adminProcedure.query(async ({ ctx }) => {
    const counts = await countAlertMessages(ctx.db);
    const alerts = ctx.alerts;
    if (alerts === undefined)
      return {
        enabled: false as const,
        howToEnable: alertingOff,
        counts,
        maxRules: maxAlertRules,
        maxRulesChars,
      };
    const { rules, stored } = await loadRulesInForce(ctx.db, alerts);
    const lastChange =
      stored === null ? null : { actor: stored.actor, changedAt: stored.changedAt, eventId: stored.eventId };
    return {
      enabled: true as const,
      file: alerts.file,
      destinations: destinationsView(alerts),
      quietHours: quietHoursView(alerts),
      // The portal's rules when its latest change set some; the file's, after a reset or none.
      source:
        lastChange !== null && stored?.rules != null
          ? { kind: "portal" as const, file: alerts.file, ...lastChange }
          : { kind: "file" as const, file: alerts.file, lastChange },
      rules: rules.map(ruleView),
      rulesYaml: rulesYaml(rules),
      fileRulesYaml: rulesYaml(alerts.rules),
      counts,
      maxRules: maxAlertRules,
      maxRulesChars,
    };
  }),

  /** The delivery log, newest first (admin only): each message's attempts, status, last error and alerts. */
  deliveries: adminProcedure
    .input(
      z
        .object({
          status: z.enum(alertMessageStatuses).optional(),
          limit: z.int().min(1).max(maxDeliveries).optional(),
        })
        .default({}),
    )
    .query(async ({ ctx, input }) => {
      const limit = input.limit ?? 100;
      const rows = await listAlertMessages(ctx.db, {
        ...(input.status !== undefined && { status: input.status }),
        limit,
      });
      return { rows: rows.map((row) => deliveryView(row, ctx.alerts)), limit };
    }),

  /**
   * Puts new rules in force (admin only): the rules as YAML or JSON, checked like the alerts
   * file's (each field, unique ids, destinations the file names). Refused, it lists every problem
   * with its field and appends nothing; accepted, one alerts.rules.changed event naming the admin
   * goes on the log, and the worker decides with the rules once it has applied it.
   */
  changeRules: adminProcedure
    .input(z.object({ text: z.string().min(1).max(maxRulesChars) }))
    .mutation(async ({ ctx, input }) => {
      const { alerts } = writable(ctx);
      const read = readRulesText(input.text, Object.keys(alerts.destinations));
      if (!read.ok) return { ok: false as const, errors: read.errors };
      const eventId = await changeRules(ctx, read.rules);
      return { ok: true as const, eventId, rules: read.rules.length };
    }),

  /** Puts the alerts file's own rules back in force (admin only): alerts.rules.changed with no rules. */
  resetRules: adminProcedure.mutation(async ({ ctx }) => {
    writable(ctx);
    return { eventId: await changeRules(ctx, null) };
  }),

  /**
   * Sends a dead message again from its first attempt (admin only): one alerts.delivery.redriven
   * event naming the admin; the worker puts the message back to pending when it applies it. Only a
   * dead message whose destination the alerts file still names can be re-driven.
   */
  redrive: adminProcedure
    .input(z.object({ messageId: z.string().min(1).max(200) }))
    .mutation(async ({ ctx, input }) => {
      const { alerts } = writable(ctx);
      const state = await alertMessageState(ctx.db, input.messageId);
      if (state === null)
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `there is no alert message ${input.messageId}: pick one from the delivery log`,
        });
      if (state.status !== "dead")
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `alert message ${input.messageId} is ${state.status}, not dead: only a dead message can be re-driven`,
        });
      if (!Object.hasOwn(alerts.destinations, state.destination))
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `the destination "${state.destination}" is no longer in the alerts file (${alerts.file}): add it back and restart, then re-drive`,
        });
      const event = alertsEvent("alerts.delivery.redriven", {
        actor: ctx.viewer.id,
        messageId: input.messageId,
      });
      await appendEvent(ctx, event);
      return { eventId: event.id, messageId: input.messageId };
    }),
});
