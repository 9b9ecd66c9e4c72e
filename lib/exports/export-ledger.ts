import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { joinList } from "@/lib/csv/cell-values";
import { formatDay } from "@/lib/dates/calendar-day";
import { MANDATE_TERMS } from "@/lib/mandates/mandate-terms";
import { writeCsv } from "@/lib/csv/write-csv";
import type { Db } from "@/lib/db/client";
import { completeReadDb } from "@/lib/db/read-replica";
import type { ImportKind } from "@/lib/imports/import-types";
import { DEFAULT_LOCALE, translator, type Translate } from "@/lib/i18n/messages";
import { columnsOf, ledgerWorkbook } from "@/lib/workbooks/write-workbook";
import { REPORT_ANSWERS } from "@/lib/reports/report-answers";

export type ExportFormat = "csv" | "json" | "xlsx";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["csv", "json", "xlsx"];
type Row = Record<string, string>;

/** The ledger in the brief's formats, so an export imports back unchanged (a workbook's sheet is named in `t`'s words). */
export async function exportLedger(actor: Actor, kind: ImportKind, format: "csv" | "json"): Promise<string>;
export async function exportLedger(
  actor: Actor,
  kind: ImportKind,
  format: ExportFormat,
  t?: Translate,
): Promise<string | Buffer>;
export async function exportLedger(
  actor: Actor,
  kind: ImportKind,
  format: ExportFormat,
  t: Translate = translator(DEFAULT_LOCALE),
): Promise<string | Buffer> {
  authorize(actor, "admin:manage");
  const rows = await loaders[kind](await completeReadDb());
  if (format === "json") return JSON.stringify(rows, null, 2) + "\n";
  if (format === "xlsx") return ledgerWorkbook(kind, rows, t(`workbook.sheet.${kind}`));
  return writeCsv(columnsOf(kind), rows);
}

const loaders: Record<ImportKind, (db: Db) => Promise<Row[]>> = {
  async units(db) {
    const units = await db.unit.findMany({
      orderBy: { path: "asc" },
      select: { code: true, name: true, level: true, parent: { select: { code: true } } },
    });
    return units.map((u) => ({ code: u.code, name: u.name, level: u.level, parent_code: u.parent?.code ?? "" }));
  },
  async channels(db) {
    const channels = await db.channel.findMany({
      orderBy: { id: "asc" },
      select: {
        name: true,
        kind: true,
        operatorName: true,
        operatorUnit: { select: { code: true } },
        platformId: true,
        purpose: true,
        filing: true,
        aliases: { select: { alias: true }, orderBy: { id: "asc" } },
      },
    });
    return channels.map((c) => ({
      name: c.name,
      kind: c.kind,
      operator: c.operatorUnit?.code ?? c.operatorName ?? "",
      platform_id: c.platformId ?? "",
      aliases: joinList(c.aliases.map((a) => a.alias)),
      purpose: c.purpose,
      filing: c.filing ?? "",
    }));
  },
  async mandates(db) {
    const mandates = await db.mandate.findMany({
      // Mandates gathered from staff reports are not exported: they come back from reports.csv.
      where: { status: "active", source: { not: "reported" } },
      orderBy: { id: "asc" },
      select: {
        issuer: { select: { code: true } },
        target: { select: { code: true } },
        channel: { select: { name: true } },
        ...MANDATE_TERMS,
      },
    });
    return mandates.map((m) => ({
      issuer_code: m.issuer.code,
      unit_code: m.target.code,
      channel: m.channel.name,
      actions: joinList(m.actions),
      assessment_linked: String(m.assessmentLinked),
      ranking: String(m.ranking),
      quota: m.quota == null ? "" : String(m.quota),
      since: formatDay(m.since),
      document: m.document ?? "",
      until: formatDay(m.until),
      applies_to_subtree: String(m.appliesToSubtree),
    }));
  },
  async reports(db) {
    const reports = await db.report.findMany({
      // The current ledger: withdrawn reports are history.
      where: { withdrawnOn: null },
      orderBy: { id: "asc" },
      select: {
        unit: { select: { code: true } },
        reporter: { select: { login: true } },
        channel: { select: { name: true } },
        ...REPORT_ANSWERS,
        requiredByUnitId: true,
        requiredByName: true,
        actions: true,
      },
    });
    const named = [...new Set(reports.map((r) => r.requiredByUnitId).filter((id): id is number => id !== null))];
    const codes = new Map(
      (await db.unit.findMany({ where: { id: { in: named } }, select: { id: true, code: true } })).map((u) => [
        u.id,
        u.code,
      ]),
    );
    return reports.map((r) => ({
      unit_code: r.unit.code,
      reporter: r.reporter.login,
      channel: r.channel.name,
      accounts: String(r.accounts),
      minutes_per_week: String(r.minutesPerWeek),
      installed_on: formatDay(r.installedOn),
      last_used_on: formatDay(r.lastUsedOn),
      only_for_figures: String(r.onlyForFigures),
      usefulness: r.usefulness == null ? "" : String(r.usefulness),
      required_by: (r.requiredByUnitId !== null ? codes.get(r.requiredByUnitId) : null) ?? r.requiredByName ?? "",
      actions: joinList(r.actions),
    }));
  },
};
