import "server-only";
import { seededRandom } from "@/lib/demo/seeded-random";
import type { PrismaClient } from "@/lib/db/generated/client";
import { hashPassword } from "@/lib/auth/password";
import { initialsOf, normalizeName } from "@/lib/channels/channel-keys";
import { childPath } from "@/lib/units/unit-path";
import { writeAudit } from "@/lib/audit/write-audit";
import { linkReportsToMandates } from "@/lib/mandates/link-reports";
import { recomputeAllFlags } from "@/lib/flags/recompute-flags";
import { DEMO_PASSWORD, demoChannels, demoIssuers, demoUnits } from "./demo-county";

const DAY = 86_400_000;

export type SeedSummary = { units: number; channels: number; mandates: number; reports: number; users: number };

/** Loads the demo county into an empty ledger. Refuses to run on a ledger that has units. */
export async function seedDemo(db: PrismaClient, today = new Date()): Promise<SeedSummary> {
  if ((await db.unit.count()) > 0)
    throw new Error("The ledger is not empty; demo data is only loaded into an empty one.");
  const rnd = seededRandom(20261127);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const demoHash = await hashPassword(DEMO_PASSWORD);

  const summary = await db.$transaction(
    async (tx) => {
      const unitIds = new Map<string, { id: number; path: string }>();
      for (const u of demoUnits()) {
        const parent = u.parent ? unitIds.get(u.parent)! : null;
        const row = await tx.unit.create({
          data: { code: u.code, name: u.name, level: u.level, parentId: parent?.id ?? null, path: "" },
        });
        const path = childPath(parent?.path ?? null, row.id);
        await tx.unit.update({ where: { id: row.id }, data: { path } });
        unitIds.set(u.code, { id: row.id, path });
      }

      const channelIds = new Map<string, number>();
      for (const c of demoChannels) {
        const operatorUnit = c.operator ? unitIds.get(c.operator) : undefined;
        const row = await tx.channel.create({
          data: {
            name: c.name,
            normalizedName: normalizeName(c.name),
            initials: initialsOf(c.name),
            kind: c.kind,
            operatorUnitId: operatorUnit?.id ?? null,
            operatorName: operatorUnit ? null : (c.operator ?? null),
            platformId: c.platformId ?? null,
            filing: c.filing ?? null,
            purpose: c.purpose,
            aliases: {
              create: (c.aliases ?? []).map((alias) => ({
                alias,
                normalizedName: normalizeName(alias),
                initials: initialsOf(alias),
              })),
            },
          },
        });
        channelIds.set(c.name, row.id);
      }

      const county = unitIds.get("339900")!;
      const admin = await tx.user.create({
        data: { login: "admin", name: "系统管理员", role: "ADMIN", passwordHash: demoHash },
      });
      await tx.user.create({
        data: {
          login: "reviewer",
          name: "县纪委督查员",
          role: "REVIEWER",
          passwordHash: demoHash,
          jurisdictionId: county.id,
        },
      });

      const villages = demoUnits().filter((u) => u.level === "village");
      const mandates: {
        issuerUnitId: number;
        targetUnitId: number;
        channelId: number;
        actions: never[];
        assessmentLinked: boolean;
        ranking: boolean;
        quota: number | null;
        since: Date;
        document: string | null;
      }[] = [];
      const staffRows: { login: string; name: string; role: "STAFF"; unitId: number; passwordHash: string | null }[] =
        [];
      const reportPlan: {
        login: string;
        unitId: number;
        channelId: number;
        requiredByUnitId?: number;
        actions?: ("install" | "checkin")[];
      }[] = [];

      villages.forEach((v, vi) => {
        const unit = unitIds.get(v.code)!;
        const demanded = new Set<string>();
        for (const [suffix, names] of Object.entries(demoIssuers)) {
          if (rnd() < 0.55) continue;
          const name = pick(names);
          const actions = ["install", "register"] as string[];
          if (rnd() < 0.3) actions.push("checkin");
          if (rnd() < 0.2) actions.push("points_ranking");
          if (rnd() < 0.15) actions.push("promote");
          if (rnd() < 0.2) actions.push("screenshot");
          mandates.push({
            issuerUnitId: unitIds.get(`339900-${suffix}`)!.id,
            targetUnitId: unit.id,
            channelId: channelIds.get(name)!,
            actions: actions as never[],
            assessmentLinked: rnd() < 0.25,
            ranking: rnd() < 0.15,
            quota: actions.includes("promote") ? 50 + Math.floor(rnd() * 10) * 50 : null,
            since: new Date(today.getTime() - Math.floor(30 + rnd() * 600) * DAY),
            document: rnd() < 0.4 ? `清政办〔2026〕${10 + Math.floor(rnd() * 80)}号` : null,
          });
          demanded.add(name);
        }
        const count = 3 + Math.floor(rnd() * 4);
        for (let s = 0; s < count; s++) {
          const login = vi === 0 && s === 0 ? "staff" : `qh${v.code.slice(-6)}-${s}`;
          staffRows.push({
            login,
            name: login === "staff" ? "演示网格员" : `工作人员${v.code.slice(-3)}-${s + 1}`,
            role: "STAFF",
            unitId: unit.id,
            passwordHash: login === "staff" ? demoHash : null,
          });
          for (const name of demanded)
            if (rnd() < 0.8) reportPlan.push({ login, unitId: unit.id, channelId: channelIds.get(name)! });
          // No file says so, but staff of some villages report a daily DingTalk check-in required by
          // the organisation department: mandates known only from reports, for reviewers to confirm.
          if (vi % 6 === 3 && s < 3)
            reportPlan.push({
              login,
              unitId: unit.id,
              channelId: channelIds.get("钉钉")!,
              requiredByUnitId: unitIds.get("339900-D01")!.id,
              actions: ["install", "checkin"],
            });
        }
      });

      // Each ledger row carries its unit's province (the trigger on units has set it by now).
      const provinces = new Map(
        (await tx.unit.findMany({ select: { id: true, provinceId: true } })).map((u) => [u.id, u.provinceId!]),
      );
      await tx.mandate.createMany({
        data: mandates.map((m) => ({ ...m, provinceId: provinces.get(m.targetUnitId)! })),
      });
      await tx.user.createMany({ data: staffRows });
      const users = await tx.user.findMany({ where: { role: "STAFF" }, select: { id: true, login: true } });
      const userIds = new Map(users.map((u) => [u.login, u.id]));
      await tx.report.createMany({
        data: reportPlan.map((r) => {
          const installedDaysAgo = 20 + Math.floor(rnd() * 700);
          const used = rnd();
          return {
            reporterId: userIds.get(r.login)!,
            unitId: r.unitId,
            provinceId: provinces.get(r.unitId)!,
            channelId: r.channelId,
            requiredByUnitId: r.requiredByUnitId ?? null,
            actions: r.actions ?? [],
            accounts: 1 + Math.floor(rnd() * 3),
            minutesPerWeek: pick([0, 10, 20, 30, 60, 90, 120, 180, 300]),
            installedOn: new Date(today.getTime() - installedDaysAgo * DAY),
            lastUsedOn:
              used < 0.25
                ? null
                : new Date(today.getTime() - Math.floor(rnd() * Math.min(installedDaysAgo, 400)) * DAY),
            onlyForFigures: rnd() < 0.2,
            usefulness: 1 + Math.floor(rnd() * 5),
            anonymous: rnd() < 0.1,
          };
        }),
      });

      // Reports answer the mandates of their unit and channel, as an import or a saved report would tie them.
      await linkReportsToMandates(tx, {
        reportIds: (await tx.report.findMany({ select: { id: true } })).map((r) => r.id),
      });

      const summary: SeedSummary = {
        units: unitIds.size,
        channels: channelIds.size,
        mandates: mandates.length,
        reports: reportPlan.length,
        users: staffRows.length + 2,
      };
      await writeAudit(tx, { actorId: admin.id, action: "seed_demo", entity: "ledger", after: summary });
      return summary;
    },
    { timeout: 120_000 },
  );
  // The demo reviewer starts with a queue to work through.
  await recomputeAllFlags({ today, trigger: "seed_demo" });
  return summary;
}
