import type { ConnectionOptions, Worker } from "bullmq";
import type { Api } from "grammy";
import type { Processors } from "../../jobs/definitions.ts";
import { OutboxReconciler } from "../outbox/reconcile.ts";
import { createDeliveryWorker } from "../outbox/worker.ts";
import type { Translator } from "../bot/i18n.ts";
import type { Logger } from "../logger.ts";
import type { OutboxTransport } from "../../jobs/outbox.ts";
import type { SendBudget } from "../outbox/budget.ts";
import { OutboxDelivery, type DeliveryResult, type Renderers } from "../outbox/delivery.ts";
import { failureNoticeRenderer } from "../outbox/failure-notice.ts";
import { reminderRenderers } from "./reminders/renderers.ts";
import { hostingRenderers } from "./hosting/renderers.ts";
import { meetingNoticeRenderers } from "./meetings/renderers.ts";
import { membershipRenderers } from "./membership/renderers.ts";
import { actionRenderers } from "./actions/renderers.ts";
import { minutesRenderers } from "./minutes/renderers.ts";
import { invitationRenderers } from "./invitations/renderers.ts";
import { rsvpRenderers } from "./rsvp/renderers.ts";
import { pollRenderers } from "./polls/renderers.ts";
import { venueRenderers, venueUnreachable } from "./venues/renderers.ts";
import { needsRenderers } from "./needs/renderers.ts";
import { checkInRenderers } from "./checkins/renderers.ts";
import { objectionRenderers } from "./objections/renderers.ts";
import type { Services } from "./services.ts";

export interface DeliveryOptions {
  services: Services;
  transport: OutboxTransport;
  /** Without automatic retries; with the 403 transformer that marks people unreachable. */
  api: Api;
  budget: SendBudget;
  translator: Translator;
  logger: Logger;
  claimMs: number;
  /** Told how each claimed row's delivery ended (metrics). */
  observe?: (kind: string, result: DeliveryResult) => void;
}

/** The outbox delivery with every feature's renderers: one per kind in src/outbox/kinds.ts. */
export function createDelivery(options: DeliveryOptions): OutboxDelivery {
  const { services } = options;
  const renderers: Renderers = {
    ...reminderRenderers({ prisma: services.prisma, rsvps: services.rsvps, actions: services.actions }),
    ...hostingRenderers({ prisma: services.prisma, hosting: services.hosting }),
    "delivery-failed": failureNoticeRenderer(services.prisma),
    ...meetingNoticeRenderers({ prisma: services.prisma }),
    ...membershipRenderers({ prisma: services.prisma }),
    ...actionRenderers({ prisma: services.prisma }),
    ...minutesRenderers({ prisma: services.prisma, withholder: services.withholder, decisions: services.decisions, objections: services.objections }),
    ...objectionRenderers({ prisma: services.prisma }),
    ...invitationRenderers({ prisma: services.prisma, invitations: services.invitations, outbox: services.outbox, translator: options.translator, clock: services.clock }),
    ...rsvpRenderers({ prisma: services.prisma }),
    ...pollRenderers({ prisma: services.prisma, polls: services.polls, outbox: services.outbox, translator: options.translator, clock: services.clock }),
    ...venueRenderers({ prisma: services.prisma }),
    ...needsRenderers({ prisma: services.prisma, rsvps: services.rsvps, needs: services.needs }),
    ...checkInRenderers({ prisma: services.prisma, checkins: services.checkins, actions: services.actions }),
  };
  return new OutboxDelivery({ ...options, prisma: services.prisma, outbox: services.outbox, renderers, clock: services.clock, onUnreachable: { "venue-reveal": venueUnreachable } });
}

export interface RunningDelivery {
  delivery: OutboxDelivery;
  worker: Worker;
  reconciler: OutboxReconciler;
  /** Stops taking jobs, lets deliveries in progress finish, stops the reconcile. */
  close(): Promise<void>;
}

/**
 * The delivery side of a process: the queue's worker (outbox rows within the overall rate, and
 * the housekeeping jobs) and the periodic reconcile. Any number of processes may run it.
 */
export function startDelivery(
  options: DeliveryOptions & { connection: ConnectionOptions; reconcileMs: number; otherProcessors: Omit<Processors, "deliver"> },
): RunningDelivery {
  const delivery = createDelivery(options);
  const worker = createDeliveryWorker(options.connection, delivery, options.otherProcessors, options.logger);
  const reconciler = new OutboxReconciler({
    prisma: options.services.prisma,
    transport: options.transport,
    clock: options.services.clock,
    logger: options.logger,
    claimMs: options.claimMs,
    intervalMs: options.reconcileMs,
  });
  reconciler.start();
  void worker.run();
  return {
    delivery,
    worker,
    reconciler,
    close: async () => {
      await reconciler.stop();
      await worker.close();
    },
  };
}
