-- CreateTable
CREATE TABLE "case_owners" (
    "case_key" TEXT NOT NULL,
    "owner_id" INTEGER NOT NULL,
    "assigned_by_id" INTEGER NOT NULL,
    "assigned_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_owners_pkey" PRIMARY KEY ("case_key")
);

-- CreateIndex
CREATE INDEX "case_owners_owner_id_idx" ON "case_owners"("owner_id");

-- AddForeignKey
ALTER TABLE "case_owners" ADD CONSTRAINT "case_owners_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AlterTable: the administrators' queue of channels proposed by staff
ALTER TABLE "channels" ADD COLUMN "proposal_reviewed_at" TIMESTAMP(3),
ADD COLUMN "proposal_note" TEXT;
