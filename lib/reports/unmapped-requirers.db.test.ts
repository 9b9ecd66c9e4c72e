import { actorFromUser } from "@/lib/auth/actor";
import { describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { initialsOf, normalizeName } from "@/lib/channels/channel-keys";
import { getDb } from "@/lib/db/client";
import { createUnit, createUser, uid, sessionOf } from "@/testing/fixtures";
import { reportSchema } from "./report.validation";
import { saveMyReport } from "./save-my-report";
import { listUnmappedRequirers, mapRequirer } from "./unmapped-requirers";

describe("names typed under “other” for who required a channel", () => {
  it("are listed per county and, once mapped to a unit, count like a unit picked from the list", async () => {
    const db = await getDb();
    const typed = uid("县委组织部");
    const name = uid("渠道");
    const channel = await db.channel.create({
      data: { name, normalizedName: normalizeName(name), initials: initialsOf(name), kind: "app", purpose: "learning" },
    });
    const counties = [];
    for (let i = 0; i < 2; i++) {
      const county = await createUnit({ level: "county" });
      const dept = await createUnit({ level: "department", parentId: county.id, name: typed });
      const village = await createUnit({ parentId: county.id });
      const u = await createUser({ unitId: village.id });
      const session = sessionOf(u);
      await saveMyReport(
        actorFromUser(session),
        reportSchema.parse({
          channelId: String(channel.id),
          accounts: "1",
          minutesPerWeek: "20",
          installedOn: "",
          lastUsedOn: "2026-11-30",
          actions: ["checkin"],
          requiredByUnitId: "",
          requiredByName: typed,
          submissionKey: uid("key-"),
        }),
      );
      counties.push({ county, dept, village });
    }
    const listed = (await listUnmappedRequirers(CLI_ACTOR)).filter((r) => r.name === typed);
    expect(listed.map((r) => r.countyId).sort()).toEqual(counties.map((c) => c.county.id).sort());
    const [a, b] = counties as [(typeof counties)[0], (typeof counties)[0]];
    expect(await mapRequirer(CLI_ACTOR, { name: typed, countyId: a.county.id, unitId: a.dept.id })).toEqual({
      mapped: 1,
    });
    expect(await db.report.findFirst({ where: { unitId: a.village.id } })).toMatchObject({
      requiredByUnitId: a.dept.id,
      requiredByName: null,
    });
    expect(await db.report.findFirst({ where: { unitId: b.village.id } })).toMatchObject({
      requiredByUnitId: null,
      requiredByName: typed,
    });
    expect(
      await db.mandate.findFirst({
        where: { source: "reported", issuerUnitId: a.dept.id, targetUnitId: a.village.id },
      }),
    ).toMatchObject({ reporters: 1, actions: ["checkin"] });
    expect((await listUnmappedRequirers(CLI_ACTOR)).filter((r) => r.name === typed).map((r) => r.countyId)).toEqual([
      b.county.id,
    ]);
  });
});
