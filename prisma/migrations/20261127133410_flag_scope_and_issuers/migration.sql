-- AlterTable
ALTER TABLE "flags" ADD COLUMN     "issuer_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "scope_unit_id" INTEGER;

-- CreateIndex
CREATE INDEX "flags_scope_unit_id_idx" ON "flags"("scope_unit_id");

-- AddForeignKey
ALTER TABLE "flags" ADD CONSTRAINT "flags_scope_unit_id_fkey" FOREIGN KEY ("scope_unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Flags computed before this column: their scope is their unit (duplicates get theirs at the next recompute).
UPDATE "flags" SET "scope_unit_id" = "unit_id";
