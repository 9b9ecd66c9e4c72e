"use server";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { releasePublicFiguresNow } from "@/lib/public/release-now";
import { saveThresholds } from "@/lib/settings/thresholds";
import { saveThresholdsSchema } from "@/lib/settings/thresholds.validation";

export const saveThresholdsAction = validatedAction(
  "admin:manage",
  saveThresholdsSchema,
  (actor, { loadedAt, ...values }) => saveThresholds(actor, values, loadedAt),
  { refresh: "/admin/settings" },
);

export const releasePublicFiguresAction = validatedAction(
  "admin:manage",
  z.object({}),
  async (actor) => (await releasePublicFiguresNow(actor)).releasedAt,
  { refresh: "/admin/settings" },
);
