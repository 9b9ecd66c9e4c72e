import { setLocaleAction } from "@/lib/i18n/set-locale-action";

/** A plain form per language: works without client JavaScript. */
export function LanguageSwitcher({ label }: { label: string }) {
  return (
    <form action={setLocaleAction} className="flex items-center gap-1" aria-label={label}>
      <button
        name="locale"
        value="zh-CN"
        lang="zh-CN"
        className="whitespace-nowrap rounded px-1.5 py-0.5 hover:bg-slate-100"
      >
        中文
      </button>
      <span aria-hidden="true">/</span>
      <button name="locale" value="en" lang="en" className="whitespace-nowrap rounded px-1.5 py-0.5 hover:bg-slate-100">
        English
      </button>
    </form>
  );
}
