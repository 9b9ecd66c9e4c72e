import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { readAll } from "@/lib/db/read-all";
import { groupCases, type CaseFinding, type CaseGroup } from "./group-cases";

export type CaseListItem = Omit<CaseGroup, "channelIds" | "issuerId" | "townshipId"> & {
  channels: string[];
  issuer: string | null;
  /** The issuing department's code and parent, for the department picker of a case's decisions. */
  issuerCode: string | null;
  issuerParent: string | null;
  township: string | null;
  findings: number;
};

/**
 * The open cases of the whole ledger (open and confirmed findings grouped, see group-cases.ts),
 * worst first, with names: what `npm run cli -- cases list` prints.
 */
export async function listCases(actor: Actor): Promise<CaseListItem[]> {
  authorize(actor, "admin:manage");
  return readCases("/");
}

/**
 * The open cases of findings seen in a subtree ("/": the whole tree), or only those among the
 * findings `narrow` selects (see case-key-filter.ts); callers authorise (lib/review/list-review-cases.ts).
 */
export async function readCases(root: string, narrow: Prisma.Sql | null = null): Promise<CaseListItem[]> {
  const db = await getDb();
  const inScope =
    root === "/"
      ? Prisma.sql``
      : Prisma.sql`AND t.scope_unit_id IN (SELECT u.id FROM units u WHERE u.path LIKE ${root} || '%')`;
  const among = narrow ? Prisma.sql`AND (${narrow})` : Prisma.sql``;
  const [rows, units, channels] = await Promise.all([
    readAll(
      db,
      "t.id, t.kind::text, t.subject_key, t.unit_id, t.channel_ids, t.issuer_ids, t.severity, t.burden",
      Prisma.sql`FROM flags t WHERE t.status IN ('open', 'confirmed') ${inScope} ${among}`,
    ),
    readAll(db, "t.id, t.name, t.level::text, t.parent_id, t.code", Prisma.sql`FROM units t WHERE true`),
    readAll(db, "t.id, t.name", Prisma.sql`FROM channels t WHERE true`),
  ]);
  const findings: CaseFinding[] = (
    rows as [number, string, string, number | null, number[], number[], number, number][]
  ).map(([id, kind, subjectKey, unitId, channelIds, issuerIds, severity, burden]) => ({
    id,
    kind,
    subjectKey,
    unitId,
    channelIds,
    issuerIds,
    severity,
    burden,
  }));
  const unit = new Map(
    (units as [number, string, string, number | null, string][]).map(([id, name, level, parentId, code]) => [
      id,
      { name, level, parentId, code },
    ]),
  );
  const channelName = new Map((channels as [number, string][]).map(([id, name]) => [id, name]));
  const ABOVE = new Set(["province", "city", "county", "township"]);
  const township = new Map<number, number | null>();
  // The township a unit lies in; a unit at or above township level (or a department of one) is its own.
  const townshipOf = (unitId: number | null): number | null => {
    if (unitId === null) return null;
    if (township.has(unitId)) return township.get(unitId)!;
    let at: number | null = unitId;
    for (let hops = 0; at !== null && hops < 32; hops++) {
      const u = unit.get(at);
      if (!u) break;
      if (ABOVE.has(u.level)) break;
      at = u.parentId;
    }
    const found = at !== null && unit.get(at) && ABOVE.has(unit.get(at)!.level) ? at : unitId;
    township.set(unitId, found);
    return found;
  };
  return groupCases(findings, townshipOf).map(({ channelIds, issuerId, townshipId, ...c }) => ({
    ...c,
    channels: channelIds.map((id) => channelName.get(id) ?? `#${id}`),
    issuer: issuerId === null ? null : (unit.get(issuerId)?.name ?? null),
    issuerCode: issuerId === null ? null : (unit.get(issuerId)?.code ?? null),
    issuerParent: issuerId === null ? null : (unit.get(unit.get(issuerId)?.parentId ?? -1)?.name ?? null),
    township: townshipId === null ? null : (unit.get(townshipId)?.name ?? null),
    findings: c.findingIds.length,
  }));
}
