/* How a kind of finding says which case it belongs to (declared in lib/flags/kinds, gathered in the registry). */

export type CaseFinding = {
  id: number;
  kind: string;
  subjectKey: string;
  unitId: number | null;
  channelIds: number[];
  issuerIds: number[];
  severity: number;
  burden: number;
};

export type CaseGroup = {
  key: string;
  /** What the case is about: the shape of its key. */
  about:
    "duplicate_cluster" | "issuer_channel" | "channel" | "channel_township" | "township_overload" | "issuer_overload";
  channelIds: number[];
  issuerId: number | null;
  townshipId: number | null;
  findingIds: number[];
  kinds: string[];
  severity: number;
  burden: number;
};

/** What a kind's case rule sees besides the finding: each channel's duplicate cluster, and the township a unit lies in. */
export type CaseContext = { cluster: Map<number, number>; townshipOf: (unitId: number | null) => number | null };
/** The case of one finding: its key and what the key is about (see the module comment). */
export type CaseOf = Omit<CaseGroup, "findingIds" | "kinds" | "severity" | "burden">;
export type CaseRule = (f: CaseFinding, ctx: CaseContext) => CaseOf;

const firstOf = (ids: number[]) => (ids.length ? Math.min(...ids) : null);

/** The case helpers the kinds' rules share: one per department and channel (the mandate kinds), one per channel and township (usage). */
export const caseBy = {
  issuerAndChannel: (f: CaseFinding): CaseOf => {
    const [issuer, channel] = [firstOf(f.issuerIds), firstOf(f.channelIds)];
    return {
      key: `mandate:${issuer}:${channel}`,
      about: "issuer_channel",
      channelIds: channel === null ? [] : [channel],
      issuerId: issuer,
      townshipId: null,
    };
  },
  channelAndTownship: (f: CaseFinding, ctx: CaseContext): CaseOf => {
    const [channel, township] = [firstOf(f.channelIds), ctx.townshipOf(f.unitId)];
    return {
      key: `usage:${channel}:${township}`,
      about: "channel_township",
      channelIds: channel === null ? [] : [channel],
      issuerId: null,
      townshipId: township,
    };
  },
};
