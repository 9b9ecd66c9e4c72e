import "server-only";
import { authorizePerson, type Actor } from "@/lib/auth/actor";
import type { SessionUser } from "@/lib/auth/session-user";
import { writeAudit } from "@/lib/audit/write-audit";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { refreshFlagsAfterChange } from "@/lib/flags/refresh-flags";
import { notFound, reviewRoot } from "@/lib/review/jurisdiction";
import { linkReportsToMandates } from "./link-reports";
import type { MandateInput, ReviewMandateInput, RevokeMandateInput } from "./mandate.validation";
import { resolveFlagsOfMandates } from "./resolve-mandate-flags";
import { provinceOf } from "@/lib/units/province";

type Tx = Prisma.TransactionClient;

/** Resolution reason of the flags of a revoked mandate (a clean-up in the public figures). */
export const REVOKED = "mandate_revoked";

/** Mandates a reviewer answers for: aimed at a unit of their subtree (an administrator: all). */
export function mandatesInJurisdiction(user: SessionUser): Prisma.MandateWhereInput {
  const root = reviewRoot(user);
  if (root === "/") return {};
  if (!root) return { id: -1 };
  return { target: { path: { startsWith: root } } };
}

/** The mandate a form changes, as the person saw it: in their jurisdiction, and at the version the form was loaded with. */
async function findMandate(tx: Tx, user: SessionUser, seen: { mandateId: number; version: number | null }) {
  const m =
    (await tx.mandate.findFirst({ where: { AND: [{ id: seen.mandateId }, mandatesInJurisdiction(user)] } })) ??
    notFound();
  if (m.version !== seen.version) changedMeanwhile();
  return m;
}

/** Writes a change over the version just read; anyone else's change in between refuses it. */
async function updateMandate(tx: Tx, m: { id: number; version: number }, data: Prisma.MandateUpdateManyMutationInput) {
  const changed = await tx.mandate.updateMany({
    where: { id: m.id, version: m.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (changed.count !== 1) changedMeanwhile();
}

function changedMeanwhile(): never {
  throw new AppError("conflict", { mandateId: ["changed_meanwhile"] });
}

/** The terms an administrator or reviewer sets; the units and channel must exist and be in use. */
async function checkTerms(tx: Tx, user: SessionUser, input: MandateInput) {
  const root = reviewRoot(user) ?? notFound();
  const [issuer, target, channel] = await Promise.all([
    tx.unit.findFirst({ where: { id: input.issuerUnitId, retiredAt: null }, select: { id: true } }),
    tx.unit.findFirst({
      where: { id: input.targetUnitId, retiredAt: null, path: { startsWith: root } },
      select: { id: true },
    }),
    tx.channel.findFirst({ where: { id: input.channelId, status: "active" }, select: { id: true } }),
  ]);
  const errors: Record<string, string[]> = {};
  if (!issuer) errors.issuerUnitId = ["invalid_choice"];
  if (!target) errors.targetUnitId = ["invalid_choice"];
  if (!channel) errors.channelId = ["invalid_choice"];
  if (Object.keys(errors).length) throw new AppError("invalid_input", errors);
}

const terms = (input: MandateInput) => ({
  issuerUnitId: input.issuerUnitId,
  targetUnitId: input.targetUnitId,
  appliesToSubtree: input.appliesToSubtree,
  channelId: input.channelId,
  actions: input.actions,
  assessmentLinked: input.assessmentLinked,
  ranking: input.ranking,
  quota: input.quota,
  document: input.document,
  since: input.since,
  until: input.until,
});

/**
 * Creates a mandate ("declared": known from a document or a meeting, not from a file), or edits
 * the terms of one that is in force. A reported mandate is confirmed or rejected, not edited: its
 * terms are what staff said.
 */
export async function saveMandate(actor: Actor, input: MandateInput): Promise<{ mandateId: number }> {
  const user = authorizePerson(actor, "mandate:manage");
  const db = await getDb();
  const result = await db.$transaction(async (tx) => {
    // A mandate outside the reviewer's subtree is "not found" before its new terms are looked at.
    // An edit that names no version is refused as changed meanwhile: nobody saw the version it would overwrite.
    const before =
      input.mandateId === null
        ? null
        : await findMandate(tx, user, { mandateId: input.mandateId, version: input.version });
    await checkTerms(tx, user, input);
    const provinceId = await provinceOf(tx, input.targetUnitId);
    if (before === null) {
      const created = await tx.mandate.create({
        data: { ...terms(input), provinceId, source: "declared" },
        select: { id: true },
      });
      await writeAudit(tx, {
        actorId: user.id,
        action: "mandate.create",
        entity: "mandate",
        entityId: created.id,
        after: terms(input),
      });
      await linkReportsToMandates(tx, { mandateIds: [created.id] });
      return { mandateId: created.id };
    }
    if (before.status !== "active" || (before.source === "reported" && before.review !== "confirmed"))
      throw new AppError("invalid_input", { mandateId: ["not_editable"] });
    await updateMandate(tx, before, { ...terms(input), provinceId });
    await writeAudit(tx, {
      actorId: user.id,
      action: "mandate.update",
      entity: "mandate",
      entityId: before.id,
      before: termsOf(before),
      after: terms(input),
    });
    // The units it binds may have changed: its reports are linked again.
    await tx.reportMandate.deleteMany({ where: { mandateId: before.id } });
    await linkReportsToMandates(tx, { mandateIds: [before.id] });
    return { mandateId: before.id };
  });
  await refreshFlagsAfterChange("mandate.save");
  return result;
}

/**
 * Revokes a mandate with a date and a reason: it stops binding anyone, its own flags resolve with
 * that reason (a clean-up in the public figures), and flags it shared with others are judged again.
 */
export async function revokeMandate(actor: Actor, input: RevokeMandateInput): Promise<void> {
  const user = authorizePerson(actor, "mandate:manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const m = await findMandate(tx, user, input);
    if (m.status !== "active") throw new AppError("invalid_input", { mandateId: ["not_active"] });
    await updateMandate(tx, m, { status: "revoked", endedOn: input.revokedOn, endedReason: input.reason });
    await writeAudit(tx, {
      actorId: user.id,
      action: "mandate.revoke",
      entity: "mandate",
      entityId: m.id,
      before: { status: m.status },
      after: { status: "revoked", revokedOn: input.revokedOn.toISOString().slice(0, 10), reason: input.reason },
    });
    await resolveFlagsOfMandates(tx, [m.id], REVOKED, { reviewerId: user.id, reason: input.reason });
  });
  await refreshFlagsAfterChange("mandate.revoke");
}

/** A reviewer's judgement of a mandate known from staff reports: confirmed, it stands above them; rejected, it is no longer judged. */
export async function reviewReportedMandate(actor: Actor, input: ReviewMandateInput): Promise<void> {
  const user = authorizePerson(actor, "mandate:manage");
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const m = await findMandate(tx, user, input);
    if (m.source !== "reported") throw new AppError("invalid_input", { mandateId: ["not_reported"] });
    const review = input.decision === "confirm" ? "confirmed" : "rejected";
    if (m.review === review) return;
    await updateMandate(tx, m, { review });
    await writeAudit(tx, {
      actorId: user.id,
      action: `mandate.${input.decision}`,
      entity: "mandate",
      entityId: m.id,
      before: { review: m.review },
      after: { review, reason: input.reason },
    });
  });
  await refreshFlagsAfterChange(`mandate.${input.decision}`);
}

function termsOf(m: {
  issuerUnitId: number;
  targetUnitId: number;
  appliesToSubtree: boolean;
  channelId: number;
  actions: string[];
  assessmentLinked: boolean;
  ranking: boolean;
  quota: number | null;
  document: string | null;
  since: Date | null;
  until: Date | null;
}) {
  return {
    ...m,
    since: m.since?.toISOString().slice(0, 10) ?? null,
    until: m.until?.toISOString().slice(0, 10) ?? null,
  };
}
