import { z } from "zod";
import { recordNumber } from "@/lib/validation/record-number";
import { ONE_LINE_CONTROL, oneLine, requiredLine } from "@/lib/validation/clean-text";
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
  unitCode: requiredLine(64),
  login: z
    .union([z.literal(""), loginSchema])
    .optional()
    .transform((v) => v || null),
});

export const acceptInvitationSchema = z
  .object({
    code: z.string().trim().min(10).max(100),
    login: loginSchema,
    name: requiredLine(50),
    password: passwordSchema,
    confirm: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirm) ctx.addIssue({ code: "custom", path: ["confirm"], message: "password_mismatch" });
    if (v.password.toLowerCase().includes(v.login.toLowerCase()))
      ctx.addIssue({ code: "custom", path: ["password"], message: "password_weak" });
  });

export const updateUserSchema = z.object({
  userId: recordNumber(1),
  role: z.enum(ROLES, { error: "invalid_choice" }),
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});

/** An administrator moves a staff member to another unit (picked by name, sent as its id). */
export const moveStaffSchema = z.object({
  userId: recordNumber(1),
  unitId: recordNumber(1, "required"),
});

/** A name typed under "who required it", mapped by an administrator to a unit for one county's reports. */
export const mapRequirerSchema = z.object({
  name: requiredLine(100),
  countyId: z
    .union([z.literal(""), recordNumber(1)])
    .optional()
    .transform((v) => (v ? Number(v) : null)),
  unitId: recordNumber(1, "required"),
});

/** A well-known product an administrator adds to the dictionary: its Chinese name and the other names it goes by. */
export const knownProductSchema = z.object({
  name: requiredLine(100),
  otherNames: z
    .string()
    .max(1000, "too_long")
    .refine((v) => !ONE_LINE_CONTROL.test(v), "control_chars")
    .transform((v) => [
      ...new Set(
        v
          .split("|")
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().max(100, "too_long")).min(1, "required").max(20, "too_long")),
  platformId: oneLine(200)
    .optional()
    .transform((v) => v || null),
});
