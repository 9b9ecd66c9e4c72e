import "server-only";
import type { RawReader } from "@/lib/db/read-all";
import { Prisma } from "@/lib/db/generated/client";
import { POLICY_RULES, type PolicyRule } from "./policy-rules";

/** A mandate as evidence shows it: codes and names, as in the CSV files. */
export type MandateEvidence = {
  mandateId: number;
  issuer: string;
  unit: string;
  channel: string;
  actions: string[];
  assessmentLinked: boolean;
  ranking: boolean;
  quota: number | null;
  document: string | null;
  status: string;
  /** Names beside the codes (the codes stay: `flags list --json` keeps its shape), and where it comes from. */
  issuerName?: string;
  unitName?: string;
  source?: string;
  review?: string | null;
};

type Stored = Record<string, unknown>;
const CHUNK = 20_000;

const isIdList = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === "number");
const isRuleIdList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

/**
 * Flags store their mandates and rules by id (see kinds/mandate-kinds.ts); readers get the rows:
 * each mandate with its issuer, unit, channel and terms, each rule with its source and article.
 * Evidence written before ids were used (whole rows) passes through as it is.
 */
export async function expandEvidence(db: RawReader, evidence: readonly unknown[]): Promise<Stored[]> {
  const ids = new Set<number>();
  for (const e of evidence) {
    const mandates = (e as Stored | null)?.mandates;
    if (isIdList(mandates)) for (const id of mandates) ids.add(id);
  }
  const rows = await mandateRows(db, [...ids]);
  return evidence.map((e) => {
    const out: Stored = { ...((e ?? {}) as Stored) };
    if (isIdList(out.mandates)) out.mandates = out.mandates.map((id) => rows.get(id)).filter((m) => !!m);
    if (isRuleIdList(out.rules))
      out.rules = out.rules.map((id) => POLICY_RULES[id]).filter((r): r is PolicyRule => !!r);
    return out;
  });
}

async function mandateRows(db: RawReader, ids: number[]): Promise<Map<number, MandateEvidence>> {
  const out = new Map<number, MandateEvidence>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const rows = await db.$queryRaw<MandateEvidence[]>(Prisma.sql`
      SELECT m.id AS "mandateId", iu.code AS issuer, tu.code AS unit, c.name AS channel, m.actions::text[] AS actions,
             m.assessment_linked AS "assessmentLinked", m.ranking, m.quota, m.document, m.status::text AS status,
             iu.name AS "issuerName", tu.name AS "unitName", m.source::text AS source, m.review::text AS review
      FROM mandates m JOIN units iu ON iu.id = m.issuer_unit_id JOIN units tu ON tu.id = m.target_unit_id
      JOIN channels c ON c.id = m.channel_id
      WHERE m.id = ANY(${part}::int[])`);
    for (const r of rows) out.set(r.mandateId, r);
  }
  return out;
}
