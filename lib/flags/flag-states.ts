import "server-only";
import { Prisma } from "@/lib/db/generated/client";
import type { RawReader } from "@/lib/db/read-all";
import { LineReader } from "@/lib/db/line-reader";
import { readChunks, type Chunk } from "@/lib/db/read-chunks";
import { doubled, KeyIndex } from "./key-index";

/** resolved_reason of a flag whose condition no longer holds. */
export const CLEARED = "condition_cleared";

const LIVE = 1;
const WAS_CLEARED = 2;
const FOUND = 4;

/**
 * What a recompute needs to know of the stored flags, by subject key: whether each is live (open
 * or confirmed: resolved if its finding is gone) or cleared (resolved because its condition no
 * longer held: reopened if the finding returns), and the digest of the finding it holds (NaN when
 * unknown). Kept in typed arrays behind an index of the keys (see KeyIndex): a province has millions of
 * flags, and an object and a string per flag cost more in garbage collection than reading them.
 */
export class FlagStates {
  private readonly index = new KeyIndex();
  private ids = new Int32Array(1024);
  private digests = new Float64Array(1024);
  private provinces = new Int32Array(1024);
  private marks = new Uint8Array(1024);

  get size(): number {
    return this.index.size;
  }

  /** Reads the flags of lines of text (id, state, digest, province, subject key), keeping the keys in it. */
  addLines(text: string): void {
    this.index.useText(text);
    for (const line = new LineReader(text); !line.done;) {
      const id = line.int()!;
      const state = line.int()!;
      const digest = line.int() ?? NaN;
      const province = line.int()!;
      const keyStart = line.position;
      const i = this.index.add(keyStart, line.pass());
      if (i === this.ids.length) this.grow();
      this.ids[i] = id;
      this.digests[i] = digest;
      this.provinces[i] = province;
      this.marks[i] = state;
    }
  }

  /** The stored flag of a subject (-1 when there is none), marked as found again. */
  find(key: string): number {
    const i = this.index.get(key);
    if (i >= 0) this.marks[i]! |= FOUND;
    return i;
  }

  id(i: number): number {
    return this.ids[i]!;
  }

  digest(i: number): number {
    return this.digests[i]!;
  }

  /** The province the flag is stored in (a flag whose unit moved is written again). */
  province(i: number): number {
    return this.provinces[i]!;
  }

  cleared(i: number): boolean {
    return (this.marks[i]! & WAS_CLEARED) !== 0;
  }

  /** Ids of the live flags whose subject was not found. */
  notFound(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.index.size; i++) if ((this.marks[i]! & (LIVE | FOUND)) === LIVE) out.push(this.ids[i]!);
    return out;
  }

  /** One flag's state, as tests read it. */
  get(key: string): { id: number; live: boolean; cleared: boolean; digest: number } | undefined {
    const i = this.index.get(key);
    return i < 0
      ? undefined
      : { id: this.ids[i]!, live: (this.marks[i]! & LIVE) !== 0, cleared: this.cleared(i), digest: this.digests[i]! };
  }

  private grow(): void {
    this.ids = doubled(this.ids);
    this.digests = doubled(this.digests);
    this.provinces = doubled(this.provinces);
    this.marks = doubled(this.marks);
  }
}

const CHUNK = 200_000;

/**
 * Which stored flags a recompute judges: all, those with the given subject keys (after one saved
 * report), or those of one region of a recompute by region (lib/flags/recompute-region.ts).
 */
export type FlagScope = { keys: readonly string[] } | { where: Prisma.Sql } | null;

/**
 * The state of the flags of a scope. Read as one line of text per flag: rows through the ORM took
 * twice as long as the detectors that judge them.
 */
export async function readFlagStates(db: RawReader, scope: FlagScope = null): Promise<FlagStates> {
  const out = new FlagStates();
  const only = !scope
    ? Prisma.empty
    : "keys" in scope
      ? Prisma.sql`AND subject_key = ANY(${[...scope.keys]}::text[])`
      : Prisma.sql`AND ${scope.where}`;
  // A subject key names one flag at most, so a short list of keys fits one chunk and needs no
  // paging by id, which made the planner walk the whole primary key beside the key index (12 ms
  // of a 20 ms save at 243,000 flags).
  const byKeysAlone = scope !== null && "keys" in scope && scope.keys.length < CHUNK;
  // Lines in any order (they are looked up by key). A digest that is not a number this engine
  // writes reads as unknown, so that flag is written once more rather than judged unchanged.
  const query = async (after: number) => {
    const [chunk] = await db.$queryRaw<[Chunk<string>]>(Prisma.sql`
      SELECT string_agg(concat_ws(E'\t', f.id,
               CASE WHEN f.status IN ('open', 'confirmed') THEN ${LIVE} WHEN f.status = 'resolved' AND f.resolved_reason = ${CLEARED} THEN ${WAS_CLEARED} ELSE 0 END,
               CASE WHEN length(f.digest) <= 16 THEN f.digest ELSE '' END, f.province_id, f.subject_key), E'\n') AS payload,
             count(*)::int AS n, max(f.id) AS last
      FROM (SELECT id, status, resolved_reason, digest, province_id, subject_key FROM flags WHERE ${byKeysAlone ? Prisma.sql`true` : Prisma.sql`id > ${after}`} ${only} ORDER BY id LIMIT ${CHUNK}) f`);
    return chunk;
  };
  await readChunks(CHUNK, query, (lines) => out.addLines(lines));
  return out;
}
