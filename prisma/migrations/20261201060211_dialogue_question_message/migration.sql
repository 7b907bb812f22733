-- AlterTable
ALTER TABLE "Dialogue" ADD COLUMN     "questionMessageId" INTEGER;

