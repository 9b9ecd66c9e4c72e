-- AlterTable
ALTER TABLE "flags" ADD COLUMN     "digest" TEXT;
