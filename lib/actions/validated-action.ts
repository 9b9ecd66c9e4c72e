import "server-only";
import { randomBytes } from "node:crypto";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActor } from "@/lib/auth/current-user";
import type { PersonActor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getTranslator } from "@/lib/i18n/server";
import { isMessageKey, type MessageKey } from "@/lib/i18n/messages";
import { rememberWrite } from "@/lib/auth/read-your-writes";
import { assertSameOrigin } from "./same-origin";

export type ActionState<T = unknown> =
  | { ok: true; data: T; message?: string }
  | { ok: false; fieldErrors: Record<string, string[]>; message: string }
  | null;

/**
 * FormData → plain object; repeated names (checkbox groups) become arrays. A file where text
 * belongs becomes a value no schema accepts (a control character: not text, not a number, not a
 * choice), so it is refused beside its field instead of being read as empty.
 */
const FILE_IN_TEXT_FIELD = "\u0000(file)";
export function formDataToObject(formData: FormData, arrays: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).map((v) => (typeof v === "string" ? v : FILE_IN_TEXT_FIELD));
    out[key] = arrays.includes(key) ? values : values[0];
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}

type ActionOptions = {
  /** Fields a form repeats (checkbox groups): read as lists. */
  arrays?: readonly string[];
  /** The page that shows what the action changes, made anew after a success; "/review/*": every page below. */
  refresh?: string;
};

/**
 * The one wrapper for server actions: same-origin check → signed-in person with the permission →
 * zod → run. Errors a user can cause come back translated beside their fields; anything else is
 * logged with a reference and shown as a generic message (no stack traces to users).
 */
export function validatedAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  /** The command: the checked person first, then the parsed input, as every command of lib/ takes them. */
  run: (actor: PersonActor, input: z.output<S>) => Promise<T>,
  options: ActionOptions = {},
) {
  // The person is checked before the input: someone without the permission learns nothing from validation.
  return wrapAction(schema, () => requireActor(permission), run, options);
}

/** For the few actions open to visitors (accepting an invitation): the same checks, without a session. */
export function publicAction<S extends z.ZodType, T>(schema: S, run: (input: z.output<S>) => Promise<T>) {
  return wrapAction(
    schema,
    async () => null,
    (_nobody, input) => run(input),
    {},
  );
}

function wrapAction<S extends z.ZodType, U, T>(
  schema: S,
  authorize: () => Promise<U>,
  run: (user: U, input: z.output<S>) => Promise<T>,
  options: ActionOptions,
) {
  return async (_prev: ActionState<T>, formData: FormData): Promise<ActionState<T>> => {
    const t = await getTranslator();
    const translate = (errors: Record<string, string[] | undefined>) =>
      Object.fromEntries(
        Object.entries(errors).map(([field, codes]) => [
          field,
          (codes ?? []).map((c) => {
            const key = `form.error.${c}`;
            return t(isMessageKey(key) ? key : "form.error.invalid");
          }),
        ]),
      );
    try {
      await assertSameOrigin();
      const user = await authorize();
      const parsed = schema.safeParse(formDataToObject(formData, options.arrays));
      if (!parsed.success) {
        return {
          ok: false,
          fieldErrors: translate(z.flattenError(parsed.error).fieldErrors as Record<string, string[]>),
          message: t("form.fix"),
        };
      }
      const data = await run(user, parsed.data);
      if (options.refresh?.endsWith("/*")) revalidatePath(options.refresh.slice(0, -2), "layout");
      else if (options.refresh) revalidatePath(options.refresh);
      // Saved: a failure to note the write's position only costs that person a read from the primary.
      await rememberWrite().catch((error: unknown) => console.warn("read-your-writes:", error));
      return { ok: true, data };
    } catch (error) {
      if (error instanceof AppError) {
        return {
          ok: false,
          fieldErrors: translate(error.fieldErrors ?? {}),
          message: t(`error.app.${error.code}` as MessageKey),
        };
      }
      const ref = randomBytes(4).toString("hex");
      console.error(`[action ${ref}]`, error);
      return { ok: false, fieldErrors: {}, message: t("error.generic.body", { ref }) };
    }
  };
}
