import { provinceOf } from "@/lib/units/province";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createUnit, createUser, uid } from "@/testing/fixtures";
import { actAs, sessionActor } from "@/testing/request-context";
import { initialsOf, normalizeName } from "./channel-keys";
import { searchChannels } from "./search-channels";

async function channel(name: string, aliases: string[] = [], status: "active" | "retired" = "active") {
  const db = await getDb();
  return db.channel.create({
    data: {
      name,
      normalizedName: normalizeName(name),
      initials: initialsOf(name),
      kind: "app",
      purpose: "service",
      status,
      aliases: {
        create: aliases.map((alias) => ({ alias, normalizedName: normalizeName(alias), initials: initialsOf(alias) })),
      },
    },
  });
}

describe("searching the catalogue", () => {
  it("finds by pinyin initials, name, alias, traditional script and typo; never retired entries", async () => {
    const tag = uid("").slice(0, 4);
    const xxqg = await channel(`学习强国${tag}`, [`强国APP${tag}`]);
    await channel(`学习兴国${tag}`, [], "retired");
    const unit = await createUnit();
    await actAs(await createUser({ unitId: unit.id }));
    expect((await searchChannels(await sessionActor(), "xxqg")).map((h) => h.name)).toContain(xxqg.name);
    expect((await searchChannels(await sessionActor(), `学习强国${tag}`))[0]!.id).toBe(xxqg.id);
    expect((await searchChannels(await sessionActor(), `強國APP${tag}`))[0]).toMatchObject({
      id: xxqg.id,
      matched: `强国APP${tag}`,
    });
    expect((await searchChannels(await sessionActor(), `学习强锅${tag}`)).map((h) => h.id)).toContain(xxqg.id);
    expect((await searchChannels(await sessionActor(), `学习兴国${tag}`)).map((h) => h.name)).not.toContain(
      `学习兴国${tag}`,
    );
  });

  it("finds a well-known product by its English name or official abbreviation", async () => {
    const db = await getDb();
    const platform =
      (await db.channel.findUnique({ where: { name: "国家政务服务平台" } })) ?? (await channel("国家政务服务平台"));
    await actAs(await createUser({ unitId: (await createUnit()).id }));
    expect((await searchChannels(await sessionActor(), "National Government Service Platform"))[0]).toMatchObject({
      id: platform.id,
    });
    expect(
      (await searchChannels(await sessionActor(), "national government service platform")).map((h) => h.id),
    ).toContain(platform.id);
  });

  it("tells the searcher who requires the channel of their unit and what they already reported", async () => {
    const db = await getDb();
    const county = await createUnit({ level: "county" });
    const dept = await createUnit({ parentId: county.id, level: "department", name: uid("县委组织部") });
    const village = await createUnit({ parentId: county.id });
    const c = await channel(uid("党建云"));
    await db.mandate.create({
      data: {
        issuerUnitId: dept.id,
        targetUnitId: county.id,
        provinceId: await provinceOf(db, county.id),
        appliesToSubtree: true,
        channelId: c.id,
        actions: ["install", "checkin"],
      },
    });
    await actAs(await createUser({ unitId: village.id }));
    const [hit] = await searchChannels(await sessionActor(), c.name);
    expect(hit!.mandates).toEqual([{ issuerUnitId: dept.id, issuerName: dept.name, actions: ["install", "checkin"] }]);
    expect(hit!.reportId).toBeNull();
  });

  it("is refused to anonymous visitors and to reviewers", async () => {
    await actAs(null);
    await expect(sessionActor().then((actor) => searchChannels(actor, "xxqg"))).rejects.toThrow("unauthenticated");
    await actAs(await createUser({ role: "REVIEWER" }));
    await expect(searchChannels(await sessionActor(), "xxqg")).rejects.toThrow("forbidden");
  });
});
