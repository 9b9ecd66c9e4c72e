import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import type { ImportKind } from "@/lib/imports/import-types";
import type { Translate } from "@/lib/i18n/messages";
import { templateWorkbook } from "@/lib/workbooks/write-workbook";

/** An .xlsx template for one import format (lib/workbooks/write-workbook.ts), for those who import. */
export async function importTemplate(actor: Actor, kind: ImportKind, t: Translate): Promise<Buffer> {
  authorize(actor, "admin:manage");
  return templateWorkbook(kind, t);
}
