/*
 * What text an uploaded file holds. Excel on a Chinese Windows saves "CSV" in GBK; GB18030 is the
 * national superset of GBK, so a file that is not UTF-8 but is valid GB18030 is read as that, and
 * the import says so. Anything else — an old .xls workbook (an .xlsx one is read by
 * lib/workbooks/read-workbook.ts), or bytes that are no text — is refused with the reason, before a
 * row is read.
 */
export type FileEncoding = "utf-8" | "gb18030";

const ZIP = [0x50, 0x4b, 0x03, 0x04]; // .xlsx
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // .xls
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** An .xlsx workbook (a zip): read as a workbook, not as text. */
export const isXlsx = (bytes: Uint8Array) => startsWith(bytes, ZIP);

export type Decoded = { text: string; encoding: FileEncoding } | { refused: "workbook" | "damaged_utf8" | "not_text" };

/**
 * Whether bytes that are not valid UTF-8 are still mostly UTF-8 (a file damaged on the way), not
 * GBK: GB18030 would read almost any such bytes, as nonsense. In GBK text only about one Chinese
 * character in ten happens to form a UTF-8 sequence; in damaged UTF-8 nearly all of them do.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const follow = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    let ok = follow > 0;
    for (let k = 1; ok && k <= follow; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += follow;
    } else invalid++;
  }
  return valid >= invalid * 2;
}

function decode(bytes: Uint8Array, encoding: FileEncoding): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeFile(bytes: Uint8Array): Decoded {
  if (isXlsx(bytes) || startsWith(bytes, OLE)) return { refused: "workbook" };
  const utf8 = decode(bytes, "utf-8");
  if (utf8 !== null) return { text: utf8, encoding: "utf-8" };
  if (mostlyUtf8(bytes)) return { refused: "damaged_utf8" };
  const gb = decode(bytes, "gb18030");
  return gb !== null ? { text: gb, encoding: "gb18030" } : { refused: "not_text" };
}
