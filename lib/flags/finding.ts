import type { FlagKind } from "@/lib/db/generated/client";
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
  /** Words come from the dictionaries (flag.<kind>.explain), filled with these parameters. */
  params: Record<string, string | number>;
  /** Words of a variant of the kind (flag.<explainAs>.explain), e.g. overload of a unit. */
  explainAs?: string;
  evidence: Record<string, unknown>;
  /** Staff affected × minutes per week, to order the queue. */
  burden: number;
};

export type UnitRow = { id: number; code: string; name: string; level: string; parentId: number | null; path: string };
export type ChannelRow = { id: number; name: string; kind: string; purpose: string; operatorUnitId: number | null; operatorName: string | null; platformId: string | null; filing: string | null; aliases: string[] };
export type MandateRow = { id: number; issuerUnitId: number; targetUnitId: number; channelId: number; actions: string[]; assessmentLinked: boolean; ranking: boolean; quota: number | null; document: string | null };
export type ReportRow = { id: number; reporterId: number; unitId: number; channelId: number; accounts: number; minutesPerWeek: number; installedOn: Date | null; lastUsedOn: Date | null; onlyForFigures: boolean };

/** The ledger as the detectors see it: active channels and mandates, current reports. */
export type Ledger = {
  today: Date;
  thresholds: Thresholds;
  units: Map<number, UnitRow>;
  channels: Map<number, ChannelRow>;
  mandates: MandateRow[];
  reports: ReportRow[];
};

export type Detector = { kind: FlagKind; detect: (ledger: Ledger) => Finding[] };

export const DAY_MS = 86_400_000;
