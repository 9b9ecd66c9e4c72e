-- CreateTable
CREATE TABLE "address_failures" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "failed_at" TIMESTAMP(3) NOT NULL,

CONSTRAINT "address_failures_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "address_failures_kind_address_failed_at_idx" ON "address_failures"("kind", "address", "failed_at");

-- CreateIndex
CREATE INDEX "address_failures_failed_at_idx" ON "address_failures"("failed_at");
