import type { ActionCode } from "@/lib/vocabulary";

/** What the report form shows and edits; dates as YYYY-MM-DD or "". */
export type ReportDraft = {
  reportId: number | null;
  version: number | null;
  channel: { id: number; name: string; kind: string };
  requiredByUnitId: number | null;
  requiredByName: string;
  actions: ActionCode[];
  accounts: number;
  /** null until the person answers (a new report). */
  minutesPerWeek: number | null;
  installedOn: string;
  lastUsedOn: string;
  neverUsed: boolean;
  onlyForFigures: boolean;
  usefulness: number | null;
  note: string;
  anonymous: boolean;
};

/** A mandate on a channel that applies to the staff member's unit: who requires it, and what. */
export type MandateChoice = { issuerUnitId: number; issuerName: string; actions: ActionCode[] };

export type ChannelHit = {
  id: number;
  name: string;
  kind: string;
  matched: string | null;
  reportId: number | null;
  mandates: MandateChoice[];
};
