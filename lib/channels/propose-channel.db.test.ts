import { actorFromUser } from "@/lib/auth/actor";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createUnit, createUser, sessionOf, uid } from "@/testing/fixtures";
import { proposeChannel } from "./propose-channel";

async function staff() {
  const unit = await createUnit();
  return sessionOf(await createUser({ unitId: unit.id }));
}

describe("a staff member proposing a channel", () => {
  it("adds it to the catalogue as theirs, audited; the same name again returns the same entry", async () => {
    const user = await staff();
    const name = uid("村里的新群");
    const made = await proposeChannel(actorFromUser(user), { name, kind: "wechat_group" });
    const db = await getDb();
    expect(await db.channel.findUniqueOrThrow({ where: { id: made.id } })).toMatchObject({
      name,
      kind: "wechat_group",
      proposedById: user.id,
      status: "active",
    });
    expect(await proposeChannel(actorFromUser(await staff()), { name, kind: "app" })).toEqual(made);
    expect(await db.auditLog.count({ where: { action: "channel.propose", entityId: String(made.id) } })).toBe(1);
  });

  it("an existing alias or a merged name leads to the channel in use", async () => {
    const db = await getDb();
    const winner = await db.channel.create({
      data: {
        name: uid("赢"),
        normalizedName: "w",
        kind: "app",
        purpose: "other",
        aliases: { create: [{ alias: uid("别名"), normalizedName: "a" }] },
      },
      include: { aliases: true },
    });
    const loser = await db.channel.create({
      data: {
        name: uid("输"),
        normalizedName: "l",
        kind: "app",
        purpose: "other",
        status: "merged",
        mergedIntoId: winner.id,
      },
    });
    const user = await staff();
    expect((await proposeChannel(actorFromUser(user), { name: winner.aliases[0]!.alias, kind: "app" })).id).toBe(
      winner.id,
    );
    expect((await proposeChannel(actorFromUser(user), { name: loser.name, kind: "app" })).id).toBe(winner.id);
  });
});
