import { z } from "zod";
import { writeAuditMany } from "@/lib/audit/write-audit";
import { setAsideForBulkLoad } from "@/lib/db/set-aside-indexes";
import { bulkColumns, bulkInsert, type BulkColumn } from "@/lib/db/bulk-insert";
import { formatDay } from "@/lib/dates/calendar-day";
import type { RowIssue } from "./import-types";
import { loadChannelNames, loadUnitCodes, requiredByResolver } from "./lookups";
import { syncReportedMandates } from "@/lib/mandates/reported-mandates";
import { ACTIONS } from "@/lib/vocabulary";
import { linkReportsToMandates } from "@/lib/mandates/link-reports";
import { changeOf, chunk, findDuplicates, type Planner } from "./planner";
import { boolean, code, date, integer, list, optionalText, requiredText } from "./row-fields";
import { answersOf, REPORT_ANSWERS, type Answers } from "@/lib/reports/report-answers";
import { provincesOf } from "@/lib/units/province";

const MINUTES_PER_WEEK = 7 * 24 * 60;

const rowSchema = (today: Date) =>
  z.object({
    unit_code: code(),
    reporter: code(),
    channel: requiredText(100),
    accounts: integer(0, 100),
    minutes_per_week: integer(0, MINUTES_PER_WEEK),
    installed_on: date({ optional: true, notFuture: true, today }),
    last_used_on: date({ optional: true, notFuture: true, today }),
    only_for_figures: boolean(),
    usefulness: integer(1, 5, true),
    // Optional (survey sheets 摸底表 collected on paper): absent columns leave what is stored.
    required_by: optionalText(100).optional(),
    actions: list(40).optional(),
  });
type ReportRow = z.output<ReturnType<typeof rowSchema>>;
type Fields = Answers;

export const reportsPlanner: Planner<ReportRow> = {
  schema: rowSchema,
  async plan(rows, db) {
    const [units, channels, requiredBy] = await Promise.all([
      loadUnitCodes(db),
      loadChannelNames(db),
      requiredByResolver(db),
    ]);
    const logins = [...new Set(rows.map((r) => r.row.reporter))];
    const users = new Map<string, { id: number; role: string; unitId: number | null }>();
    for (const part of chunk(logins, 10000)) {
      for (const u of await db.user.findMany({
        where: { login: { in: part } },
        select: { id: true, login: true, role: true, unitId: true },
      }))
        users.set(u.login, u);
    }
    const existing = new Map<string, { id: number; version: number; before: Fields; snapshot: object }>();
    const userIds = [...users.values()].map((u) => u.id);
    for (const part of chunk(userIds, 10000)) {
      const found = await db.report.findMany({
        where: { reporterId: { in: part } },
        select: {
          id: true,
          reporterId: true,
          channelId: true,
          version: true,
          ...REPORT_ANSWERS,
          note: true,
          anonymous: true,
          requiredByUnitId: true,
          requiredByName: true,
          actions: true,
        },
      });
      for (const r of found) {
        const before = answersOf(r);
        existing.set(`${r.reporterId}:${r.channelId}`, {
          id: r.id,
          version: r.version,
          before,
          snapshot: { ...before, note: r.note, anonymous: r.anonymous },
        });
      }
    }
    const issues: RowIssue[] = [];
    const newAccounts = new Map<string, number>(); // login → unit id
    const resolved: { line: number; login: string; unitId: number; channelId: number; fields: Fields }[] = [];
    for (const { line, row } of rows) {
      const unit = units.byCode.get(row.unit_code);
      const channelId = channels.byName.get(row.channel);
      const user = users.get(row.reporter);
      const accountUnit = user ? user.unitId : newAccounts.get(row.reporter);
      if (!unit) issues.push({ line, field: "unit_code", code: "unknown_unit", value: row.unit_code });
      if (!channelId) issues.push({ line, field: "channel", code: "unknown_channel", value: row.channel });
      // A login is one person at one unit: a file cannot move an account or report for an admin.
      if (unit && ((user && user.role !== "STAFF") || (accountUnit !== undefined && accountUnit !== unit.id))) {
        issues.push({ line, field: "reporter", code: "reporter_elsewhere", value: row.reporter });
        continue;
      }
      const unknownAction = row.actions?.find((a) => !(ACTIONS as readonly string[]).includes(a));
      if (unknownAction) issues.push({ line, field: "actions", code: "unknown_action", value: unknownAction });
      if (!unit || !channelId || unknownAction) continue;
      if (!user) newAccounts.set(row.reporter, unit.id);
      const current = user ? existing.get(`${user.id}:${channelId}`)?.before : undefined;
      // Who required it: a unit code, or a department name found up the reporter's tree; else kept as the name given.
      const by =
        row.required_by === undefined
          ? null
          : row.required_by === null
            ? { unitId: null, name: null }
            : requiredBy(row.required_by, unit.path);
      resolved.push({
        line,
        login: row.reporter,
        unitId: unit.id,
        channelId,
        fields: {
          accounts: row.accounts!,
          minutesPerWeek: row.minutes_per_week!,
          installedOn: formatDay(row.installed_on),
          lastUsedOn: formatDay(row.last_used_on),
          onlyForFigures: row.only_for_figures,
          usefulness: row.usefulness,
          requiredByUnitId: by ? by.unitId : (current?.requiredByUnitId ?? null),
          requiredByName: by ? by.name : (current?.requiredByName ?? null),
          actions:
            row.actions === undefined ? (current?.actions ?? []) : ACTIONS.filter((a) => row.actions!.includes(a)),
        },
      });
    }
    for (const issue of findDuplicates(
      resolved.map((r) => ({ line: r.line, row: r })),
      (r) => `${r.login}:${r.channelId}`,
      "channel",
    ))
      issues.push(issue);

    const keyOf = (r: { login: string; channelId: number }) => `${users.get(r.login)?.id ?? "new"}:${r.channelId}`;
    const creates = resolved.filter((r) => !users.has(r.login) || !existing.has(keyOf(r)));
    const updates = resolved
      .filter((r) => users.has(r.login) && existing.has(keyOf(r)))
      .map((r) => ({ ...existing.get(keyOf(r))!, fields: r.fields, record: r }))
      .filter((u) => JSON.stringify(u.before) !== JSON.stringify(u.fields));
    return {
      issues,
      created: creates.length,
      updated: updates.length,
      unchanged: resolved.length - creates.length - updates.length,
      accountsCreated: newAccounts.size,
      changes(limit) {
        const name = (r: (typeof resolved)[number]) => `${r.login} · ${channels.byId.get(r.channelId)?.name}`;
        // The file's columns; who required it by the unit's code, else the name as given.
        const cells = (f: Fields) => ({
          accounts: f.accounts,
          minutes_per_week: f.minutesPerWeek,
          installed_on: f.installedOn,
          last_used_on: f.lastUsedOn,
          only_for_figures: f.onlyForFigures,
          usefulness: f.usefulness,
          required_by:
            (f.requiredByUnitId !== null ? units.byId.get(f.requiredByUnitId)?.code : f.requiredByName) ?? "",
          actions: f.actions,
        });
        return [
          ...creates.slice(0, limit).map((r) => changeOf(r.line, name(r), null, cells(r.fields))),
          ...updates
            .slice(0, limit)
            .map((u) => changeOf(u.record.line, name(u.record), cells(u.before), cells(u.fields))),
        ]
          .sort((a, b) => a.line - b.line)
          .slice(0, limit);
      },
      async apply(tx, actorId, progress) {
        // A province's first reports: indexes and keys rebuilt once at the end, not row by row.
        const restore = await setAsideForBulkLoad(tx, ["reports", "report_mandates"], creates.length);
        const accounts = [...newAccounts];
        const ids = new Map(users);
        const made = await bulkInsert<{ id: number; login: string; unitId: number }>(
          tx,
          "users",
          bulkColumns('login text, name text, role text::"Role", unit_id int, updated_at text::timestamp'),
          accounts.map(([login, unitId]) => [login, login, "STAFF", unitId, new Date().toISOString()]),
          { returning: `id, login, unit_id AS "unitId"` },
        );
        for (const u of made) ids.set(u.login, { id: u.id, role: "STAFF", unitId: u.unitId });
        progress("accounts", made.length, accounts.length);
        const provinces = await provincesOf(tx, "units", [...new Set(creates.map((r) => r.unitId))]);
        const created = await bulkInsert<{ id: number; reporterId: number; channelId: number; unitId: number }>(
          tx,
          "reports",
          REPORT_COLUMNS,
          creates.map((r) => [
            provinces.get(r.unitId)!,
            ids.get(r.login)!.id,
            r.unitId,
            r.channelId,
            ...columnValues(r.fields),
          ]),
          { returning: `id, reporter_id AS "reporterId", channel_id AS "channelId", unit_id AS "unitId"` },
        );
        progress("reports", created.length, creates.length);
        for (const part of chunk(updates, 5000)) {
          const reportProvinces = await provincesOf(
            tx,
            "reports",
            part.map((u) => u.id),
          );
          await bulkInsert(
            tx,
            "report_history",
            bulkColumns("province_id int, report_id int, version int, snapshot jsonb::jsonb"),
            part.map((u) => [reportProvinces.get(u.id)!, u.id, u.version, u.snapshot]),
          );
          await tx.$executeRaw`
            UPDATE reports SET accounts = v.accounts, minutes_per_week = v.minutes, installed_on = v.installed::date, last_used_on = v.used::date,
                   only_for_figures = v.figures, usefulness = v.usefulness, required_by_unit_id = v.by_unit, required_by_name = v.by_name,
                   actions = string_to_array(v.actions, ',')::"Action"[], version = reports.version + 1, updated_at = now()
            FROM unnest(${part.map((u) => u.id)}::int[], ${part.map((u) => u.fields.accounts)}::int[], ${part.map((u) => u.fields.minutesPerWeek)}::int[],
                        ${part.map((u) => u.fields.installedOn || null)}::text[], ${part.map((u) => u.fields.lastUsedOn || null)}::text[],
                        ${part.map((u) => u.fields.onlyForFigures)}::bool[], ${part.map((u) => u.fields.usefulness)}::int[],
                        ${part.map((u) => u.fields.requiredByUnitId)}::int[], ${part.map((u) => u.fields.requiredByName)}::text[], ${part.map((u) => u.fields.actions.join(","))}::text[])
                 AS v(id, accounts, minutes, installed, used, figures, usefulness, by_unit, by_name, actions)
            WHERE reports.id = v.id`;
        }
        progress("updated", updates.length, updates.length);
        // What the rows say of who required each channel gathers into reported mandates (linked as they are made).
        await syncReportedMandates(
          tx,
          resolved.map((r) => ({ unitId: r.unitId, channelId: r.channelId })),
          actorId,
        );
        await linkReportsToMandates(tx, {
          created: created.map((r) => ({ ...r, provinceId: provinces.get(r.unitId)! })),
        });
        progress("linked to mandates", created.length, created.length);
        await restore?.();
        await writeAuditMany(tx, [
          ...accounts.map(([login, unitId]) => ({
            actorId,
            action: "user.create_inactive",
            entity: "user",
            entityId: ids.get(login)?.id,
            after: { login, unitId, role: "STAFF" },
          })),
          ...created.map((r) => ({ actorId, action: "report.create", entity: "report", entityId: r.id, after: r })),
          ...updates.map((u) => ({
            actorId,
            action: "report.update",
            entity: "report",
            entityId: u.id,
            before: u.before,
            after: u.fields,
          })),
        ]);
      },
    };
  },
};

const REPORT_COLUMNS: BulkColumn[] = bulkColumns(
  "province_id int, reporter_id int, unit_id int, channel_id int, accounts int, " +
    "minutes_per_week int, installed_on date, last_used_on date, only_for_figures bool, " +
    "usefulness int, required_by_unit_id int, required_by_name text, " +
    'actions text::text[]::"Action"[], updated_at text::timestamp',
);

function columnValues(f: Fields): unknown[] {
  return [
    f.accounts,
    f.minutesPerWeek,
    f.installedOn || null,
    f.lastUsedOn || null,
    f.onlyForFigures,
    f.usefulness,
    f.requiredByUnitId,
    f.requiredByName,
    `{${f.actions.join(",")}}`,
    new Date().toISOString(),
  ];
}
