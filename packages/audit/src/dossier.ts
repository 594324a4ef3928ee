// What a person reading the pack wants to know about the system beyond its scores, taken from the
// events as they stream past: who owns it, which model versions it registered, and what its
// evaluations measured. Bounded: only the newest few of each are kept.
import type { EventOf, MaturityEvent } from "@maturity/model";

export interface OwnerFact {
  owner: string;
  onCallRotation: string | null;
  assignedAt: string;
  eventId: string;
}

export interface ModelVersionFact {
  model: string;
  version: string;
  registeredAt: string;
  runId: string | null;
  /** Aliases it was promoted to (e.g. "champion") at or before asOf. */
  aliases: string[];
  eventId: string;
}

export interface EvalRunFact {
  suite: string;
  gate: string;
  modelVersion: string | null;
  release: string | null;
  scores: Record<string, number>;
  at: string;
  eventId: string;
}

export interface Dossier {
  owner: OwnerFact | null;
  /** Newest first. */
  modelVersions: ModelVersionFact[];
  /** Newest first. */
  evalRuns: EvalRunFact[];
}

export const dossierLimits = { modelVersions: 50, evalRuns: 20, aliases: 500 } as const;

/** Keeps the newest `cap` items by (time, id), newest first. */
class Newest<T extends { t: number; id: string }> {
  readonly items: T[] = [];
  constructor(private readonly cap: number) {}

  add(item: T): void {
    const at = this.items.findIndex((kept) => newer(item, kept));
    if (at === -1) {
      if (this.items.length < this.cap) this.items.push(item);
      return;
    }
    this.items.splice(at, 0, item);
    if (this.items.length > this.cap) this.items.pop();
  }
}

const newer = (a: { t: number; id: string }, b: { t: number; id: string }) =>
  a.t > b.t || (a.t === b.t && a.id > b.id);

export class DossierCollector {
  private owner: (OwnerFact & { t: number; id: string }) | null = null;
  private readonly versions = new Newest<ModelVersionFact & { t: number; id: string }>(
    dossierLimits.modelVersions,
  );
  private readonly promotions = new Newest<{ t: number; id: string; key: string; alias: string }>(
    dossierLimits.aliases,
  );
  private readonly evals = new Newest<EvalRunFact & { t: number; id: string }>(dossierLimits.evalRuns);

  /** An event of the system at or before asOf (native-id events already re-addressed). */
  add(event: MaturityEvent, t: number): void {
    switch (event.type) {
      case "gov.owner.assigned":
        return this.addOwner(event, t);
      case "registry.model_version.registered":
        return this.versions.add({
          t,
          id: event.id,
          model: event.data.model,
          version: event.data.version,
          registeredAt: event.time,
          runId: event.data.runId ?? null,
          aliases: [],
          eventId: event.id,
        });
      case "registry.model_version.promoted":
        return this.promotions.add({
          t,
          id: event.id,
          key: versionKey(event.data.model, event.data.version),
          alias: event.data.alias,
        });
      case "eval.run.completed":
        return this.evals.add({
          t,
          id: event.id,
          suite: event.data.suite,
          gate: event.data.gate,
          modelVersion: event.data.modelVersion ?? null,
          release: event.data.release ?? null,
          scores: event.data.scores ?? {},
          at: event.time,
          eventId: event.id,
        });
      default:
        return;
    }
  }

  private addOwner(event: EventOf<"gov.owner.assigned">, t: number): void {
    if (this.owner !== null && !newer({ t, id: event.id }, this.owner)) return;
    this.owner = {
      t,
      id: event.id,
      owner: event.data.owner,
      onCallRotation: event.data.onCallRotation ?? null,
      assignedAt: event.time,
      eventId: event.id,
    };
  }

  result(): Dossier {
    const aliases = new Map<string, Set<string>>();
    for (const { key, alias } of this.promotions.items)
      aliases.set(key, (aliases.get(key) ?? new Set()).add(alias));
    const strip = <T extends { t: number; id: string }>({ t: _t, id: _id, ...rest }: T) => rest;
    return {
      owner: this.owner === null ? null : strip(this.owner),
      modelVersions: this.versions.items.map((v) => ({
        ...strip(v),
        aliases: [...(aliases.get(versionKey(v.model, v.version)) ?? [])].sort(),
      })),
      evalRuns: this.evals.items.map(strip),
    };
  }
}

const versionKey = (model: string, version: string) => `${model}\u0000${version}`;
