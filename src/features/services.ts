import type { PrismaClient } from "../db/client.ts";
import { AuditService } from "./audit/service.ts";
import { ActionService } from "./actions/service.ts";
import { AttendanceService } from "./attendance/service.ts";
import { MinutesService } from "./minutes/service.ts";
import { ReportService } from "./reports/service.ts";
import { DialogueService } from "./dialogue/service.ts";
import { HostService } from "./hosting/service.ts";
import { InvitationService } from "./invitations/service.ts";
import { MeetingService } from "./meetings/service.ts";
import { MemberService } from "./members/service.ts";
import { NameWithholder } from "./members/name-withholder.ts";
import { NetworkService } from "./networks/service.ts";
import { OrganisationService } from "./organisations/service.ts";
import { RsvpService } from "./rsvp/service.ts";
import { ReminderService } from "./reminders/service.ts";
import { ArrivalPlanning } from "./reminders/arrivals.ts";
import type { OutboxTransport } from "../../jobs/outbox.ts";
import { Outbox } from "../outbox/outbox.ts";
import { silentLogger, type Logger } from "../logger.ts";
import { UserService } from "./users/service.ts";
import { MembershipService } from "./membership/service.ts";
import { NetworkChoiceService } from "./network-choice/service.ts";
import { PrivacyService } from "./privacy/service.ts";
import { CalendarService } from "./calendar/service.ts";
import { DatePollService } from "./polls/service.ts";
import { NeedsService } from "./needs/service.ts";
import { CheckInService } from "./checkins/service.ts";
import { DecisionService } from "./decisions/service.ts";
import { ObjectionService } from "./objections/service.ts";

/** Every feature service, built once from the database client. */
export interface Services {
  prisma: PrismaClient;
  users: UserService;
  audit: AuditService;
  networks: NetworkService;
  organisations: OrganisationService;
  members: MemberService;
  /** Members' names withheld from entry and task texts that groups and other members see. */
  withholder: NameWithholder;
  meetings: MeetingService;
  rsvps: RsvpService;
  invitations: InvitationService;
  dialogues: DialogueService;
  reminders: ReminderService;
  hosting: HostService;
  attendance: AttendanceService;
  minutes: MinutesService;
  actions: ActionService;
  reports: ReportService;
  membership: MembershipService;
  networkChoices: NetworkChoiceService;
  privacy: PrivacyService;
  calendar: CalendarService;
  polls: DatePollService;
  /** Support needs members state with a yes or maybe; others see totals only. */
  needs: NeedsService;
  /** Task check-ins before each meeting: owners say how their tasks stand. */
  checkins: CheckInService;
  /** The series' decision register: numbers, search, what replaced what. */
  decisions: DecisionService;
  /** Members' objections to published minutes, and the organisers' answers. */
  objections: ObjectionService;
  /** Every message that is not a direct answer leaves through it. */
  outbox: Outbox;
  /** Plans the reminders of someone who joined a network, in the background. */
  arrivals: ArrivalPlanning;
  /** The one source of "now" for rules that depend on it. */
  clock: () => Date;
}

export interface ServiceOptions {
  /** Where outbox rows' jobs go (BullMQ). */
  transport: OutboxTransport;
  /** The only source of "now" for rules that depend on it; tests pass a fixed one. */
  clock?: () => Date;
  logger?: Logger;
  /** Rows due further ahead get their job from the periodic reconcile, not at once (see Outbox). */
  carryWithinMs?: number;
}

export function createServices(prisma: PrismaClient, options: ServiceOptions): Services {
  const clock = options.clock ?? (() => new Date());
  const audit = new AuditService(prisma);
  const logger = options.logger ?? silentLogger;
  const outbox = new Outbox(prisma, options.transport, clock, logger, options.carryWithinMs);
  const rsvps = new RsvpService(prisma, outbox, clock);
  const reminders = new ReminderService(prisma, outbox, audit, clock);
  const actions = new ActionService(prisma, reminders, audit, outbox, clock);
  const withholder = new NameWithholder(prisma);
  const users = new UserService(prisma);
  const arrivals = new ArrivalPlanning((networkId) => reminders.replanAhead(networkId), logger);
  const networks = new NetworkService(prisma, audit, arrivals.arrived);
  const invitations = new InvitationService(prisma, outbox, rsvps, actions, withholder, audit, reminders, clock);
  networks.onChatDetached((chatId) => invitations.forgetCardsIn(chatId));
  return {
    prisma,
    users,
    audit,
    networks,
    organisations: new OrganisationService(prisma, audit),
    members: new MemberService(prisma, audit, arrivals.arrived),
    withholder,
    meetings: new MeetingService(prisma, audit, outbox, reminders, clock, logger),
    rsvps,
    invitations,
    dialogues: new DialogueService(prisma, clock),
    reminders,
    hosting: new HostService(prisma, audit, reminders, outbox, clock),
    attendance: new AttendanceService(prisma, clock),
    minutes: new MinutesService(prisma, audit, clock, outbox),
    actions,
    reports: new ReportService(prisma, clock),
    membership: new MembershipService(prisma, audit, outbox, clock, arrivals.arrived),
    networkChoices: new NetworkChoiceService(prisma, networks, clock),
    privacy: new PrivacyService({ prisma, transport: options.transport, actions, audit, users, clock, logger }),
    calendar: new CalendarService(prisma, clock),
    polls: new DatePollService(prisma, outbox, clock, audit, reminders, logger),
    needs: new NeedsService(prisma, outbox, clock),
    checkins: new CheckInService(prisma, actions, outbox, clock),
    decisions: new DecisionService(prisma, audit),
    objections: new ObjectionService(prisma, outbox, audit, clock),
    outbox,
    arrivals,
    clock,
  };
}
