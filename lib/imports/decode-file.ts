/*
 * What text an uploaded file holds. Excel on a Chinese Windows saves "CSV" in GBK; GB18030 is the
 * national superset of GBK, so a file that is not UTF-8 but is valid GB18030 is read as that, and
 * the import says so. Anything else — a workbook saved as is, or bytes that are no text — is refused
 * with the reason, before a row is read.
 */
export type FileEncoding = "utf-8" | "gb18030";

const ZIP = [0x50, 0x4b, 0x03, 0x04]; // .xlsx
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // .xls
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export type Decoded = { text: string; encoding: FileEncoding } | { refused: "workbook" | "not_text" };

function decode(bytes: Uint8Array, encoding: FileEncoding): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeFile(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE)) return { refused: "workbook" };
  for (const encoding of ["utf-8", "gb18030"] as const) {
    const text = decode(bytes, encoding);
    if (text !== null) return { text, encoding };
  }
  return { refused: "not_text" };
}
