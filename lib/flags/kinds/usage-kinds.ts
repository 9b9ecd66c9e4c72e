import { effectiveLevel } from "@/lib/units/unit-level";
import { zombieDaysFor } from "@/lib/settings/thresholds.validation";
import { groupBy, groupByPair } from "../group-by";
import { caseBy, type CaseRule } from "../cases/case-rule";
import {
  DAY_MS,
  distinctIds,
  mandatesByUnitBound,
  type Detector,
  type Finding,
  type Ledger,
  type ReportRow,
} from "../finding";

const ONE_OFF_DAYS = 7;

const ISSUER_OVERLOAD = "overload:issuer:";

/**
 * The subjects of the usage kinds: what makes a finding the same flag from one recompute to the
 * next. The recompute after one report builds the keys it can reach with these same functions.
 */
export const usageSubjects = {
  zombie: (unitId: number, channelId: number) => `zombie:${unitId}:${channelId}`,
  /** With fewer reporters than the threshold, one flag per idle report. */
  zombieOf: (unitId: number, channelId: number, reporterId: number) => `zombie:${unitId}:${channelId}:${reporterId}`,
  oneOff: (unitId: number, channelId: number, reporterId: number) => `one_off:${unitId}:${channelId}:${reporterId}`,
  personOverload: (reporterId: number) => `overload:person:${reporterId}`,
  unitOverload: (unitId: number) => `overload:unit:${unitId}`,
  issuerOverload: (issuerId: number) => `${ISSUER_OVERLOAD}${issuerId}`,
};

/**
 * Whether a report counts as idle: held, but not used for real work for the idle days of its
 * channel's kind or more. A never-used installation younger than the grace period (by default the
 * same idle days) is not idle yet: it has not been unused that long.
 */
function idleJudge(ledger: Ledger): (r: ReportRow) => boolean {
  const now = ledger.today.getTime();
  const days = new Map<number, { idle: number; grace: number }>();
  for (const c of ledger.channels.values()) {
    const idle = zombieDaysFor(ledger.thresholds, c.kind) * DAY_MS;
    days.set(c.id, {
      idle,
      grace: ledger.thresholds.installGraceDays ? ledger.thresholds.installGraceDays * DAY_MS : idle,
    });
  }
  return (r) => {
    if (r.onlyForFigures) return true;
    const { idle, grace } = days.get(r.channelId)!;
    if (!r.lastUsedOn) return !(r.installedOn && now - r.installedOn.getTime() < grace);
    return now - r.lastUsedOn.getTime() >= idle;
  };
}

// A few thousand distinct days among millions of reports: each written out once.
const isoDays = new Map<number, string>();
function isoDay(d: Date | null): string | null {
  if (!d) return null;
  const time = d.getTime();
  let day = isoDays.get(time);
  if (day === undefined) isoDays.set(time, (day = d.toISOString().slice(0, 10)));
  return day;
}

const reportEvidence = (r: ReportRow) => ({
  reportId: r.id,
  installedOn: isoDay(r.installedOn),
  lastUsedOn: isoDay(r.lastUsedOn),
  onlyForFigures: r.onlyForFigures,
});

/**
 * At a unit, a channel its staff hold but do not use for real work (90 days or more, never, or
 * only to report figures) by at least half of its reporters; with fewer than 3 reporters, per report.
 */
export const zombie: Detector = {
  kind: "zombie",
  scope: "unit",
  explains: ["zombie"],
  *detect(ledger) {
    const { zombieMinReporters, zombieSharePercent } = ledger.thresholds;
    const isIdle = idleJudge(ledger);
    for (const reports of groupByPair(
      ledger.reports.filter((r) => ledger.channels.has(r.channelId)),
      (r) => r.unitId,
      (r) => r.channelId,
    )) {
      const idle = reports.filter(isIdle);
      if (
        !idle.length ||
        (reports.length >= zombieMinReporters && idle.length * 100 < zombieSharePercent * reports.length)
      )
        continue;
      const { unitId, channelId } = reports[0]!;
      const unit = ledger.units.get(unitId)!.name;
      const channel = ledger.channels.get(channelId)!;
      const days = zombieDaysFor(ledger.thresholds, channel.kind);
      // Objects written out, not spread: a spread per finding cost ten times as long (a million findings).
      if (reports.length >= zombieMinReporters) {
        yield {
          kind: "zombie",
          unitId,
          channelIds: [channelId],
          subjectKey: usageSubjects.zombie(unitId, channelId),
          severity: idle.length === reports.length ? 3 : 2,
          reporterId: null,
          params: { unit, channel: channel.name, idle: idle.length, reporters: reports.length, days },
          evidence: { reports: idle.map(reportEvidence), reporters: reports.length },
          burden: idle.reduce((s, r) => s + r.minutesPerWeek, 0),
        };
      } else {
        for (const r of idle) {
          yield {
            kind: "zombie",
            unitId,
            channelIds: [channelId],
            subjectKey: usageSubjects.zombieOf(unitId, channelId, r.reporterId),
            severity: 1,
            reporterId: r.reporterId,
            params: { unit, channel: channel.name, idle: 1, reporters: 1, days },
            evidence: { reports: [reportEvidence(r)] },
            burden: r.minutesPerWeek,
          };
        }
      }
    }
  },
};

/** Installed, used only at registration (or once to report figures), never again. */
export const oneOff: Detector = {
  kind: "one_off",
  scope: "unit",
  explains: ["one_off"],
  *detect(ledger) {
    const now = ledger.today.getTime();
    for (const r of ledger.reports) {
      const channel = ledger.channels.get(r.channelId);
      if (!channel || !r.installedOn || !r.lastUsedOn) continue;
      if (r.lastUsedOn.getTime() - r.installedOn.getTime() > ONE_OFF_DAYS * DAY_MS) continue;
      if (now - r.lastUsedOn.getTime() < zombieDaysFor(ledger.thresholds, channel.kind) * DAY_MS) continue;
      yield {
        kind: "one_off",
        subjectKey: usageSubjects.oneOff(r.unitId, r.channelId, r.reporterId),
        severity: 1,
        unitId: r.unitId,
        channelIds: [r.channelId],
        reporterId: r.reporterId,
        params: { unit: ledger.units.get(r.unitId)!.name, channel: channel.name },
        evidence: { reports: [reportEvidence(r)] },
        burden: r.minutesPerWeek,
      };
    }
  },
};

/** A person above the thresholds (channels, accounts, hours a week), a unit required to use more channels than one person should, or a department at city level or above imposing too many apps on the grassroots. */
export const overload: Detector = {
  kind: "overload",
  scope: "unit",
  explains: ["overload", "overload_unit", "overload_issuer"],
  *detect(ledger) {
    const { overloadChannels, overloadAccounts, overloadHoursPerWeek, issuerAppLimit } = ledger.thresholds;
    const people = groupBy(ledger.reports, (r) => r.reporterId);
    for (const [reporterId, reports] of people) {
      const channels = reports.length;
      const accounts = reports.reduce((s, r) => s + r.accounts, 0);
      const minutes = reports.reduce((s, r) => s + r.minutesPerWeek, 0);
      const over = [
        channels > overloadChannels && "channels",
        accounts > overloadAccounts && "accounts",
        minutes > overloadHoursPerWeek * 60 && "hours",
      ].filter(Boolean) as string[];
      if (!over.length) continue;
      const unitId = reports[0]!.unitId;
      yield {
        kind: "overload",
        subjectKey: usageSubjects.personOverload(reporterId),
        severity: over.length >= 2 ? 3 : 2,
        unitId,
        channelIds: [],
        reporterId,
        params: {
          unit: ledger.units.get(unitId)!.name,
          channels,
          accounts,
          hours: Math.round(minutes / 6) / 10,
          over: over.join(","),
        },
        evidence: { channels, accounts, minutesPerWeek: minutes, over },
        burden: minutes,
      };
    }
    yield* unitOverload(ledger);
    const grassroots = new Set(["township", "village"]);
    const byIssuer = new Map<number, Set<number>>();
    for (const m of mandatesByUnitBound(ledger)) {
      const target = ledger.units.get(m.targetUnitId);
      if (!target || !grassroots.has(target.level) || ledger.channels.get(m.channelId)?.kind !== "app") continue;
      const apps = byIssuer.get(m.issuerUnitId);
      if (apps) apps.add(m.channelId);
      else byIssuer.set(m.issuerUnitId, new Set([m.channelId]));
    }
    for (const [issuerId, apps] of byIssuer) {
      const issuer = ledger.units.get(issuerId);
      if (!issuer) continue;
      if (
        !["province", "city"].includes(effectiveLevel(issuer, (id) => ledger.units.get(id))) ||
        apps.size <= issuerAppLimit
      )
        continue;
      yield {
        kind: "overload",
        subjectKey: usageSubjects.issuerOverload(issuerId),
        severity: 2,
        unitId: issuerId,
        channelIds: [...apps].sort((a, b) => a - b),
        reporterId: null,
        issuerIds: [issuerId],
        explainAs: "overload_issuer",
        params: { unit: issuer.name, channels: apps.size, limit: issuerAppLimit },
        evidence: { apps: [...apps].map((a) => ledger.channels.get(a)!.name), limit: issuerAppLimit },
        burden: 0,
      };
    }
  },
};

/** A unit whose active mandates require more distinct channels than the per-person threshold. */
function* unitOverload(ledger: Ledger): Generator<Finding> {
  const minutesAt = new Map<number, number>();
  for (const r of ledger.reports) minutesAt.set(r.unitId, (minutesAt.get(r.unitId) ?? 0) + r.minutesPerWeek);
  for (const [unitId, mandates] of groupBy(
    mandatesByUnitBound(ledger).filter((m) => ledger.channels.has(m.channelId)),
    (m) => m.targetUnitId,
  )) {
    const channels = distinctIds(mandates.map((m) => m.channelId));
    if (channels.length <= ledger.thresholds.overloadChannels) continue;
    const issuerIds = distinctIds(mandates.map((m) => m.issuerUnitId));
    const issuers = issuerIds.length;
    yield {
      kind: "overload",
      subjectKey: usageSubjects.unitOverload(unitId),
      severity: channels.length > 2 * ledger.thresholds.overloadChannels ? 3 : 2,
      unitId,
      channelIds: channels,
      reporterId: null,
      issuerIds,
      explainAs: "overload_unit",
      params: {
        unit: ledger.units.get(unitId)!.name,
        channels: channels.length,
        issuers,
        limit: ledger.thresholds.overloadChannels,
      },
      evidence: {
        channels: channels.map((c) => ledger.channels.get(c)!.name),
        issuers,
        limit: ledger.thresholds.overloadChannels,
      },
      burden: minutesAt.get(unitId) ?? 0,
    };
  }
}

/** Cases: idle and one-off use by channel and township; overload by township, or by the department that imposes too much. */
export const usageCaseRules: Record<"zombie" | "one_off" | "overload", CaseRule> = {
  zombie: caseBy.channelAndTownship,
  one_off: caseBy.channelAndTownship,
  overload: (f, ctx) => {
    if (f.subjectKey.startsWith(ISSUER_OVERLOAD))
      return {
        key: `overload:issuer:${f.unitId}`,
        about: "issuer_overload",
        channelIds: [],
        issuerId: f.unitId,
        townshipId: null,
      };
    const township = ctx.townshipOf(f.unitId);
    return {
      key: `overload:${township}`,
      about: "township_overload",
      channelIds: [],
      issuerId: null,
      townshipId: township,
    };
  },
};
