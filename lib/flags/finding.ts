import type { FlagKind } from "@/lib/db/generated/client";
import type { ProductIndex } from "@/lib/channels/known-products";
import type { Thresholds } from "@/lib/settings/thresholds.validation";

export type Severity = 1 | 2 | 3;

/** What one detector found: the subject key makes it the same flag across recomputes. */
export type Finding = {
  kind: FlagKind;
  subjectKey: string;
  severity: Severity;
  unitId: number | null;
  channelIds: number[];
  reporterId: number | null;
  /** The subtree whose reviewers see it, when not its unit's (see Flag.scopeUnitId). */
  scopeUnitId?: number | null;
  /** Issuing units of the mandates behind the flag. */
  issuerIds?: number[];
  /** Words come from the dictionaries (flag.<kind>.explain), filled with these parameters. */
  params: Record<string, string | number>;
  /** Words of a variant of the kind (flag.<explainAs>.explain), e.g. overload of a unit. */
  explainAs?: string;
  evidence: Record<string, unknown>;
  /** Staff affected × minutes per week, to order the queue. */
  burden: number;
};

export type UnitRow = {
  id: number;
  code: string;
  name: string;
  level: string;
  parentId: number | null;
  path: string;
  /** Whose partition holds the unit's rows and flags (lib/units/province.ts). */
  provinceId: number;
};
export type ChannelRow = {
  id: number;
  name: string;
  kind: string;
  purpose: string;
  operatorUnitId: number | null;
  operatorName: string | null;
  platformId: string | null;
  filing: string | null;
  aliases: string[];
};
/**
 * `reporters` > 0 marks a mandate known from staff reports (the distinct staff saying it);
 * `subtree` one that binds every unit below its target.
 */
export type MandateRow = {
  id: number;
  issuerUnitId: number;
  targetUnitId: number;
  channelId: number;
  actions: string[];
  assessmentLinked: boolean;
  ranking: boolean;
  quota: number | null;
  subtree: boolean;
  reporters: number;
};
export type ReportRow = {
  id: number;
  reporterId: number;
  unitId: number;
  channelId: number;
  accounts: number;
  minutesPerWeek: number;
  installedOn: Date | null;
  lastUsedOn: Date | null;
  onlyForFigures: boolean;
};

/** The ledger as the detectors see it: active channels and mandates, current reports. */
export type Ledger = {
  today: Date;
  thresholds: Thresholds;
  units: Map<number, UnitRow>;
  channels: Map<number, ChannelRow>;
  mandates: MandateRow[];
  reports: ReportRow[];
  /** Well-known products and their names (shipped and added); the shipped ones when absent. */
  products?: ProductIndex;
};

/**
 * A kind of finding. Big detectors yield their findings one at a time so that each is judged and
 * dropped at once (see FlagJudge); callers that need an array spread the result.
 */
export type Detector = {
  kind: FlagKind;
  /**
   * Whose reviewers see its findings: those over the finding's unit, or those over the smallest
   * region that holds every unit involved (set as the finding's scopeUnitId).
   */
  scope: "unit" | "shared_region";
  /** How its findings are explained: each variant is flag.<variant>.explain in the dictionaries. */
  explains: readonly string[];
  detect: (ledger: Ledger) => Iterable<Finding>;
};

export const DAY_MS = 86_400_000;

const minutesIndex = new WeakMap<Ledger, Map<number, Map<number, number>>>();

/** Minutes a week that staff of a unit report spending on a channel (0 when nobody reported it). */
export function minutesAt(ledger: Ledger, unitId: number, channelId: number): number {
  let index = minutesIndex.get(ledger);
  if (!index) {
    index = new Map();
    for (const r of ledger.reports) {
      let atUnit = index.get(r.unitId);
      if (!atUnit) index.set(r.unitId, (atUnit = new Map()));
      atUnit.set(r.channelId, (atUnit.get(r.channelId) ?? 0) + r.minutesPerWeek);
    }
    minutesIndex.set(ledger, index);
  }
  return index.get(unitId)?.get(channelId) ?? 0;
}

const reachIndex = new WeakMap<Ledger, MandateRow[]>();

/**
 * The mandates as they bind units: each as it is, and a mandate on a whole subtree once more for
 * every unit of the ledger below its target (as a copy aimed at that unit, same id). Detectors that
 * group by the unit bound (duplicate mandates, overlapping functions) read these.
 */
export function mandatesByUnitBound(ledger: Ledger): MandateRow[] {
  let out = reachIndex.get(ledger);
  if (out) return out;
  const subtree = new Map<number, MandateRow[]>();
  for (const m of ledger.mandates)
    if (m.subtree) subtree.set(m.targetUnitId, [...(subtree.get(m.targetUnitId) ?? []), m]);
  out = ledger.mandates;
  if (subtree.size > 0) {
    out = [...ledger.mandates];
    for (const u of ledger.units.values()) {
      for (const id of u.path.split("/")) {
        const above = id ? subtree.get(Number(id)) : undefined;
        if (above && Number(id) !== u.id) for (const m of above) out.push({ ...m, targetUnitId: u.id });
      }
    }
  }
  reachIndex.set(ledger, out);
  return out;
}

/** Sorted distinct ids (sorted, then repeats dropped: a Set per group of a few ids cost more). */
export function distinctIds(ids: Iterable<number>): number[] {
  const out = Array.from(ids).sort((a, b) => a - b);
  let n = 0;
  for (let i = 0; i < out.length; i++) if (n === 0 || out[i] !== out[n - 1]) out[n++] = out[i]!;
  out.length = n;
  return out;
}
