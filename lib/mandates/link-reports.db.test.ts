import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { importLedger } from "@/testing/fixtures";

/*
 * Imported reports are tied to the mandates they answer: one on their own unit, and one on a
 * unit above when it applies to the whole subtree; not one on a sibling, nor a plain one above.
 */
const MANDATES_HEADER =
  "issuer_code,unit_code,channel,actions,assessment_linked,ranking,quota,since,document,until,applies_to_subtree";

describe("imported reports and their mandates", () => {
  it("tie each imported report to the mandates on its unit and to those on a unit above that cover the subtree", async () => {
    await importLedger({
      units: `code,name,level,parent_code
LC,Link County,county,
LC-D,Link Office,department,LC
LC-T,Link Town,township,LC
LC-T-V1,Village One,village,LC-T
LC-T-V2,Village Two,village,LC-T
`,
      channels: `name,kind,operator,platform_id,aliases,purpose
Everywhere App,app,LC-D,,,reporting
Village App,app,LC-D,,,reporting
`,
      mandates: `${MANDATES_HEADER}
LC-D,LC,Everywhere App,install,false,false,,2026-01-01,,,true
LC-D,LC-T,Village App,install,false,false,,2026-01-01,,,false
LC-D,LC-T-V1,Village App,install,false,false,,2026-01-01,,,false
`,
      reports: `unit_code,reporter,channel,accounts,minutes_per_week,installed_on,last_used_on,only_for_figures,usefulness
LC-T-V1,lk1,Everywhere App,1,30,2025-01-01,,false,1
LC-T-V1,lk1,Village App,1,30,2025-01-01,,false,1
LC-T-V2,lk2,Village App,1,30,2025-01-01,,false,1
`,
    });
    const db = await getDb();
    const links = await db.$queryRaw<{ reporter: string; channel: string; target: string }[]>`
      SELECT us.login AS reporter, c.name AS channel, t.code AS target
      FROM report_mandates rm JOIN reports r ON r.id = rm.report_id JOIN users us ON us.id = r.reporter_id
      JOIN channels c ON c.id = r.channel_id JOIN mandates m ON m.id = rm.mandate_id JOIN units t ON t.id = m.target_unit_id
      ORDER BY 1, 2, 3`;
    expect(links).toEqual([
      { reporter: "lk1", channel: "Everywhere App", target: "LC" },
      { reporter: "lk1", channel: "Village App", target: "LC-T-V1" },
    ]);
  });
});
