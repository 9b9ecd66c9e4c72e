import { describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { uid } from "@/testing/fixtures";
import { initialsOf, normalizeName } from "./channel-keys";
import { editChannelSchema } from "./channel.validation";
import { editChannel, listCatalogue } from "./manage-channels";

async function channel(name = uid("渠道")) {
  const db = await getDb();
  return db.channel.create({
    data: { name, normalizedName: normalizeName(name), initials: initialsOf(name), kind: "app", purpose: "service" },
  });
}
const form = (c: { id: number; version: number; name: string }, fields: Record<string, string> = {}) =>
  editChannelSchema.parse({
    channelId: String(c.id),
    version: String(c.version),
    name: c.name,
    kind: "app",
    purpose: "service",
    operator: "",
    platformId: "",
    filing: "",
    newAlias: "",
    status: "active",
    ...fields,
  });

describe("editing the catalogue", () => {
  it("a rename keeps the old name as an alias; aliases can be added; it is audited", async () => {
    const c = await channel();
    const renamed = uid("新名");
    await editChannel(CLI_ACTOR, form(c, { name: renamed, newAlias: "某某APP", filing: "unfiled" }));
    const {
      entries: [entry],
    } = await listCatalogue(CLI_ACTOR, { q: renamed });
    expect(entry).toMatchObject({ name: renamed, filing: "unfiled", version: 2 });
    expect(entry!.aliases.sort()).toEqual([c.name, "某某APP"].sort());
    expect(await (await getDb()).auditLog.count({ where: { entity: "channel", entityId: String(c.id) } })).toBe(1);
  });

  it("refuses a taken name, a stale form and edits of a merged entry", async () => {
    const a = await channel();
    const b = await channel();
    await expect(editChannel(CLI_ACTOR, form(a, { name: b.name }))).rejects.toThrow("invalid_input");
    await editChannel(CLI_ACTOR, form(a, { platformId: "com.example" }));
    await expect(editChannel(CLI_ACTOR, form(a, { platformId: "com.other" }))).rejects.toThrow("conflict");
    const db = await getDb();
    await db.channel.update({ where: { id: b.id }, data: { status: "merged", mergedIntoId: a.id } });
    await expect(editChannel(CLI_ACTOR, form({ ...b, version: 1 }))).rejects.toThrow("invalid_input");
  });

  it("retiring keeps the entry and its history", async () => {
    const c = await channel();
    await editChannel(CLI_ACTOR, form(c, { status: "retired" }));
    const {
      entries: [entry],
    } = await listCatalogue(CLI_ACTOR, { q: c.name, status: "retired" });
    expect(entry!.status).toBe("retired");
  });
});
