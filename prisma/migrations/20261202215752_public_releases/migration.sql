-- CreateTable
CREATE TABLE "public_releases" (
    "id" SERIAL NOT NULL,
    "released_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trigger" TEXT NOT NULL,
    "ledger_marker" BIGINT NOT NULL,
    "figures_hash" TEXT NOT NULL,
    "snapshot" JSON,

CONSTRAINT "public_releases_pkey" PRIMARY KEY ("id")
);
