-- DropForeignKey
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_created_by_id_fkey";

-- AlterTable
ALTER TABLE "invitations" ADD COLUMN     "login" TEXT,
ALTER COLUMN "created_by_id" DROP NOT NULL;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
