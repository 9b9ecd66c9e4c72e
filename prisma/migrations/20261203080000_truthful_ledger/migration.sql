-- AlterEnum
ALTER TYPE "MandateStatus" ADD VALUE 'ended';

-- CreateEnum
CREATE TYPE "MandateSource" AS ENUM ('imported', 'declared', 'reported');

-- CreateEnum
CREATE TYPE "MandateReview" AS ENUM ('pending', 'confirmed', 'rejected');

-- AlterTable
ALTER TABLE "mandates" ADD COLUMN "source" "MandateSource" NOT NULL DEFAULT 'imported',
ADD COLUMN "reporters" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "review" "MandateReview",
ADD COLUMN "ended_on" DATE,
ADD COLUMN "ended_reason" TEXT;

-- AlterTable
ALTER TABLE "reports" ADD COLUMN "withdrawn_on" DATE;

-- CreateIndex
CREATE INDEX "mandates_source_review_idx" ON "mandates"("source", "review");

