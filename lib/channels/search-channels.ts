import "server-only";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ONE_LINE_CONTROL } from "@/lib/validation/clean-text";
import type { ChannelKind } from "@/lib/db/generated/client";
import { findMandatesForUnit } from "@/lib/reports/my-mandates";
import type { ChannelHit } from "@/lib/reports/report-dto";
import { initialsOf, normalizeName } from "./channel-keys";
import { loadProductIndex } from "./known-products-store";

const LIMIT = 8;

/**
 * Finds active catalogue entries by name, alias or pinyin initials (typing "xxqg" finds 学习强国),
 * with a trigram fallback for typos; each hit says who requires it of the searcher's unit.
 */
export async function searchChannels(actor: Actor, query: string): Promise<ChannelHit[]> {
  const user = authorizePerson(actor, "report:write");
  const q = query.trim().slice(0, 50);
  if (!q) return [];
  if (ONE_LINE_CONTROL.test(q)) throw new AppError("invalid_input", { q: ["control_chars"] });
  const db = await getDb();
  const norm = normalizeName(q);
  const initials = /^[a-z0-9]+$/i.test(q) ? q.toLowerCase() : initialsOf(q);
  // An English name or an official abbreviation of a well-known product finds it by its Chinese names.
  const known = (await loadProductIndex(db)).chineseNamesFor(q);
  const candidates = await db.channel.findMany({
    where: {
      status: "active",
      OR: [
        { name: { contains: q, mode: "insensitive" } },
        ...known.map((name) => ({ name: { contains: name } })),
        ...(norm ? [{ normalizedName: { contains: norm } }] : []),
        ...(initials ? [{ initials: { startsWith: initials } }] : []),
        {
          aliases: {
            some: {
              OR: [
                { alias: { contains: q, mode: "insensitive" } },
                ...(norm ? [{ normalizedName: { contains: norm } }] : []),
                ...(initials ? [{ initials: { startsWith: initials } }] : []),
              ],
            },
          },
        },
      ],
    },
    take: 50,
    select: {
      id: true,
      name: true,
      kind: true,
      normalizedName: true,
      initials: true,
      aliases: { select: { alias: true, normalizedName: true, initials: true } },
    },
  });
  let ranked = candidates
    .map((c) => {
      const alias = c.aliases.find(
        (a) =>
          a.alias.includes(q) ||
          (norm && a.normalizedName.includes(norm)) ||
          (initials && a.initials.startsWith(initials)),
      );
      const score =
        c.name === q || known.includes(c.name)
          ? 0
          : c.normalizedName.startsWith(norm) && norm
            ? 1
            : initials && c.initials.startsWith(initials)
              ? 2
              : c.normalizedName.includes(norm) && norm
                ? 3
                : 4;
      return { c, score, matched: score === 4 ? (alias?.alias ?? null) : null };
    })
    .sort((a, b) => a.score - b.score || a.c.name.length - b.c.name.length || a.c.name.localeCompare(b.c.name, "zh-CN"))
    .slice(0, LIMIT);
  if (ranked.length === 0 && q.length >= 2) {
    const fuzzy = await db.$queryRaw<{ id: number; name: string; kind: ChannelKind }[]>`
      SELECT id, name, kind::text AS kind FROM channels
      WHERE status = 'active' AND similarity(name, ${q}) > 0.2
      ORDER BY similarity(name, ${q}) DESC, id LIMIT ${LIMIT}`;
    ranked = fuzzy.map((c) => ({
      c: { ...c, normalizedName: "", initials: "", aliases: [] },
      score: 5,
      matched: null,
    }));
  }
  const ids = ranked.map((r) => r.c.id);
  const [mine, mandates] = await Promise.all([
    db.report.findMany({
      where: { reporterId: user.id, channelId: { in: ids } },
      select: { id: true, channelId: true },
    }),
    user.unitId ? findMandatesForUnit(db, user.unitId, ids) : new Map(),
  ]);
  const reported = new Map(mine.map((r) => [r.channelId, r.id]));
  return ranked.map(({ c, matched }) => ({
    id: c.id,
    name: c.name,
    kind: c.kind,
    matched,
    reportId: reported.get(c.id) ?? null,
    mandates: mandates.get(c.id) ?? [],
  }));
}
