import type { PrismaClient } from "../../db/client.ts";
import type { Logger } from "../../logger.ts";
import type { OutboxTransport } from "../../../jobs/outbox.ts";
import type { ActionService } from "../actions/service.ts";
import type { AuditService } from "../audit/service.ts";
import type { UserService } from "../users/service.ts";
import { forgetPerson, networksLeftWithoutOrganiser, type ForgetResult } from "./forget.ts";
import { collectNetwork } from "./network-export.ts";
import { collectPersonalData, type PersonalData } from "./personal-data.ts";
import { toJsonText } from "./records.ts";
import { applyRetention, type RetentionResult } from "./retention.ts";

export type { ForgetResult, PersonalData, RetentionResult };

export interface PrivacyDeps {
  prisma: PrismaClient;
  /** Where the jobs of withdrawn reminders are removed. */
  transport: OutboxTransport;
  /** Re-plans action reminders once items passed from a forgotten person to their organisation. */
  actions: Pick<ActionService, "planReminders">;
  audit: AuditService;
  /** Its cached copy of an erased person is dropped, so their next message stores them afresh. */
  users: Pick<UserService, "evict">;
  clock: () => Date;
  logger: Logger;
}

/** The data subject's rights (see, erase), the organisers' backup, and the retention period. */
export class PrivacyService {
  constructor(private readonly deps: PrivacyDeps) {}

  /** Everything held about the person, as the JSON text of the file they receive. */
  async personalData(userId: bigint): Promise<{ data: PersonalData; json: string }> {
    const data = await collectPersonalData(this.deps.prisma, userId, this.deps.clock());
    return { data, json: toJsonText(data) };
  }

  /** Networks the person would leave without an organiser: they must hand over first. */
  forgetBlockers(userId: bigint): Promise<string[]> {
    return networksLeftWithoutOrganiser(this.deps.prisma, userId);
  }

  /**
   * Erases the person (see forgetPerson); then their reminders leave the queue and their action
   * items remind their organisation. The erasure is committed by then, so nothing after it may
   * fail the call: a job left behind finds no row when it fires (the processor re-reads the
   * database), and each step is tried whatever happened to the one before.
   */
  async forget(userId: bigint): Promise<ForgetResult> {
    const result = await forgetPerson(this.deps.prisma, userId, this.deps.clock());
    if (result.kind !== "forgotten") return result;
    this.deps.users.evict(userId);
    try {
      await this.deps.transport.carry(result.armed);
    } catch (error) {
      this.deps.logger.warn({ err: error, rows: result.armed.length }, "could not hand the poll card refreshes after an erasure to the queue; the reconcile will");
    }
    let stale = 0;
    for (const row of result.withdrawn) {
      try {
        await this.deps.transport.remove(row);
      } catch (error) {
        stale++;
        // The id names an outbox row, not the person.
        this.deps.logger.warn({ err: error, outboxId: row.id }, "could not remove a withdrawn message's job after an erasure; it will find no row");
      }
    }
    for (const meetingId of result.actionMeetings) {
      try {
        await this.deps.actions.planReminders(meetingId);
      } catch (error) {
        this.deps.logger.warn({ err: error, meetingId }, "could not re-plan action reminders after an erasure");
      }
    }
    // Neither the Telegram id nor the anonymous one: a log line must not link the two.
    this.deps.logger.info({ messages: result.withdrawn.length, jobsLeft: stale }, "a person was forgotten");
    return result;
  }

  /** The whole network for its organisers; the export itself is recorded in the audit log. */
  async exportNetwork(networkId: number, actorId: bigint): Promise<{ json: string; exportedAt: Date }> {
    const exportedAt = this.deps.clock();
    await this.deps.audit.record(this.deps.prisma, { networkId, actorId, action: "network.export" });
    const data = await collectNetwork(this.deps.prisma, networkId, exportedAt);
    return { json: toJsonText(data), exportedAt };
  }

  /** The nightly job: meetings past their network's retention period keep counts, not names (stored minutes versions included). */
  async applyRetention(now: Date = this.deps.clock()): Promise<RetentionResult> {
    const result = await applyRetention(this.deps.prisma, now);
    if (Object.values(result).some((count) => count > 0)) this.deps.logger.info(result, "retention applied");
    return result;
  }
}
