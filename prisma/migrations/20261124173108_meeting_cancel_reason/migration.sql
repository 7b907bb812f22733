-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "cancelReason" TEXT;

