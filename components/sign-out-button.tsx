import { signOutAction } from "@/lib/auth/sign-out-action";

/** A form, not a script: it works before (and without) the page's JavaScript. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className="whitespace-nowrap rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
        {label}
      </button>
    </form>
  );
}
