-- AlterTable
ALTER TABLE "CalendarFeed" ADD COLUMN     "baseUrl" TEXT;

