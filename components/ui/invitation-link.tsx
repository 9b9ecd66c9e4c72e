"use client";
import qrcode from "qrcode-generator";
import { useMemo, useRef, useState } from "react";

/** The dark modules of a QR code for `text`, as one SVG path (no markup from a string, nothing fetched). */
function qrPath(text: string): { size: number; d: string } {
  const qr = qrcode(0, "M");
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  let d = "";
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++) if (qr.isDark(row, col)) d += `M${col} ${row}h1v1h-1z`;
  return { size, d };
}

/**
 * An invitation link that travels: a button that copies it (for a chat message) and a QR code to
 * scan from the screen (a phone's WeChat opens it). Where the browser keeps the clipboard from the
 * page (WeChat's, or an address without HTTPS), the link is selected for the person to copy.
 */
export function InvitationLink({
  link,
  labels,
}: {
  link: string;
  labels: { copy: string; copied: string; qr: string };
}) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const qr = useMemo(() => qrPath(link), [link]);
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // Selected either way, so that the person can copy it by hand where the browser refuses.
      field.current?.select();
      setCopied(document.execCommand("copy"));
    }
  }
  return (
    <div className="space-y-2">
      <div className="flex gap-2">
        <input
          ref={field}
          readOnly
          value={link}
          aria-label={labels.qr}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="invite-link"
          className="min-w-0 flex-1 rounded border border-slate-300 bg-slate-50 px-2 py-2 font-mono text-sm"
        />
        <button type="button" onClick={copy} className="rounded border border-teal-700 px-3 py-2 text-teal-800">
          {copied ? labels.copied : labels.copy}
        </button>
      </div>
      <svg
        role="img"
        aria-label={labels.qr}
        data-testid="invite-qr"
        viewBox={`-2 -2 ${qr.size + 4} ${qr.size + 4}`}
        className="h-44 w-44 bg-white"
        shapeRendering="crispEdges"
      >
        <path d={qr.d} fill="#000" />
      </svg>
    </div>
  );
}
