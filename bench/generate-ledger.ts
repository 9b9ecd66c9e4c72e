import { seededRandom } from "@/lib/demo/seeded-random";
import { ACTIONS, PURPOSES } from "@/lib/vocabulary";

/**
 * A deterministic synthetic ledger in the brief's CSV formats, sized by the number of self-reports,
 * in one province or spread over several (the national shape: 31), counties dealt out in turn.
 */
export type LedgerSize = { reports: number; provinces?: number };

/**
 * Proportions of the issue's provincial ledger (100,000 units, 20,000 channels, 2,000,000 mandates,
 * 1,000,000 self-reports), scaled by the number of reports.
 */
export function generateLedger(size: LedgerSize, seed = 1): Record<LedgerFile, string> {
  const lines = generateLedgerLines(size, seed);
  const text = (kind: LedgerFile) => lines[kind].join("\n") + "\n";
  return { units: text("units"), channels: text("channels"), mandates: text("mandates"), reports: text("reports") };
}

export type LedgerFile = "units" | "channels" | "mandates" | "reports";

/** The same ledger as lines, header first: past 2,000,000 reports a file's text outgrows one string. */
export function generateLedgerLines({ reports, provinces = 1 }: LedgerSize, seed = 1): Record<LedgerFile, string[]> {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const villagesWanted = Math.max(10, Math.round(reports / 10));
  const channelsWanted = Math.max(20, Math.round(reports / 50));
  const units = ["code,name,level,parent_code"];
  // The first province keeps the codes of a one-province ledger (P, P-D1), so its figures compare.
  const provinceCodes = Array.from({ length: provinces }, (_, p) => (p === 0 ? "P" : `P${p}`));
  const departmentsOf = provinceCodes.map((code, p) => {
    units.push(`${code},省${p || ""},province,`, `${code}-D1,省${p || ""}政务服务局,department,${code}`);
    return [`${code}-D1`];
  });
  const villages: string[] = [];
  const provinceOf = new Map<string, number>();
  const counties = Math.max(1, Math.round(villagesWanted / 150));
  for (let c = 0; c < counties && villages.length < villagesWanted; c++) {
    const county = `C${c}`;
    const p = c % provinces;
    units.push(`${county},县${c},county,${provinceCodes[p]}`);
    for (let d = 0; d < 5; d++) {
      units.push(`${county}-D${d},县${c}部门${d},department,${county}`);
      departmentsOf[p]!.push(`${county}-D${d}`);
    }
    for (let t = 0; t < 10 && villages.length < villagesWanted; t++) {
      const town = `${county}-T${t}`;
      units.push(`${town},镇${c}-${t},township,${county}`);
      for (let v = 0; v < 15 && villages.length < villagesWanted; v++) {
        const code = `${town}-V${v}`;
        units.push(`${code},村${c}-${t}-${v},village,${town}`);
        villages.push(code);
        provinceOf.set(code, p);
      }
    }
  }
  const departments = departmentsOf.flat();
  const channels = ["name,kind,operator,platform_id,aliases,purpose"];
  const names: string[] = [];
  for (let i = 0; i < channelsWanted; i++) {
    const name = `渠道${i}${i % 7 === 0 ? "APP" : ""}`;
    names.push(name);
    channels.push(
      `${name},${pick(["app", "mini_program", "wechat_group", "official_account"])},${pick(departments)},,,${pick(PURPOSES)}`,
    );
  }
  const mandates = ["issuer_code,unit_code,channel,actions,assessment_linked,ranking,quota,since,document"];
  const perVillage = new Map<string, string[]>();
  for (const v of villages) {
    const chosen = new Set<string>();
    while (chosen.size < Math.min(20, names.length)) chosen.add(pick(names));
    perVillage.set(v, [...chosen]);
    for (const name of chosen) {
      const actions = ["install", "register", ...(rnd() < 0.2 ? [pick(ACTIONS)] : [])];
      mandates.push(
        `${pick(departmentsOf[provinceOf.get(v)!]!)},${v},${name},${[...new Set(actions)].join("|")},${rnd() < 0.2},${rnd() < 0.1},${rnd() < 0.1 ? 100 : ""},2026-01-01,`,
      );
    }
  }
  const lines = [
    "unit_code,reporter,channel,accounts,minutes_per_week,installed_on,last_used_on,only_for_figures,usefulness",
  ];
  let person = 0;
  while (lines.length - 1 < reports) {
    const v = villages[person % villages.length]!;
    const names = perVillage.get(v)!;
    for (let k = 0; k < 10 && lines.length - 1 < reports; k++) {
      const used = rnd();
      lines.push(
        `${v},g${person},${names[k % names.length]},${1 + Math.floor(rnd() * 3)},${pick([0, 10, 30, 60, 120])},2025-0${1 + Math.floor(rnd() * 9)}-01,${used < 0.3 ? "" : `2026-${String(1 + Math.floor(rnd() * 10)).padStart(2, "0")}-15`},${rnd() < 0.15},${1 + Math.floor(rnd() * 5)}`,
      );
    }
    person++;
  }
  return { units, channels, mandates, reports: lines };
}
