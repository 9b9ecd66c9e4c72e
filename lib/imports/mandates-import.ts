import { MANDATE_TERMS } from "@/lib/mandates/mandate-terms";
import { z } from "zod";
import { writeAuditMany } from "@/lib/audit/write-audit";
import { setAsideForBulkLoad } from "@/lib/db/set-aside-indexes";
import { bulkColumns, bulkInsert } from "@/lib/db/bulk-insert";
import { provincesOf } from "@/lib/units/province";
import type { Action } from "@/lib/db/generated/client";
import { formatDay } from "@/lib/dates/calendar-day";
import { ACTIONS } from "@/lib/vocabulary";
import type { RowIssue } from "./import-types";
import { loadChannelNames, loadUnitCodes } from "./lookups";
import { linkReportsToMandates } from "@/lib/mandates/link-reports";
import { changeOf, chunk, findDuplicates, type Planner } from "./planner";
import { boolean, code, date, integer, list, optionalBoolean, optionalText, requiredText } from "./row-fields";

const schema = z.object({
  issuer_code: code(),
  unit_code: code(),
  channel: requiredText(100),
  actions: list(40),
  assessment_linked: boolean(),
  ranking: boolean(),
  quota: integer(0, 10_000_000, true),
  since: date({ optional: true }),
  document: optionalText(200),
  // Absent columns leave what is stored; an empty cell means no end date, not the whole subtree.
  until: date({ optional: true }).optional(),
  applies_to_subtree: optionalBoolean().optional(),
});
type MandateRow = z.output<typeof schema>;
type Fields = {
  actions: Action[];
  assessmentLinked: boolean;
  ranking: boolean;
  quota: number | null;
  since: string;
  document: string | null;
  until: string;
  appliesToSubtree: boolean;
};

export const mandatesPlanner: Planner<MandateRow> = {
  schema: () => schema,
  async plan(rows, db) {
    const [units, channels] = await Promise.all([loadUnitCodes(db), loadChannelNames(db)]);
    const targets = [
      ...new Set(rows.map((r) => units.byCode.get(r.row.unit_code)?.id).filter((id): id is number => id !== undefined)),
    ];
    // Imported mandates only: one gathered from staff reports is not what a file says, and stays.
    // In parts: a query holds at most 65,535 parameters, and a file may name 100,000 units.
    const existing = [];
    for (const part of chunk(targets, 10000))
      existing.push(
        ...(await db.mandate.findMany({
          where: { status: "active", source: { not: "reported" }, targetUnitId: { in: part } },
          select: {
            id: true,
            issuerUnitId: true,
            targetUnitId: true,
            channelId: true,
            ...MANDATE_TERMS,
          },
        })),
      );
    const stored = new Map(existing.map((m) => [`${m.issuerUnitId}:${m.targetUnitId}:${m.channelId}`, m]));
    const issues: RowIssue[] = [];
    const resolved: {
      line: number;
      key: string;
      issuerUnitId: number;
      targetUnitId: number;
      channelId: number;
      fields: Fields;
    }[] = [];
    for (const { line, row } of rows) {
      const issuer = units.byCode.get(row.issuer_code);
      const target = units.byCode.get(row.unit_code);
      const channelId = channels.byName.get(row.channel);
      const unknownAction = row.actions.find((a) => !(ACTIONS as readonly string[]).includes(a));
      if (!issuer) issues.push({ line, field: "issuer_code", code: "unknown_unit", value: row.issuer_code });
      if (!target) issues.push({ line, field: "unit_code", code: "unknown_unit", value: row.unit_code });
      if (!channelId) issues.push({ line, field: "channel", code: "unknown_channel", value: row.channel });
      if (unknownAction) issues.push({ line, field: "actions", code: "unknown_action", value: unknownAction });
      if (!issuer || !target || !channelId || unknownAction) continue;
      const current = stored.get(`${issuer.id}:${target.id}:${channelId}`);
      const fields: Fields = {
        actions: [...new Set(row.actions)] as Action[],
        assessmentLinked: row.assessment_linked,
        ranking: row.ranking,
        quota: row.quota,
        since: formatDay(row.since),
        document: row.document,
        until: row.until === undefined ? formatDay(current?.until ?? null) : formatDay(row.until),
        appliesToSubtree: row.applies_to_subtree ?? current?.appliesToSubtree ?? false,
      };
      if (fields.until && fields.since && fields.until < fields.since)
        issues.push({ line, field: "until", code: "out_of_range", value: fields.until });
      resolved.push({
        line,
        key: `${issuer.id}:${target.id}:${channelId}`,
        issuerUnitId: issuer.id,
        targetUnitId: target.id,
        channelId,
        fields,
      });
    }
    for (const issue of findDuplicates(
      resolved.map((r) => ({ line: r.line, row: r })),
      (r) => r.key,
      "channel",
    ))
      issues.push(issue);
    const byKey = stored;
    const creates = resolved.filter((r) => !byKey.has(r.key));
    const updates: { id: number; line: number; record: (typeof resolved)[number]; before: Fields; fields: Fields }[] =
      [];
    for (const r of resolved) {
      const m = byKey.get(r.key);
      if (!m) continue;
      const before: Fields = {
        actions: m.actions,
        assessmentLinked: m.assessmentLinked,
        ranking: m.ranking,
        quota: m.quota,
        since: formatDay(m.since),
        document: m.document,
        until: formatDay(m.until),
        appliesToSubtree: m.appliesToSubtree,
      };
      // The order of actions is kept as given, but only the set of them is a change.
      const comparable = (f: Fields) => JSON.stringify({ ...f, actions: [...f.actions].sort() });
      if (comparable(before) !== comparable(r.fields))
        updates.push({ id: m.id, line: r.line, record: r, before, fields: r.fields });
    }
    return {
      issues,
      created: creates.length,
      updated: updates.length,
      unchanged: resolved.length - creates.length - updates.length,
      accountsCreated: 0,
      changes(limit) {
        // Named as a person reads it: the department, the unit it binds, the channel.
        const name = (r: (typeof resolved)[number]) =>
          `${units.byId.get(r.issuerUnitId)?.name} → ${units.byId.get(r.targetUnitId)?.name} · ${channels.byId.get(r.channelId)?.name}`;
        const cells = (f: Fields) => ({
          actions: f.actions,
          assessment_linked: f.assessmentLinked,
          ranking: f.ranking,
          quota: f.quota,
          since: f.since,
          document: f.document,
          until: f.until,
          applies_to_subtree: f.appliesToSubtree,
        });
        return [
          ...creates.slice(0, limit).map((r) => changeOf(r.line, name(r), null, cells(r.fields))),
          ...updates.slice(0, limit).map((u) => changeOf(u.line, name(u.record), cells(u.before), cells(u.fields))),
        ]
          .sort((a, b) => a.line - b.line)
          .slice(0, limit);
      },
      async apply(tx, actorId, progress) {
        // A province's first mandates: indexes and keys rebuilt once at the end, not row by row.
        const restore = await setAsideForBulkLoad(tx, ["mandates", "report_mandates"], creates.length);
        const idByKey = new Map<string, number>();
        const provinces = await provincesOf(tx, "units", [...new Set(creates.map((r) => r.targetUnitId))]);
        const rowsBack = await bulkInsert<{ id: number; key: string }>(
          tx,
          "mandates",
          bulkColumns(
            "province_id int, issuer_unit_id int, target_unit_id int, channel_id int, " +
              'actions text::text[]::"Action"[], assessment_linked bool, ranking bool, quota int, ' +
              "since date, document text, until date, applies_to_subtree bool, updated_at text::timestamp",
          ),
          creates.map((r) => [
            provinces.get(r.targetUnitId)!,
            r.issuerUnitId,
            r.targetUnitId,
            r.channelId,
            `{${r.fields.actions.join(",")}}`,
            r.fields.assessmentLinked,
            r.fields.ranking,
            r.fields.quota,
            r.fields.since || null,
            r.fields.document,
            r.fields.until || null,
            r.fields.appliesToSubtree,
            new Date().toISOString(),
          ]),
          { returning: `id, issuer_unit_id || ':' || target_unit_id || ':' || channel_id AS key` },
        );
        for (const m of rowsBack) idByKey.set(m.key, m.id);
        progress("mandates", idByKey.size, creates.length);
        const createdIds = [...idByKey.values()];
        for (const part of chunk(updates, 5000)) {
          await tx.$executeRaw`
            UPDATE mandates SET actions = string_to_array(v.actions, ',')::"Action"[], assessment_linked = v.al, ranking = v.rk,
                   quota = v.quota, since = v.since::date, document = v.doc, until = v.until::date, applies_to_subtree = v.subtree,
                   version = mandates.version + 1, updated_at = now()
            FROM unnest(${part.map((u) => u.id)}::int[], ${part.map((u) => u.fields.actions.join(","))}::text[], ${part.map((u) => u.fields.assessmentLinked)}::bool[],
                        ${part.map((u) => u.fields.ranking)}::bool[], ${part.map((u) => u.fields.quota)}::int[],
                        ${part.map((u) => u.fields.since || null)}::text[], ${part.map((u) => u.fields.document)}::text[],
                        ${part.map((u) => u.fields.until || null)}::text[], ${part.map((u) => u.fields.appliesToSubtree)}::bool[])
                 AS v(id, actions, al, rk, quota, since, doc, until, subtree)
            WHERE mandates.id = v.id`;
        }
        await linkReportsToMandates(tx, { mandateIds: createdIds });
        // A mandate made to bind its whole subtree reaches reports below it too.
        const widened = updates.filter((u) => u.fields.appliesToSubtree && !u.before.appliesToSubtree).map((u) => u.id);
        if (widened.length) await linkReportsToMandates(tx, { mandateIds: widened });
        await restore?.();
        await writeAuditMany(tx, [
          ...creates.map((r) => ({
            actorId,
            action: "mandate.create",
            entity: "mandate",
            entityId: idByKey.get(r.key),
            after: { issuerUnitId: r.issuerUnitId, targetUnitId: r.targetUnitId, channelId: r.channelId, ...r.fields },
          })),
          ...updates.map((u) => ({
            actorId,
            action: "mandate.update",
            entity: "mandate",
            entityId: u.id,
            before: u.before,
            after: u.fields,
          })),
        ]);
      },
    };
  },
};
