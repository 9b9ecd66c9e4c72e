import "server-only";
import { randomInt } from "node:crypto";
import { Prisma } from "@/lib/db/generated/client";
import { bulkColumns, bulkInsert } from "@/lib/db/bulk-insert";
import { bulkUpdate } from "@/lib/db/bulk-update";
import type { RawClient } from "@/lib/db/raw-transaction";
import { CATALOGUE_PROVINCE } from "@/lib/units/province";
import type { Finding, UnitRow } from "./finding";
import { digestFinding, scopeOf } from "./digest";
import { CLEARED, type FlagStates } from "./flag-states";

export type RecomputeSummary = {
  findings: number;
  created: number;
  updated: number;
  reopened: number;
  resolved: number;
};
/** The province of a finding's unit: see lib/units/province.ts. */
export type ProvinceOf = (unitId: number | null) => number;

/** The provinces of a ledger's units, as the judge reads them. */
export function provincesOfUnits(units: ReadonlyMap<number, UnitRow>): ProvinceOf {
  return (unitId) => (unitId === null ? CATALOGUE_PROVINCE : (units.get(unitId)?.provinceId ?? CATALOGUE_PROVINCE));
}

/** A transaction: Prisma's, or the driver's own for a full recompute (lib/db/raw-transaction.ts). */
type Tx = RawClient;

// A flag whose unit moved to another province moves with it (an update across partitions). The
// explanation and evidence are JSON text stored as json: PostgreSQL checks them without building jsonb trees.
const FINDING_COLUMNS = bulkColumns(
  "province_id int, severity int, unit_id int, channel_ids text::int[], reporter_id int, scope_unit_id int, " +
    "issuer_ids text::int[], explanation text::json, evidence text::json, burden int, " +
    "digest text, computed_at text::timestamp",
);
const NEW_FLAG = [
  ...bulkColumns('kind text::"FlagKind", subject_key text'),
  ...FINDING_COLUMNS,
  ...bulkColumns("first_seen_at text::timestamp"),
];
const BY_ID = [...bulkColumns("id int"), ...FINDING_COLUMNS];
/** Rows gathered before the caller should write them (see judge). */
const BATCH = 10_000;

/**
 * Judges findings one at a time against the stored flags of one scope (`existing`: the states of
 * all flags, or of those a change could touch; see readFlagStates), keeping only what must be
 * written: a province has millions of findings, nearly all unchanged, and holding them all until
 * the end cost more in garbage collection than judging them. The states are marked as their
 * subjects are found: what is left unmarked at the end was not found again.
 */
export class FlagJudge {
  private readonly at: string;
  private created: unknown[][] = [];
  private changed: unknown[][] = [];
  private reopened: unknown[][] = [];
  private readonly counts = { findings: 0, created: 0, updated: 0, reopened: 0 };
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly existing: FlagStates,
    /** The province a finding's unit lies in (CATALOGUE_PROVINCE for none). */
    private readonly provinceOf: ProvinceOf,
    now = new Date(),
    /**
     * For one region of a recompute by region: where to look for a new finding's flag stored in
     * another region (its subject moved there: a mandate aimed elsewhere, a person's reports
     * elsewhere), which is then moved here with its status and decisions, as one pass would.
     */
    private readonly elsewhere?: Prisma.Sql,
  ) {
    this.at = now.toISOString();
  }

  /** Rows of new flags gathered and not yet written. */
  get pendingCreated(): number {
    return this.created.length;
  }

  /** Judges one finding; true when a batch of rows waits, which a caller inside the transaction may flush. */
  judge(f: Finding): boolean {
    this.counts.findings++;
    const d = digestFinding(f);
    const old = this.existing.find(f.subjectKey);
    const province = this.provinceOf(f.unitId);
    if (old < 0) this.created.push([f.kind, f.subjectKey, ...findingValues(f, d, province, this.at), this.at]);
    else if (this.existing.cleared(old))
      this.reopened.push([this.existing.id(old), ...findingValues(f, d, province, this.at)]);
    else if (this.existing.digest(old) !== d || this.existing.province(old) !== province)
      this.changed.push([this.existing.id(old), ...findingValues(f, d, province, this.at)]);
    else return false;
    return this.created.length + this.changed.length + this.reopened.length >= BATCH;
  }

  /**
   * Starts writing the rows gathered so far and returns once they are on their way, so that
   * PostgreSQL stores one batch while Node judges the next (a first recompute creates every flag:
   * millions of rows, which held until the end filled the heap).
   */
  async flush(tx: Tx): Promise<void> {
    const { created, changed, reopened } = this;
    this.created = [];
    this.changed = [];
    this.reopened = [];
    await this.writing; // one statement at a time on the transaction's connection
    this.writing = this.writeRows(tx, created, changed, reopened);
    this.writing.catch(() => undefined); // awaited by the next flush or by write
    await new Promise((resolve) => setImmediate(resolve)); // lets the statement reach PostgreSQL
  }

  /**
   * Writes what was judged: a finding keeps its flag (same subject key) and the reviewers'
   * decisions on it; a flag of the scope that is no longer found is resolved with the reason, never
   * deleted; one that returns is opened again. Only flags whose finding changed (by digest) are
   * written, each group in one statement. The states may have been read before the transaction
   * began: a flag decided on since is not resolved over the reviewer's decision.
   */
  async write(tx: Tx): Promise<RecomputeSummary> {
    const s = await this.writeFound(tx);
    return { ...s, resolved: await resolveGone(tx, this.existing.notFound(), this.at) };
  }

  /**
   * Writes what was found, not what is gone: a region of a recompute by region leaves the flags
   * not found (notFound) to be resolved once every region is done, since another region may have
   * moved one of them to itself meanwhile.
   */
  async writeFound(tx: Tx): Promise<RecomputeSummary> {
    await this.flush(tx);
    await this.writing;
    return { ...this.counts, resolved: 0 };
  }

  /** Ids of the live flags of the scope whose subject was not found. */
  notFound(): number[] {
    return this.existing.notFound();
  }

  /** New findings whose flag is stored in another region become moves of that flag (see `elsewhere`). */
  private async adopt(tx: Tx, created: unknown[][], changed: unknown[][], reopened: unknown[][]) {
    if (!this.elsewhere || created.length === 0) return created;
    const keys = created.map((r) => r[1] as string);
    const found = await tx.$queryRaw<{ id: number; key: string; cleared: boolean }[]>(Prisma.sql`
      SELECT id, subject_key AS key, status = 'resolved' AND resolved_reason = ${CLEARED} AS cleared
      FROM flags WHERE subject_key = ANY(${keys}::text[]) AND ${this.elsewhere}`);
    if (found.length === 0) return created;
    const stored = new Map(found.map((f) => [f.key, f]));
    return created.filter((row) => {
      const f = stored.get(row[1] as string);
      if (!f) return true;
      // [kind, subject, ...finding values, first seen] → [id, ...finding values]
      (f.cleared ? reopened : changed).push([f.id, ...row.slice(2, -1)]);
      return false;
    });
  }

  private async writeRows(tx: Tx, found: unknown[][], changed: unknown[][], reopened: unknown[][]): Promise<void> {
    const created = await this.adopt(tx, found, changed, reopened);
    // New flags get their ids in an order of chance, not of detection: detectors go person by
    // person, and ids in reporter order would place an anonymous reporter's flag between the named
    // neighbours' (finding 4 of issue 15).
    shuffle(created);
    await bulkInsert(tx, "flags", NEW_FLAG, created, { onConflictDoNothing: true, returning: false });
    await bulkUpdate(tx, "flags", BY_ID, changed, Prisma.sql`, version = t.version + 1`);
    await bulkUpdate(
      tx,
      "flags",
      BY_ID,
      reopened,
      Prisma.sql`, status = 'open', resolved_reason = NULL, version = t.version + 1`,
    );
    this.counts.created += created.length;
    this.counts.updated += changed.length;
    this.counts.reopened += reopened.length;
  }
}

/**
 * Resolves the live flags of these ids, with the reason: their finding is gone. After a recompute
 * by region (`afterRegions`), not one written at `at`, the recompute's time: a region moved it to itself.
 */
export async function resolveGone(tx: Tx, gone: readonly number[], at: string, afterRegions = false): Promise<number> {
  const untouched = afterRegions ? Prisma.sql`AND computed_at <> ${at}::timestamp` : Prisma.empty;
  let resolved = 0;
  for (let i = 0; i < gone.length; i += 10_000) {
    resolved += await tx.$executeRaw(Prisma.sql`
      UPDATE flags SET status = 'resolved', resolved_reason = ${CLEARED}, computed_at = ${at}::timestamp, version = version + 1
      WHERE id = ANY(${gone.slice(i, i + 10_000)}::int[]) AND status IN ('open', 'confirmed') ${untouched}`);
  }
  return resolved;
}

/** Writes findings over the flags of one scope: see FlagJudge. */
export async function saveFindings(
  tx: Tx,
  findings: Iterable<Finding>,
  existing: FlagStates,
  provinceOf: ProvinceOf,
  now = new Date(),
): Promise<RecomputeSummary> {
  const judge = new FlagJudge(existing, provinceOf, now);
  for (const f of findings) judge.judge(f);
  return judge.write(tx);
}

function shuffle(rows: unknown[][]): void {
  for (let i = rows.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
}

/** The values of FINDING_COLUMNS, made only for the findings that are written. */
function findingValues(f: Finding, digest: number, province: number, at: string): unknown[] {
  const explanation = JSON.stringify({ key: `flag.${f.explainAs ?? f.kind}`, params: f.params });
  const evidence = f.evidence == null ? null : JSON.stringify(f.evidence);
  return [
    province,
    f.severity,
    f.unitId,
    `{${f.channelIds.join(",")}}`,
    f.reporterId,
    scopeOf(f),
    `{${(f.issuerIds ?? []).join(",")}}`,
    explanation,
    evidence,
    f.burden,
    String(digest),
    at,
  ];
}
