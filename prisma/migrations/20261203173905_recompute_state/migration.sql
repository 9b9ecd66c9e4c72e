-- CreateTable
CREATE TABLE "recompute_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "requested" BIGINT NOT NULL DEFAULT 0,
    "claimed" BIGINT NOT NULL DEFAULT 0,
    "claimed_at" TIMESTAMP(3),
    "done" BIGINT NOT NULL DEFAULT 0,

CONSTRAINT "recompute_state_pkey" PRIMARY KEY ("id")
);
