import { z } from "zod";
import { recordNumber } from "@/lib/ledger/record-id";
import { ONE_LINE_CONTROL } from "@/lib/ledger/control-chars";
import { ROLES } from "@/lib/auth/permissions";

export const loginSchema = z
  .string()
  .trim()
  .min(3, "too_short")
  .max(64, "too_long")
  .regex(/^[a-zA-Z0-9_.-]+$/, "invalid_login");

/** At least 10 characters, not one repeated character, not the login itself. */
export const passwordSchema = z
  .string()
  .min(10, "password_short")
  .max(256, "too_long")
  .refine((p) => new Set(p).size > 2, "password_weak");

export const createInvitationSchema = z.object({
  role: z.enum(ROLES, { error: "invalid_choice" }),
  unitCode: z.string().trim().min(1, "required").max(64, "too_long").refine((v) => !ONE_LINE_CONTROL.test(v), "control_chars"),
  login: z.union([z.literal(""), loginSchema]).optional().transform((v) => v || null),
});

export const acceptInvitationSchema = z
  .object({
    code: z.string().trim().min(10).max(100),
    login: loginSchema,
    name: z.string().trim().min(1, "required").max(50, "too_long").refine((v) => !ONE_LINE_CONTROL.test(v), "control_chars"),
    password: passwordSchema,
    confirm: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirm) ctx.addIssue({ code: "custom", path: ["confirm"], message: "password_mismatch" });
    if (v.password.toLowerCase().includes(v.login.toLowerCase())) ctx.addIssue({ code: "custom", path: ["password"], message: "password_weak" });
  });

export const updateUserSchema = z.object({
  userId: recordNumber(1),
  role: z.enum(ROLES, { error: "invalid_choice" }),
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});
