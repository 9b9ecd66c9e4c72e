import { z } from "zod";
import { initialsOf, normalizeName } from "@/lib/channels/channel-keys";
import { writeAuditMany } from "@/lib/audit/write-audit";
import { bulkColumns, bulkInsert } from "@/lib/db/bulk-insert";
import type { ChannelKind, Purpose } from "@/lib/db/generated/client";
import { CHANNEL_KINDS, PURPOSES } from "@/lib/vocabulary";
import { loadUnitCodes } from "./lookups";
import { changeOf, chunk, findDuplicates, type Planner } from "./planner";
import { choice, list, optionalText, requiredText } from "./row-fields";

const schema = z.object({
  name: requiredText(100),
  kind: choice(CHANNEL_KINDS),
  operator: optionalText(100),
  platform_id: optionalText(200),
  aliases: list(100),
  purpose: choice(PURPOSES),
  // Absent column: leave the filing as it is; empty cell: unknown.
  filing: optionalText(100).optional(),
});
type ChannelRow = z.output<typeof schema>;
type Fields = {
  kind: ChannelKind;
  operatorUnitId: number | null;
  operatorName: string | null;
  platformId: string | null;
  purpose: Purpose;
  filing: string | null;
};

export const channelsPlanner: Planner<ChannelRow> = {
  schema: () => schema,
  async plan(rows, db) {
    const units = await loadUnitCodes(db);
    const existing = await db.channel.findMany({
      select: {
        id: true,
        name: true,
        kind: true,
        operatorUnitId: true,
        operatorName: true,
        platformId: true,
        purpose: true,
        filing: true,
        status: true,
        aliases: { select: { alias: true } },
      },
    });
    const byName = new Map(existing.map((c) => [c.name, c]));
    const issues = findDuplicates(rows, (r) => r.name, "name");
    const creates: { line: number; row: ChannelRow; fields: Fields }[] = [];
    const updates: {
      line: number;
      id: number;
      name: string;
      before: Fields;
      fields: Fields;
      aliases: string[];
      added: string[];
    }[] = [];
    const newAliases: { channelName: string; alias: string }[] = [];
    let unchanged = 0;
    for (const { line, row } of rows) {
      const unit = row.operator ? units.byCode.get(row.operator) : undefined;
      const current = byName.get(row.name);
      const fields: Fields = {
        kind: row.kind,
        operatorUnitId: unit?.id ?? null,
        operatorName: unit ? null : row.operator,
        platformId: row.platform_id,
        purpose: row.purpose,
        filing: row.filing === undefined ? (current?.filing ?? null) : row.filing,
      };
      const known = new Set([row.name, ...(current?.aliases.map((a) => a.alias) ?? [])]);
      const added = [...new Set(row.aliases)].filter((a) => !known.has(a));
      newAliases.push(...added.map((alias) => ({ channelName: row.name, alias })));
      if (!current) {
        creates.push({ line, row, fields });
        continue;
      }
      const change = { line, id: current.id, name: current.name, aliases: current.aliases.map((a) => a.alias), added };
      const before: Fields = {
        kind: current.kind,
        operatorUnitId: current.operatorUnitId,
        operatorName: current.operatorName,
        platformId: current.platformId,
        purpose: current.purpose,
        filing: current.filing,
      };
      // A merged channel's old row is history: its name now lives on as an alias of the winner.
      if (current.status !== "merged" && JSON.stringify(before) !== JSON.stringify(fields))
        updates.push({ ...change, before, fields });
      else if (added.length === 0) unchanged++;
      else updates.push({ ...change, before, fields: before });
    }
    return {
      issues,
      created: creates.length,
      updated: updates.length,
      unchanged,
      accountsCreated: 0,
      changes(limit) {
        // The file's columns, with the operator by its code (or name) and the aliases as they would be after.
        const cells = (f: Fields, aliases: string[]) => ({
          kind: f.kind,
          operator: (f.operatorUnitId !== null ? units.byId.get(f.operatorUnitId)?.code : f.operatorName) ?? "",
          platform_id: f.platformId,
          purpose: f.purpose,
          filing: f.filing,
          aliases,
        });
        return [
          ...creates
            .slice(0, limit)
            .map((c) => changeOf(c.line, c.row.name, null, cells(c.fields, [...new Set(c.row.aliases)]))),
          ...updates
            .slice(0, limit)
            .map((u) =>
              changeOf(u.line, u.name, cells(u.before, u.aliases), cells(u.fields, [...u.aliases, ...u.added])),
            ),
        ]
          .sort((a, b) => a.line - b.line)
          .slice(0, limit);
      },
      async apply(tx, actorId, progress) {
        const made = await bulkInsert<{ id: number; name: string }>(
          tx,
          "channels",
          bulkColumns(
            'name text, normalized_name text, initials text, kind text::"ChannelKind", ' +
              'operator_unit_id int, operator_name text, platform_id text, purpose text::"Purpose", ' +
              "filing text, updated_at text::timestamp",
          ),
          creates.map(({ row, fields }) => [
            row.name,
            normalizeName(row.name),
            initialsOf(row.name),
            fields.kind,
            fields.operatorUnitId,
            fields.operatorName,
            fields.platformId,
            fields.purpose,
            fields.filing,
            new Date().toISOString(),
          ]),
          { returning: "id, name" },
        );
        progress("channels", made.length, creates.length);
        const ids = new Map([
          ...existing.map((c) => [c.name, c.id] as const),
          ...made.map((c) => [c.name, c.id] as const),
        ]);
        for (const part of chunk(updates, 2000)) {
          await tx.$executeRaw`
            UPDATE channels SET kind = v.kind::"ChannelKind", operator_unit_id = v.ouid, operator_name = v.oname, platform_id = v.pid,
                   purpose = v.purpose::"Purpose", filing = v.filing, version = channels.version + 1, updated_at = now()
            FROM unnest(${part.map((u) => u.id)}::int[], ${part.map((u) => u.fields.kind)}::text[], ${part.map((u) => u.fields.operatorUnitId)}::int[],
                        ${part.map((u) => u.fields.operatorName)}::text[], ${part.map((u) => u.fields.platformId)}::text[],
                        ${part.map((u) => u.fields.purpose)}::text[], ${part.map((u) => u.fields.filing)}::text[])
                 AS v(id, kind, ouid, oname, pid, purpose, filing)
            WHERE channels.id = v.id`;
        }
        await bulkInsert(
          tx,
          "channel_aliases",
          bulkColumns("channel_id int, alias text, normalized_name text, initials text"),
          newAliases.map((a) => [ids.get(a.channelName)!, a.alias, normalizeName(a.alias), initialsOf(a.alias)]),
          { returning: false, onConflictDoNothing: true },
        );
        await writeAuditMany(tx, [
          ...creates.map(({ row, fields }) => ({
            actorId,
            action: "channel.create",
            entity: "channel",
            entityId: ids.get(row.name),
            after: { name: row.name, ...fields, aliases: row.aliases },
          })),
          ...updates.map((u) => ({
            actorId,
            action: "channel.update",
            entity: "channel",
            entityId: u.id,
            before: u.before,
            after: u.fields,
          })),
          ...newAliases.map((a) => ({
            actorId,
            action: "channel.alias_add",
            entity: "channel",
            entityId: ids.get(a.channelName),
            after: { alias: a.alias },
          })),
        ]);
      },
    };
  },
};
