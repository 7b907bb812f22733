# ortak — English

## /start
start-private =
    Hello { $name }! I am ortak.
    I help your network run its numbered meetings together: I send the invitations and collect the answers, keep track of the hosting rotation, attendance, minutes and action items, and deliver reminders on time.
    I can now message you privately too. Type /help for the commands you can use.
start-group =
    Hello! I am ortak; I run this network's meetings, invitations and reminders.
    Type /help for the commands. If you would like reminders by private message, just write to me directly and send /start.

## /help
help-header = <b>Commands you can use</b>
help-footer = To choose a language: /lang tr or /lang en

## Command menu descriptions
cmd-start = Introduction and start
cmd-help = Commands you can use
cmd-lang = Choose the language (tr / en)

## /lang
lang-usage =
    Usage: /lang tr or /lang en
    Your current language: { $current }
lang-changed = Done, I will speak English with you from now on.
lang-name-tr = Turkish
lang-name-en = English

## General
error-generic = Something went wrong and your request could not be completed. Please try again in a little while.
unhandled-private = I did not understand that. Type /help for the commands you can use, or /meetings for the list of meetings. To answer an invitation, press the buttons on its card, or reply to the card with words such as “I will come”.
unhandled-command = I do not know the command { $command }. Type /help for the list of commands.
callback-stale = This button is no longer valid.

## Network and permissions
not-linked = This chat is not linked to a network yet. A group admin can create one with /setup <network name>; group admins who organise an existing network can link this chat to it with /link <join code>.
not-member-anywhere = You are not a member of any network yet. Type /join in your network's group, or open the join link your organiser shared.
organisers-only = Only the network's organisers can use this command.
name-empty = The name cannot be empty.
name-too-long = The name can be at most { $max } characters; the name you typed has { $length }.
text-empty = This cannot be left empty.
text-too-long = This text can be at most { $max } characters; what you typed has { $length }.
short-name-too-long = The short name can be at most { $max } characters; the short name you typed has { $length }.

## /setup and /link
cmd-setup = Create a network in this group
cmd-link = Link this chat to a network
cmd-network = The network's settings
cmd-network-set = Change the network's settings
setup-usage = Usage: /setup <network name>
    Example: /setup İzmir KDM Cooperation Network
setup-group-only = /setup is used in a group: add me to the group where the network's meetings are run and type it there.
setup-admins-only = Only this group's admins can create the network.
setup-already = This chat is already linked to the network “{ $network }”. Type /network for its settings.
setup-done =
    The network “{ $network }” is set up and this chat is linked to it. You are now an organiser of this network.
    { $code }
    Next steps: set the meeting number with /network_set next_number 25, add organisations with /org_add.
link-usage = Usage: /link <join code> (a code of 8 letters and digits; organisers can see it by sending me /network in a private message)
link-group-only = /link is used in a group or a forum topic.
link-unknown-code = I found no network with this join code. Check it by sending me /network in a private message; once a code is renewed, the old one no longer works.
link-done = This chat is now linked to the network “{ $network }”.
link-done-topic = This topic is now linked to the network “{ $network }”; the network's messages will come here.

## /network
network-usage = Usage: /network
network-settings =
    <b>{ $name }</b>
    General title of the meetings: { $title }
    Time zone: { $timezone }
    Language: { $language }
    Next meeting number: { $next }
    Linked chats: { $chats }
    Retention: { $retention } months (answers and check-ins of older meetings become anonymous)
network-set-usage =
    Usage: /network_set <setting> <value>
    Settings: title (the general title of the meetings), timezone (e.g. Europe/Istanbul), language (tr or en), next_number (e.g. 25), quiet_hours (when private reminders are not sent, e.g. 21:00-09:00; none to remove them), retention_months (after how many months answers become anonymous, 1–120), join_code new (a new join code and join link; the old ones stop working at once)
network-set-done = { $key } updated: { $before } → { $after }
network-set-bad-timezone = That is not a valid time zone. Type an IANA name, for example: Europe/Istanbul
network-set-bad-language = Type tr or en as the language.
network-set-bad-quiet-hours = Write the quiet hours as start-end, e.g. 21:00-09:00; write “none” to remove them.
network-set-bad-number = The next meeting number must be a whole number of 1 or more, for example: 25
network-set-number-taken = Meeting numbers are never reused: this network already has meeting { $last }, so the next number must be at least { $min }.

## Organisations
cmd-orgs = The network's organisations
cmd-org-add = Add an organisation
cmd-org-edit = Change an organisation's details
cmd-org-remove = Remove an organisation
org-add-usage =
    Usage: /org_add <name> | <short name>
    Example: /org_add Buca Municipality Women's Counselling Centre | Buca KDM
org-added = Organisation added: { $name } ({ $short }). It is number { $position } in the hosting rotation.
org-duplicate-name = This network already has an organisation named “{ $name }” (short name: { $short }).
org-duplicate-short = The short name “{ $short }” is already used by “{ $name }”.
orgs-usage = Usage: /orgs
orgs-empty = This network has no organisations yet. Organisers can add them with /org_add.
orgs-header = <b>{ $network }: organisations</b>
orgs-line = { $n }. { $name } (<b>{ $short }</b>), { $kind }, { $hosting }
orgs-can-host = can host
orgs-cannot-host = does not host
org-kind-municipality = municipality
org-kind-association = association
org-kind-other = other
org-not-found = I found no organisation with the short name “{ $short }”. Type /orgs for the list.
org-edit-usage =
    Usage: /org_edit <short name> <field> <value>
    Fields: name, short_name, kind (municipality, association, other), can_host (yes/no), venue, address, accessibility
    Example: /org_edit Buca KDM venue Buca1923 Mevlana Kafe
org-edit-bad-kind = Type municipality, association or other as the kind.
org-edit-bad-yes-no = For can_host, type yes or no.
org-edited = { $short } updated ({ $field }).
org-remove-usage = Usage: /org_remove <short name>
org-remove-has-members = { $short } cannot be removed: it has { $count } members. Move them to another organisation first.
org-removed = Organisation removed: { $name }

## Members
cmd-join = Choose your organisation
cmd-whoami = Your organisation and role
join-usage = Usage: /join
join-no-organisations = This network has no organisations yet; type /join again after the organisers add them with /org_add.
join-choose =
    Which organisation are you from? Choose below.
    To get reminders in private, open this link and press Start: { $link }
join-chosen = Your organisation: { $organisation }
whoami-usage = Usage: /whoami
whoami =
    Network: { $network }
    Organisation: { $organisation }
    Role: { $role }
whoami-no-organisation = not chosen yet (choose with /join)
role-organiser = organiser
role-member = member

## /audit
cmd-audit = Recent organiser actions
audit-usage = Usage: /audit [count], a count from 1 to { $max } (e.g. /audit 20)
audit-empty = No actions recorded yet.
audit-header = <b>Last { $count } actions</b>
audit-line = { $when }: { $actor } · { $action } · { $subject } { $change }

## Member management and the join link
cmd-members = Members, per organisation
cmd-organiser-add = Make someone an organiser
cmd-organiser-remove = Remove someone's organiser role
cmd-member-set-org = Change a member's organisation
join-link-unknown = This join link is not valid. Ask your organiser for the current link, or type /join in the network's group.
join-link-welcome = Hello { $name }! You have joined the network “{ $network }”; from now on I can send you reminders privately.
join-link-choose = Which organisation are you from? Choose below.
members-usage = Usage: /members
members-header = <b>{ $network }: members ({ $count })</b>
members-no-organisation = No organisation chosen
members-line = • { $name }{ $username }: { $role }, { $reach }
members-reachable = reachable privately
members-unreachable = not reachable privately
member-unknown = I could not find this person among the network's members. They must have written at least one message in the network's group; try the command again replying to one of their messages, or with @username.
organiser-add-usage = Usage: reply to one of the person's messages with /organiser_add, or /organiser_add @username
organiser-add-done = { $name } is now an organiser.
organiser-add-unchanged = { $name } is already an organiser.
organiser-remove-usage = Usage: reply to one of the person's messages with /organiser_remove, or /organiser_remove @username
organiser-remove-done = { $name } is no longer an organiser.
organiser-remove-unchanged = { $name } is not an organiser.
organiser-last = The network's last organiser cannot be removed. Make someone else an organiser with /organiser_add first.
member-set-org-usage = Usage: reply to one of the person's messages with /member_set_org <short name>, or /member_set_org @username <short name>
member-set-org-done = { $name } is now a member of { $organisation }.

## Meetings
cmd-meetings = Upcoming and recent meetings
cmd-meeting = A meeting's details: /meeting 25
cmd-meeting-new = Create a new meeting
cmd-meeting-edit = Change a meeting's details
meeting-new-usage =
    Usage: /meeting_new <date> <time> | <venue> | <agenda items separated by ;>
    Example: /meeting_new 17 March 2027 10:00 | Buca1923 Mevlana Kafe | Legislation and strategy; Power relations; Language of advocacy
meeting-created = ✅ Meeting { $number } created. Please check the details:
meeting-created-check = If something is wrong, correct it with /meeting_edit { $number }, or change the date with /reschedule { $number }. Type /meeting { $number } for the details.
meetings-usage = Usage: /meetings
meetings-empty = This network has no meetings yet. Organisers can create one with /meeting_new.
meetings-upcoming = <b>Upcoming</b>
meetings-past = <b>Recent meetings</b>
meeting-line = Meeting { $number }: { $when }, { $venue } ({ $status })
meeting-usage = Usage: /meeting <number>, for example /meeting 25
meeting-unknown = This network has no meeting number { $number }. Type /meetings for the list.
meeting-heading = <b>Meeting { $number }</b>: { $title }
meeting-when = When: { $when }
meeting-venue = Venue: { $venue }
meeting-venue-none = not decided yet
meeting-address = Address: { $address }
meeting-online = Online: { $link }
meeting-host = Host: { $host }
meeting-host-none = not decided yet
meeting-facilitators = Facilitators: { $names }
meeting-deadline = Answer deadline: { $when }
meeting-capacity = Capacity: { $capacity } people
meeting-status = Status: { $status }
meeting-agenda = <b>Agenda</b>
meeting-status-planned = planned
meeting-status-invited = invitations sent
meeting-status-cancelled = cancelled
meeting-status-held = held
meeting-edit-usage =
    Usage: /meeting_edit <number> <field> <value>
    Fields: title, venue, address (none to remove it), agenda (separated by ;), facilitators (separated by ;), duration (hours, e.g. 5 or 4.5; or minutes, e.g. 90m), capacity (a number, or none), deadline (the answer deadline, date and time, or none), online_link (a link, or none)
meeting-edited =
    ✏️ Meeting { $number } updated: { $field }
    Was: { $before }
    Now: { $after }
meeting-field-title = title
meeting-field-venue = venue
meeting-field-address = address
meeting-field-agenda = agenda
meeting-field-facilitators = facilitators
meeting-field-duration = duration
meeting-field-capacity = capacity
meeting-field-deadline = answer deadline
meeting-field-online-link = online link
meeting-value-none = not set
meeting-value-people = { $count ->
        [one] 1 person
       *[other] { $count } people
    }
meeting-edit-cancelled = This meeting was cancelled; a cancelled meeting cannot be changed.
meeting-edit-bad-duration = Give the duration in hours (e.g. 5 or 4.5) or minutes (e.g. 90m), from 30 minutes to 12 hours.
meeting-edit-bad-capacity = The capacity must be a number of 1 or more; type “none” to remove it.
meeting-edit-deadline-after-start = The answer deadline cannot be after the meeting.
meeting-edit-bad-link = The link must start with http:// or https://; type “none” to remove it.
date-format = I could not read the date and time. Use one of these forms: 17.03.2027 10:00, Wednesday 17 March 2027, 10:00, 17 March at 10:00, tomorrow 10:00 or next tuesday 14:00
date-impossible-date = There is no such day in the calendar (e.g. 31 February). Check the date; example: 17.03.2027 10:00
date-impossible-time = There is no such time; it must be between 00:00 and 23:59, for example 10:00
date-nonexistent-time = This local time does not exist that day because of a daylight-saving change. Choose an hour later.
date-past = That date is in the past. Give a future date; example: 17.03.2027 10:00
date-wrong-weekday = The weekday you wrote does not match the date. Check both, or leave the weekday out; example: Wednesday 17 March 2027, 10:00
date-ambiguous-time = That time can be read two ways: 2 could be 02:00 or 14:00. Please use the 24-hour clock (14:00 or 02:00), or write 2pm.
date-ambiguous-date = That weekday is today, so it could mean today or next week. Write “today 14:00”, “tuesday next week 14:00” or the date, e.g. 17.03.2027 14:00.
date-range = Give a single date and time here, not a range; example: Wednesday 17 March 2027, 10:00. The meeting's length is changed separately with /meeting_edit <number> duration.
date-end-before-start = The end must be after the start; example: Wednesday 17 March 2027, 10:00–15:00
agenda-empty = The agenda needs at least one item; separate items with ;
agenda-too-many = The agenda can have at most { $max } items.
agenda-item-too-long = An agenda item can be at most { $max } characters.
agenda-too-long = The agenda must fit in one Telegram message: the items together can be at most { $max } characters.
cmd-reschedule = Move a meeting to another date
cmd-cancel = Cancel a meeting
reschedule-usage =
    Usage: /reschedule <number> <date> <time>
    Example: /reschedule 25 24 March 2027 10:00
reschedule-unchanged = The meeting is already at that date and time.
meeting-held = This meeting's time has passed; its date can no longer be changed and it cannot be cancelled.
rescheduled = Meeting { $number } moved to its new date: { $when }.
rescheduled-announced = Meeting { $number } moved to its new date: { $when }. The linked chats are being told.
reschedule-announcement =
    📅 <b>The date of meeting { $number } has changed.</b>
    Was: { $before }
    Now: { $after }
cancel-usage =
    Usage: /cancel <number> [reason]
    Example: /cancel 25 The hall is not available
cancel-already = This meeting has already been cancelled.
cancelled = Meeting { $number } is cancelled. Its number will not be used again.
cancelled-announced = Meeting { $number } is cancelled; the linked chats are being told. Its number will not be used again.
cancel-confirm =
    <b>Do you really want to cancel meeting { $number }?</b>
    { $title } · { $when }
cancel-confirm-announce = The linked chats will be told, and the invitation cards will show the cancellation. { $coming ->
        [0] So far nobody has said they will or may come.
        [one] So far one person has said they will or may come.
       *[other] So far { $coming } people have said they will or may come.
    }
cancel-confirm-quiet = The invitation has not been sent yet, so the linked chats will not be told.
cancel-confirm-reason = Reason: { $reason }
cancel-confirm-final = This cannot be undone; number { $number } will not be used again.
cancel-confirm-button = ❌ Yes, cancel it
cancel-keep-button = Keep it
cancel-kept = Not cancelled: meeting { $number } stays as it is.
cancel-announcement = ❌ <b>Meeting { $number } is cancelled.</b>
cancel-announcement-reason =
    ❌ <b>Meeting { $number } is cancelled.</b>
    Reason: { $reason }
cmd-ics = Add the meeting to your calendar (.ics)
ics-usage = Usage: /ics <number>, for example /ics 25
ics-caption = Meeting { $number }: open the file to add it to your calendar.
ics-caption-cancelled = Meeting { $number } is cancelled: open the file and your calendar shows it cancelled too.
ics-summary = Meeting { $number }
ics-agenda = Agenda:
ics-facilitators = Facilitators: { $names }
ics-cancelled = Cancelled: { $reason }
cmd-invite = Send the invitation card to the groups and members
invite-usage = Usage: /invite <number>, for example /invite 25
invite-cancelled = Meeting { $number } was cancelled; a cancelled meeting cannot be invited to.
invite-already = The invitation to meeting { $number } was already sent ({ $when }); its cards update themselves as answers arrive. If you would like to post the card to the groups again, press the button below.
invite-repost-button = 🔁 Post to the groups again
invite-nowhere = I could not post the invitation card to any chat, and there is no member I can reach privately either. Please check that the bot may post in the linked groups.
ics-start-first = To send you the calendar file privately, open a chat with @{ $bot } and press Start first.
ics-sent-private = I sent you the calendar file privately.
card-answers = <b>Answers</b>
card-no-answers = No answers yet.
card-org-yes = { $people ->
        [one] 1 person
       *[other] { $people } people
    } attending ({ $answers ->
        [one] 1 answer
       *[other] { $answers } answers
    })
card-org-maybe = { $answers ->
        [one] 1 person
       *[other] { $answers } people
    } may attend
card-org-waiting = { $answers ->
        [one] 1 answer
       *[other] { $answers } answers
    } on the waitlist
card-no-organisation = No organisation given
card-more-organisations = …and { $count ->
        [one] one more organisation
       *[other] { $count } more organisations
    }
card-total = Total: { $people ->
        [one] 1 person
       *[other] { $people } people
    } attending · { $maybe ->
        [one] 1 person
       *[other] { $maybe } people
    } may attend · { $no ->
        [one] 1 person
       *[other] { $no } people
    } can't attend
card-places-left = Places left: { $left }
card-waitlist = Waitlist: { $count }
card-cancelled = ❌ <b>CANCELLED</b>
card-cancel-reason = Reason: { $reason }
card-closed = Answers are closed.
card-how = You can answer with the buttons or by replying to this message; for example, write “I'll come”, “we are 3”, “maybe” or “can't make it”.
card-yes = ✅ I'll attend
card-maybe = 🤔 Maybe
card-no = ❌ Can't attend
card-party = 👥 We're { $size }
card-ics = 📅 Add to calendar
rsvp-recorded-yes = Saved: you are attending.
rsvp-recorded-party = Saved: { $size } of you are attending.
rsvp-recorded-maybe = Saved: you might attend.
rsvp-recorded-no = Saved: you can't attend. Thank you for letting us know.
rsvp-waitlisted = The meeting is full; you are on the waitlist (number { $position }). I will tell you privately when a place frees up.
rsvp-full = Not enough places: at most { $left } left. Your earlier answer stands.
rsvp-unknown-meeting = This meeting no longer exists.
rsvp-cancelled = This meeting was cancelled; answers are not taken.
rsvp-closed = Answers for this meeting are closed; no new answers can be given and given answers can no longer be changed.
rsvp-not-member = To answer, join the network first: type /join in the network's group.
rsvp-bad-party-size = The number of people must be between 1 and 20.
rsvp-promoted = 🎉 A place freed up! You are confirmed for meeting { $number } ({ $size ->
        [one] 1 person
       *[other] { $size } people
    }).
rsvp-reply-hint = I could not read your answer, so I saved nothing. Write e.g. “yes”, “we are 2”, “maybe” or “can't make it”, or use the card's buttons.
rsvp-usage =
    Usage: /rsvp <number> yes|maybe|no [number of people]
    Example: /rsvp 25 yes 2
cmd-rsvp = Answer a meeting's invitation
cmd-rsvps = See answers per organisation (with names)
cmd-export = Download the answers as a CSV file
rsvps-usage = Usage: /rsvps <number>, for example /rsvps 25
rsvps-heading = <b>Meeting { $number }: answers</b>
rsvps-yes = attending ({ $size ->
        [one] 1 person
       *[other] { $size } people
    })
rsvps-maybe = maybe
rsvps-no = can't attend
rsvps-waitlisted = on the waitlist ({ $size ->
        [one] 1 person
       *[other] { $size } people
    })
rsvps-silent = Organisations that have not answered yet: { $names }
export-usage = Usage: /export <number>, for example /export 25
export-needs-totals = (support needs: unnamed totals)
export-caption = Answers to meeting { $number } ({ $count ->
        [one] 1 answer
       *[other] { $count } answers
    }; the last row has the support needs in totals). Turkish letters show correctly in Excel.
private-start-me = I can send this only privately. Please open { $link } and press Start first, then type the command again.
private-sent = I sent it to you privately; names are shown to organisers only.
cmd-cancel-dialog = Cancel the step-by-step conversation in progress
dialog-cancelled = All right, I cancelled it; nothing was saved.
dialog-none = There is no conversation in progress.
dialog-meeting-date = Which day will the new meeting be held? For example 17.03.2027 or 17 March. Type /cancel_dialog to stop.
dialog-meeting-date-placeholder = 17.03.2027
dialog-meeting-time = What time will the meeting start? For example 10:00
dialog-meeting-time-placeholder = 10:00
dialog-meeting-venue = Where will the meeting be held? Type the venue's name.
dialog-meeting-venue-placeholder = Venue
dialog-meeting-agenda = Type the agenda items separated by ; for example: Opening; Legislation and strategy; Evaluation
dialog-meeting-agenda-placeholder = Opening; Evaluation
dialog-date-format = I could not read the date. Use one of these forms: 17.03.2027, 17 March 2027, 17 March, tomorrow or next tuesday
dialog-time-format = I could not read the time; write it like 10:00, 9.30, at 10 or 2pm.
reminder-before =
    ⏰ <b>Reminder: meeting { $number }</b>
    When: { $when }
    Venue: { $venue }
    Your answer: { $answer }
reminder-answer-yes = attending ({ $size ->
        [one] 1 person
       *[other] { $size } people
    })
reminder-answer-maybe = you might attend
reminder-nudge = 📨 You have not answered the invitation to meeting { $number } yet ({ $when }, { $venue }). Use the buttons on the invitation card, or type /rsvp { $number } yes|maybe|no.
reminder-group-summary =
    📅 <b>Coming up: meeting { $number }</b>
    When: { $when }
    Venue: { $venue }
reminder-group-silent = 📨 Organisations that have not answered the invitation to meeting { $number } ({ $when }) yet: { $names }. The buttons on the invitation card work for everyone.
reminder-organiser-summary =
    📋 <b>The answer deadline of meeting { $number } has come; answers are closed.</b>
    When: { $when }
    Venue: { $venue }
delivery-failed = ⚠️ { $what ->
    [card] The invitation card for meeting { $number } could not be posted in a linked chat. Please check that the bot is in that group and may write there.
    [minutes] The minutes of meeting { $number } could not be sent to one recipient.
    [other] A message about meeting { $number } could not be delivered despite several attempts.
   *[reminder] A reminder for meeting { $number } could not be sent despite several attempts. Type /reminders { $number } for details.
  }
cmd-reminders = See the reminder policy, or a meeting's reminders
cmd-reminders-set = Set when reminders go out
reminders-usage = Usage: /reminders or /reminders <number>
reminders-policy =
    Reminder policy: privately, to those who said they will or might attend, { $offsets } the meeting.
    The groups get a summary one day before the meeting; those who have not answered get one reminder two days before the answer deadline (five days before the meeting without a deadline); organisers get a summary when answers close.
    { $quiet }
reminders-quiet-hours = Quiet hours: { $hours } (no private messages are sent then; they go out when the quiet hours end).
reminders-quiet-none = No quiet hours are set; private messages may go out at any time of day.
offset-before = { $offset } before
reminders-meeting-heading = <b>Reminders for meeting { $number }</b> ({ $offsets } the meeting)
reminders-meeting-empty = No reminders are planned for meeting { $number }. They are planned when /invite sends the invitation.
reminders-line = • { $when } — { $what }: { $statuses }
reminder-kind-before = reminder { $offset } before
reminder-kind-group-summary = group summary
reminder-kind-nudge = reminder to those who have not answered
reminder-kind-group-silent = to the group: organisations without an answer
reminder-kind-organiser-summary = summary to organisers
reminder-count-scheduled = { $count } scheduled
reminder-count-sending = { $count } sending
reminder-count-sent = { $count } sent
reminder-count-cancelled = { $count } cancelled
reminder-count-skipped = { $count } skipped
reminder-count-failed = { $count } failed
offset-days = { $count ->
        [one] 1 day
       *[other] { $count } days
    }
offset-hours = { $count ->
        [one] 1 hour
       *[other] { $count } hours
    }
offset-minutes = { $count ->
        [one] 1 minute
       *[other] { $count } minutes
    }
reminders-set-usage =
    Usage: /reminders_set <offsets> or /reminders_set <number> <offsets>
    Example: /reminders_set 7d 1d 2h. At most 6 offsets, each at most 60 days; minutes as 30m.
reminders-set-network = Reminder policy updated: { $offsets } the meeting. Reminders of { $replanned ->
        [one] one meeting were
       *[other] { $replanned } meetings were
    } re-planned.
reminders-set-meeting = Reminders for meeting { $number } will now go out { $offsets } the meeting; re-planned.
reminders-set-closed = This meeting was cancelled or is over; its reminders cannot be changed.
cmd-rotation = The hosting rotation
cmd-rotation-set = Set the hosting order
cmd-hosts = Who hosted which meeting
cmd-host = Propose, assign or skip a hosting organisation
rotation-heading = <b>Hosting rotation</b>
rotation-never = has not hosted yet
rotation-last = latest turn: host of meeting { $number }
rotation-skipped = latest turn: skipped at meeting { $number }
rotation-next-never = Next: { $org }. It has never hosted, and comes first in the order among the organisations that have not.
rotation-next-least = Next: { $org }. Its turn to host has been longest in coming (last at meeting { $number }).
rotation-empty = No organisation can host. Add organisations with /org_add.
rotation-set-usage =
    Usage: /rotation_set <short names, separated by commas>
    Example: /rotation_set Buca KDM, Karşıyaka KDM, Konak KDM
rotation-set-done = New hosting order: { $order }
rotation-unknown = I could not find these organisations: { $names }. Type /orgs for the short names; nothing changed.
rotation-repeated = Each organisation must appear once; named more than once: { $names }. Nothing changed.
rotation-omitted = Each organisation must appear once; missing: { $names }. Nothing changed.
hosts-heading = <b>Hosting history</b>
hosts-line = Meeting { $number } ({ $when }): { $org }
hosts-counts = <b>Meetings hosted per organisation</b>
hosts-count-line = { $org }: { $count }
hosts-empty = No meeting has a host yet.
host-usage = Usage: /host <number> (proposes it to the organisation whose turn it is), /host <number> <short name> (assigns the organisation directly) or /host <number> skip (moves the proposed organisation to the back)
host-proposal-dm =
    🏠 <b>It is your organisation's turn to host meeting { $number }: { $org }</b>
    When: { $when }
    Answer deadline: { $deadline }
    Please answer with the buttons below.
host-accept-button = ✅ We will host
host-decline-button = ❌ We cannot take it on this time
host-swap-button = 🔁 We would like to propose a swap
host-proposed-group = 🏠 Proposed host for meeting { $number }: { $org }. Answer deadline: { $deadline }.
host-proposed-reply = Hosting meeting { $number } was proposed to { $org }; { $contacts ->
        [one] its one hosting contact was
       *[other] its { $contacts } hosting contacts were
    } asked privately.
host-already = Meeting { $number } already has a host: { $org }. To change it, type /host { $number } followed by the organisation's short name.
host-open = Waiting for { $org } to answer about meeting { $number }.
host-nobody = No other organisation can host meeting { $number }; assign one directly by typing /host { $number } followed by its short name.
host-assigned = { $org } was assigned as the host of meeting { $number }.
host-skipped = { $org } moved to the back of the hosting order.
host-nothing-to-skip = No hosting proposal is waiting for an answer.
host-cannot-host = { $org } is marked as unable to host; change it with /org_edit.
host-accepted-toast = Saved: you are hosting. Thank you!
host-accepted-group = ✅ { $org } will host meeting { $number }.
host-declined-toast = Saved. The turn passes to the next organisation; yours will be first again for the following meeting.
host-declined-group = { $org } cannot host meeting { $number } this time; the turn passed to the next organisation.
host-reason-ask = If you like, reply to this message with a short reason (at most { $max } characters); the organisers will see it.
host-reason-thanks = Your reason was saved.
host-reason-empty = I could not read a reason. If you like, write a short sentence; to stop, send /cancel_dialog.
host-reason-not-saved = A reason can no longer be added to this answer: the answer changed or a reason was already saved. Your reason was not saved.
host-closed-toast = This proposal is no longer open: it was answered or its time ran out.
host-not-contact-toast = Only the proposed organisation's hosting contacts can answer this.
host-bad-swap-toast = A swap cannot be proposed to that organisation.
host-swap-choose = Which organisation would you like to swap with? If they accept, they host this meeting and yours comes first for the next one.
host-swap-asked-toast = Your proposal was sent to { $org }.
host-swap-dm = 🔁 { $from } proposes to swap hosting meeting { $number } ({ $when }) with you: { $to } hosts this one, { $from } comes first for the next.
host-swap-accept-button = ✅ We accept
host-swap-refuse-button = ❌ We cannot accept this time
host-swap-refused = { $org } did not accept the swap you proposed for meeting { $number }; the hosting proposal is still with your organisation and awaits your answer.
host-swap-refused-toast = Saved: you did not accept the swap.
host-swapped-group = 🔁 Swap: { $to } will host meeting { $number }; { $from } comes first for the next meeting.
host-expired-organisers = ⏰ { $org } did not answer the hosting proposal for meeting { $number } in time; the turn passed to the next organisation.
host-checklist-reminder =
    📋 <b>Preparing meeting { $number }</b> ({ $when }, { $venue })
    { $step }
    When it is done, press the button below.
host-checklist-venue = Confirm the venue.
host-checklist-access = Send the organisers how to get there (public transport, parking, entrance).
host-checklist-agenda = Check the agenda and catering.
host-checklist-day-before = Final check for tomorrow's meeting.
host-checklist-done-button = ✅ Done
host-checklist-done-toast = Thank you; marked as done.
host-checklist-heading = Host preparation: { $steps }
host-step-venue = venue confirmation
host-step-access = address and directions
host-step-agenda = agenda and catering
host-step-day-before = final check
reminder-kind-host-checklist = host preparation ({ $offset } before)
reminder-kind-host-expiry = answer deadline for hosting
cmd-host-contact = Choose an organisation's hosting contact
host-contact-usage = Usage: reply to the person's message with /host_contact [yes|no], or /host_contact @username [yes|no]
host-contact-on = { $name } is now a hosting contact of { $organisation }; hosting questions go to the organisation's hosting contacts.
host-contact-off = { $name } is no longer a hosting contact.
host-contact-no-organisation = Set this person's organisation first: /member_set_org
cmd-checkin = Tell the bot you are at the meeting
cmd-attendance = See who came to a meeting
checkin-card =
    📍 <b>Meeting { $number } is starting</b> ({ $when }, { $venue })
    If you are here, please press the button below; check-in stays open until an hour after the meeting ends.
checkin-button = 🙋 I'm here
checkin-checked-in = Welcome! Your attendance at meeting { $number } is recorded.
checkin-already = Your attendance at meeting { $number } was already recorded.
checkin-closed = Check-in for meeting { $number } has closed; it closes an hour after the meeting ends.
checkin-not-open = Check-in for meeting { $number } is not open now; it opens half an hour before the start and closes an hour after the end.
checkin-cancelled = This meeting was cancelled.
checkin-unknown-meeting = This meeting no longer exists.
checkin-not-member = To check in, join the network first: type /join in the network's group.
checkin-usage = Usage: /checkin or /checkin <number>
checkin-none-open = No meeting has check-in open right now.
attendance-usage = Usage: /attendance <number>, for example /attendance 25
attendance-not-yet = Meeting { $number } has not taken place yet; check-in opens half an hour before it starts.
attendance-cancelled = Meeting { $number } was cancelled; it has no attendance.
attendance-heading = <b>Attendance at meeting { $number }</b>
attendance-empty = Nobody has checked in yet.
attendance-came = Came ({ $count }): { $names }
attendance-missing = Said they would attend but did not come: { $names }
attendance-unannounced = Came without answering: { $names }
reminder-kind-checkin-card = check-in card
reminder-kind-action-soon = reminder to an action item's owner (2 days before it is due)
reminder-kind-action-due = reminder to an action item's owner (on the due date)

## Minutes
cmd-minutes = Open a meeting's minutes or see the draft: /minutes 25
cmd-minutes-taker = Make the person you reply to the minute-taker
cmd-minutes-edit = Correct an entry of the minutes
cmd-minutes-delete = Delete an entry of the minutes
cmd-minutes-publish = Send the minutes to the groups and organisers
cmd-minutes-approve = Approve the minutes (at the next meeting)
minutes-usage = Usage: /minutes <number>, for example /minutes 25
minutes-taker-usage = Usage: reply to a message of the person you want to take the minutes with /minutes_taker <number>.
minutes-edit-usage = Usage: /minutes_edit <meeting> <entry> <new text>, for example /minutes_edit 25 3 decision: The next meeting is in Karşıyaka
minutes-delete-usage = Usage: /minutes_delete <meeting> <entry>, for example /minutes_delete 25 3
minutes-publish-usage = Usage: /minutes_publish <number>, for example /minutes_publish 25
minutes-approve-usage = Usage: /minutes_approve <number>, for example /minutes_approve 25
minutes-writers-only = Only the organisers and this meeting's minute-taker can write these minutes.
minutes-placeholder = A note, decision: … or action: …
minutes-meeting-gone = The meeting of these minutes no longer exists.
minutes-card-heading = 📝 <b>Minutes of meeting { $number }</b> · { $title }
minutes-state-draft = Draft: not published yet.
minutes-state-published = Version { $version } is published.
minutes-state-changed = Changed since version { $version } was published; /minutes_publish { $number } publishes a new version.
minutes-state-approved = Version { $version } is approved; the minutes are closed.
minutes-card-empty = No entries yet.
minutes-card-how =
    Reply to this message to add an entry (in a private chat, just write):
    • plain text is added as a note;
    • text starting with decision: is added as a decision;
    • text starting with action: is added as an action item; also give its owner (an @username or an organisation's short name) and a due date, for example: action: Leaflet draft @ayse 15 December
    To correct an entry, type /minutes_edit { $number } &lt;entry&gt; &lt;text&gt;; to delete one, /minutes_delete { $number } &lt;entry&gt;.
minutes-kind-decision = [Decision]
minutes-kind-action = [Action item]
minutes-entry-added = ✍️ Entry { $entry } added.
minutes-entry-edited = ✏️ Entry { $entry } corrected.
minutes-entry-deleted = 🗑 Entry { $entry } deleted.
minutes-republish-hint = Published version { $version } stays as it was; /minutes_publish { $number } sends this change as version { $next }.
minutes-entry-unknown = The minutes of meeting { $number } have no entry { $entry }. /minutes { $number } shows the entries.
minutes-entry-too-long = The entry is too long ({ $length } characters); it can have at most { $max }. You can split it into several entries.
minutes-entry-empty = An empty entry cannot be added; please write some text.
minutes-closed-cancelled = Meeting { $number } was cancelled; it has no minutes.
minutes-closed-not-started = Meeting { $number } has not started yet; its minutes open half an hour before it.
minutes-closed-approved = The minutes of meeting { $number } are approved and closed; they can no longer change.
minutes-incomplete-action = This entry would be added as an action item, but some details are missing: { $problems } Correct it and send it again, or keep the text as a note.
minutes-missing-owner = No owner given (an @username or an organisation's short name).
minutes-missing-due = No due date given.
minutes-missing-due-format = The due date could not be read.
minutes-missing-due-impossible-date = The due date does not exist in the calendar.
minutes-missing-due-impossible-time = The due date could not be read.
minutes-missing-due-nonexistent-time = The due date could not be read.
minutes-missing-due-past = The due date is in the past.
minutes-missing-due-wrong-weekday = The weekday in the due date does not match the date.
minutes-missing-due-ambiguous-time = The time in the due date can be read two ways.
minutes-missing-due-ambiguous-date = The weekday in the due date could mean today or next week; write the date.
minutes-missing-due-range = Give a single day as the due date.
minutes-missing-due-end-before-start = Give a single day as the due date.
minutes-action-example = Example: action: Leaflet draft @ayse 15 December
minutes-keep-as-note = 📝 Keep as a note
minutes-nothing-to-keep = There is no text left to keep; please write the entry again.
minutes-taker-set = { $name } is now the minute-taker of meeting { $number }.
minutes-publish-empty = The minutes of meeting { $number } have no entries yet; there is nothing to publish.
minutes-publish-unchanged = The minutes of meeting { $number } were already published as version { $version } and have not changed since.
minutes-approve-approved = ✅ The minutes of meeting { $number } are approved.
minutes-approve-already = The minutes of meeting { $number } were already approved.
minutes-approve-not-published = The minutes of meeting { $number } are not published yet; first /minutes_publish { $number }.
minutes-approve-changed = The minutes of meeting { $number } changed after version { $version }; publish the new version with /minutes_publish { $number } before approving.
minutes-approve-cancelled = Meeting { $number } was cancelled; it has no minutes to approve.
minutes-title = { $series } — minutes of meeting { $number }
minutes-fact-when = Date: { $when }
minutes-fact-venue = Venue: { $venue }
minutes-fact-host = Host: { $host }
minutes-fact-facilitators = Facilitators: { $names }
minutes-fact-version = Version { $version }
minutes-fact-version-replaces = Version { $version } (replaces version { $previous })
minutes-section-attendance = Participants
minutes-section-agenda = Agenda
minutes-section-notes = Notes
minutes-section-decisions = Decisions taken
minutes-section-actions = Action items assigned
minutes-attendance-count = { $organisation }: { $count } { $count ->
        [one] person
       *[other] people
    }
minutes-attendance-names = { $organisation } ({ $count }): { $names }
minutes-attendance-total = Total: { $people } { $people ->
        [one] person
       *[other] people
    } from { $organisations } { $organisations ->
        [one] organisation
       *[other] organisations
    }
minutes-attendance-none = No attendance was taken.
minutes-decisions-none = No decisions were taken.
minutes-actions-none = No action items were assigned.
minutes-file-name = minutes-{ $number }-version-{ $version }
minutes-file-caption = Minutes of meeting { $number }, version { $version }

## Action items
cmd-actions = Pending action items
cmd-done = Mark an action item done: /done 17
action-line = { $text } — { $owner }, due: { $due } (#{ $id })
action-line-no-due = { $text } — { $owner }, no due date (#{ $id })
action-owner-unknown = no owner given
action-from-meeting = [meeting { $number }]
action-carried-over = <b>Pending action items from earlier meetings</b>
action-more = … and { $count ->
        [one] one more action item
       *[other] { $count } more action items
    } (/actions)
action-overdue = ⚠️ overdue
actions-heading-all = <b>Pending action items ({ $count })</b>
actions-heading-mine = <b>Pending action items of yours or your organisation's ({ $count })</b>
actions-none = No pending action items.
actions-none-mine = No pending action items of yours or your organisation's.
actions-how-done = To close an action item that is done, write /done &lt;number&gt; or press its button below.
actions-usage = Usage: /actions, or /actions mine for your own action items only
done-usage = Usage: /done <number>, for example /done 17 (/actions shows the numbers)
action-done = ✅ Done: { $item }
action-already = This action item was already done: { $item }
action-unknown = There is no pending action item #{ $id }. Type /actions for the list.
action-not-allowed = Only its owner (or a member of the owning organisation) or an organiser can close action item #{ $id }.
action-done-button = ✅ Done
action-done-button-id = ✅ #{ $id } done
action-done-announce = ✅ { $name } finished an action item (meeting { $number }): { $item }
action-reminder-soon =
    ⏰ <b>Action item reminder</b> (from meeting { $number })
    { $item }
    It is due in two days. If it is done, press the button below.
action-reminder-due =
    ⏰ <b>Due today</b> (from meeting { $number })
    { $item }
    If it is done, press the button below.

## Reports
cmd-stats = Attendance, hosting and pending action items per organisation
stats-usage = Usage: /stats or /stats <how many recent meetings>, at most { $max }
stats-heading = <b>The last { $meetings } meetings</b> (meetings attended · times hosted · pending action items)
stats-no-organisations = No organisations yet.
stats-line = • { $organisation }: { $attended }/{ $meetings } meetings · hosted { $hosted } times · { $open } pending action items
private-change-sent = Done. I have sent you the details privately.
private-change-start-me = Done. I can send the details only privately; to see them, please open { $link } and press Start.
members-username-unknown = I could not find anyone in the network with this username. Please type the command in the group again, replying to one of the person's messages.
members-username-ambiguous = This username matches more than one person in the network, so I cannot tell whom you mean. Please type the command in the group again, replying to one of the person's messages.
buttons-members-only = This button is for the network's members only.
buttons-not-yours = Only the person who wrote the text can use this button.

## Membership: leaving the linked chats, and choosing a network in private
membership-ended = { $count ->
    [one] You are no longer a member of { $networks }: you left its linked groups, so ortak sends you nothing about it. To come back, write in the network's group or open the link your organiser shared.
   *[other] You are no longer a member of these networks: { $networks }. You left their linked groups, so ortak sends you nothing about them. To come back, write in the network's group or open the link your organiser shared.
}
membership-left-organisers = { $name } is no longer in any linked group of <b>{ $network }</b>. They will get no more private messages from this network; their earlier answers still count. Writing in the group again renews their membership.
network-choice-ask = You belong to more than one network. Which network is this command for?
network-choice-chosen = { $network } chosen. Your private commands apply to this network for the next { $minutes } minutes.
network-choice-done = Network: <b>{ $network }</b>

## Personal data: /mydata, /forgetme, /export_network
cmd-mydata = Download the data held about you
cmd-forgetme = Ask for the data held about you to be erased
cmd-export-network = Download all of the network's data as a backup
privacy-private-only = This command concerns your personal data, so please use it only in a private chat with me: open { $link } and type it there.
privacy-mydata-usage = Usage: /mydata (nothing after it). I send you all the data I hold about you as a file.
privacy-mydata-file = ortak-my-data.json
privacy-mydata-caption = All the data I hold about you (KVKK, the Turkish data protection law, art. 11): your memberships, answers, support needs you stated, date poll votes, check-ins, minutes entries you wrote, action items you own, records about you and pending reminders. To have it erased, type /forgetme.
privacy-forget-usage = Usage: /forgetme (nothing after it). Once you confirm, I erase the data I hold about you.
privacy-forget-confirm =
    ⚠️ <b>Erasing your data</b>
    If you confirm:
    • your name, username, language and direct-message status are erased;
    • your answers and check-ins stay, without your name, in your organisation's counts; your date poll votes are deleted;
    • minutes entries you wrote stay without an author; action items you own pass to your organisation;
    • the log shows an anonymous number instead of your name, and published minutes say “(silinmiş kişi)” (erased person);
    • reminders to you are withdrawn and your memberships of every network end.
    This cannot be undone. The confirmation button is valid for { $minutes } minutes.
privacy-forget-yes = 🗑 Yes, erase my data
privacy-forget-no = No, keep my data
privacy-forget-not-yours = This button is not yours; nothing has changed.
privacy-forget-expired = This confirmation has expired; nothing was erased. Type /forgetme again if you wish.
privacy-forget-cancelled = Cancelled; nothing was erased.
privacy-forget-nothing = There is nothing left to erase about you.
privacy-forget-refused = Your data was not erased: please hand over the organiser role first.
privacy-forget-last-organiser = { $count ->
    [one] You are the last organiser of <b>{ $networks }</b>. Before I can erase your data, please hand the role over to someone else (/organiser_add), then type /forgetme again. Nothing was erased.
   *[other] You are the last organiser of these networks: <b>{ $networks }</b>. Before I can erase your data, please hand the role over in each of them (/organiser_add), then type /forgetme again. Nothing was erased.
}
privacy-forget-done = ✅ The data held about you has been erased. Your answers still count, without your name, for your organisation. If you write in a network's group again, you will be registered as a new member.
privacy-forget-done-toast = Your data has been erased.
privacy-export-usage = Usage: /export_network (nothing after it). I send you all of the network's data as a file in a private message.
privacy-export-file = ortak-network-{ $id }-{ $date }.json
privacy-export-caption = All data of the <b>{ $network }</b> network (for a backup or a move). The file contains personal data: please keep it safe and share it only with the network's organisers.

## Join code, /link and /unlink: linking belongs to group admins who organise the network
cmd-unlink = Unlink this chat from its network
setup-code-sent = I sent you the join code and the members' join link in a private message; I do not share them in the group.
setup-code-start-me = I could not send you the join code privately: I cannot reach you by private message. Please open { $link }, press Start, then send me /network in a private message.
network-code =
    Join code of <b>{ $network }</b>: <code>{ $code }</code>
    To link another group or topic, type /link { $code } there; only organisers who are admins of that group can do this.
    Your members can message me privately with this link and choose their organisation: { $link }
    Share the code and the link only with people you trust. If needed, get a new code with /network_set join_code new; the old one stops working at once.
network-code-private = The join code is shown only to organisers, in a private message: send me /network privately to see it.
network-set-bad-retention = The retention period must be a whole number of months from { $min } to { $max }, for example: /network_set retention_months 24
network-join-code-renewed = The join code has been renewed. The old code and the old join link no longer work.
network-join-code-sent = I sent you the new join code and join link in a private message.
network-join-code-start-me = I could not send you the new code privately: I cannot reach you by private message. Please open { $link }, press Start, then send me /network in a private message.
link-admins-only = Only this group's admins can link it to a network, and only if they organise that network.
link-already = { $place } is already linked to the network “{ $network }”.
link-taken = { $place } is linked to the network “{ $network }” and cannot be taken over by another network. Only a group admin who organises “{ $network }” can move this link or remove it with /unlink.
link-chat-taken = This whole group is linked to the network “{ $network }”; a topic of it cannot be linked to another network.
link-topics-taken = Some topics of this group are linked to the network “{ $network }”, so the whole group cannot be linked to another network. A group admin who organises that network must first remove those links with /unlink in the topic.
link-relink-confirm =
    { $place } is linked to the network “{ $from }”. To move it to “{ $to }”, press the button below; after the move, messages of “{ $from }” no longer come here.
    Only a group admin who organises both networks can use the button.
link-relink-button = Yes, move it
link-relink-not-allowed = Only a group admin who organises both networks can move this link.
link-relink-conflict = The link could not be moved: a whole group and its topics cannot be linked to different networks.
link-relink-done-toast = The link has been moved.
link-relinked = { $place } is now linked to the network “{ $to }”; it was linked to “{ $from }”.
unlink-group-only = /unlink is used in a group or a topic, where you want to remove the link.
unlink-usage = Usage: /unlink (in the group or topic whose link you want to remove, with nothing after it)
unlink-admins-only = Only this group's admins can remove its network link, and only if they organise that network.
unlink-done = { $place } is no longer linked to the network “{ $network }”; its messages will no longer come here.
unlink-done-last =
    { $place } is no longer linked to the network “{ $network }”; its messages will no longer come here.
    The network has no linked chat left, but the network and its records are kept: organisers can keep running it by messaging me privately (for example /network) and link a new group by typing /link &lt;join code&gt; there.
link-place-chat = This chat
link-place-topic = This topic
unlink-place-chat = This chat
unlink-place-topic = This topic
privacy-anonymous-people = { $count } { $count ->
    [one] person
   *[other] people
} (name erased)
members-left = Left the network's groups (sent nothing)
network-choice-list = Your networks: { $networks }. You are now working in <b>{ $current }</b>; to choose another network, use the buttons below.
action-owner-person = a person
minutes-name-withheld = (name withheld)
rsvps-anonymous-heading = <b>Anonymous answers</b> (of people whose data was erased or is past the retention period; included in the totals)
rsvps-anonymous-line = • { $organisation }: { $count } { $count ->
        [one] answer
       *[other] answers
    }, { $answer }
host-too-late = Meeting { $number } has begun; no organisation is asked to host it any more. If needed, name the host yourself with /host { $number } followed by the organisation's short name.
audit-actor-system = ortak (automatic)
audit-actor-erased = erased person
audit-action = { $action ->
    [meeting-invite] Invitation sent
    [meeting-repost] Invitation card re-posted
    [action-done] Task completed
    [chat-link] Chat linked to the network
    [chat-relink-in] Chat moved to this network
    [chat-relink-out] Chat moved to another network
    [chat-unlink] Chat unlinked
    [chat-unlink-repair] Topic link taken by another network removed
    [host-accepted] Hosting accepted
    [host-declined] Hosting declined this time
    [host-swapped] Hosting turn swapped
    [host-assigned] Host assigned
    [host-expired] Hosting proposal expired
    [host-proposed] Hosting proposed
    [host-skipped] Next organisation skipped
    [meeting-create] Meeting created
    [meeting-edit] Meeting details changed ({ $detail })
    [meeting-reschedule] Meeting date changed
    [meeting-cancel] Meeting cancelled
    [member-role] Member's role changed
    [member-organisation] Member's organisation changed
    [member-host-contact] Hosting contact changed
    [member-left] Left the network's groups
    [minutes-taker] Minute-taker designated
    [minutes-edit] Minutes entry corrected
    [minutes-delete] Minutes entry deleted
    [minutes-publish] Minutes published
    [minutes-approve] Minutes approved
    [decision-supersede] A decision was replaced by a later one
    [objection-resolve] An objection to the minutes was answered
    [network-setup] Network set up
    [network-set] Network setting changed ({ $detail })
    [network-export] Whole network exported
    [organisation-add] Organisation added
    [organisation-edit] Organisation details changed ({ $detail })
    [organisation-remove] Organisation removed
    [poll-create] Date poll started
    [poll-close] Date poll closed into a meeting
    [poll-cancel] Date poll cancelled
    [privacy-forget] A person's data erased
    [reminders-set] Reminder times changed
    [rotation-order] Hosting order changed
   *[other] { $code }
}

# Races: the second of two answers pressed together, the second of two /invite typed together.
host-answered-toast = This hosting proposal has already been answered; your answer was not recorded.
invite-in-progress = The invitation to meeting { $number } is already being sent by another command ({ $when }); the cards were not sent a second time.

# An invitation card shortened for room: how many agenda items it does not show.
meeting-agenda-more = … and { $count ->
        [one] one more item
       *[other] { $count } more items
    } (all of them: /meeting { $number })

# Minutes published; the copies go out in turn (said without waiting for them).
minutes-published-queued = 📣 The minutes of meeting { $number } are published as version { $version }; copies are on their way to { $chats } { $chats ->
        [one] chat
       *[other] chats
    } and { $organisers } { $organisers ->
        [one] organiser
       *[other] organisers
    }.
# On the minutes card, while the published version's copies are still going out or some did not arrive.
minutes-state-copies = Copies: { $sent } sent{ $waiting ->
        [0] {""}
       *[other] , { $waiting } waiting
    }{ $notSent ->
        [0] {""}
       *[other] , { $notSent } not delivered
    }.

# The answer to /invite: cards and DMs go out in turn (the answer does not wait for them).
invite-queued = The invitation card for meeting { $number } is on its way to { $chats ->
        [one] one chat
       *[other] { $chats } chats
    } (to be pinned in { $pinnable }). It is also going privately to { $direct ->
        [one] one member
       *[other] { $direct } members
    } who have started the bot.{ $unpinnable ->
        [0] {""}
       *[other] {" "}To pin the card, make me an administrator of the group with the right to pin messages.
    }
invite-reposted-queued = The invitation card for meeting { $number } is on its way again to { $chats ->
        [one] one chat
       *[other] { $chats } chats
    }. It is also going privately to { $direct ->
        [one] one member
       *[other] { $direct } members
    } who had not received it yet.

## Playground (the web page served when no BOT_TOKEN is given)
playground-title = ortak playground
playground-intro = This is ortak's playground: a demo world of imaginary people. Nothing you write here reaches Telegram. Pick a person from the list; you can write as them in the group or in their private chat with the bot. To begin, pick the coordinator and create a meeting in the group with /meeting_new; then send the invitation card with /invite and answer as the members.
playground-intro-close = Got it
playground-help = About the playground
playground-acting-as = Who are you writing as?
playground-coordinator = Organiser
playground-telegram-language = Telegram language
playground-language-tr = Turkish
playground-language-en = English
playground-chats = Chats
playground-group = Group
playground-private = Private chat with the bot
playground-privacy-note = ortak is an administrator in this group, so it can pin the invitation card. Telegram passes every group message to administrator bots; ortak still takes note only of commands (messages starting with /) and replies to its own messages, and stays out of the conversation.
playground-empty-group = No messages in this group yet.
playground-empty-private = No messages in this chat yet. Send /start to begin talking to the bot.
playground-unread-elsewhere = New messages for:
playground-pinned = Pinned message
playground-go-to-message = Go to the message
playground-send = Send
playground-reply = Reply
playground-replying-to = Replying to
playground-cancel-reply = Cancel reply
playground-composer-placeholder = Write a message…
playground-edited = edited
playground-download = Download
playground-spoiler = Hidden text; click to reveal
playground-quote-expand = Show more
playground-quote-collapse = Show less
playground-unsupported = This kind of message cannot be shown in the playground.
playground-alert-ok = OK
playground-reset = Start over
playground-reset-confirm = The demo world will go back to its starting state: every message written and every change made so far will be removed. Do you want to continue?
playground-lang-button = TR
playground-lang-label = Show the page in Turkish
playground-disconnected = Lost the connection to the server; reconnecting…
playground-network-error = Could not reach the server. Make sure the playground is still running and try again.
playground-intro-more = Read more
playground-intro-less = Show less

## Date polls: /poll_dates, /poll, /poll_close, /poll_cancel
cmd-poll = See the date polls and their results: /poll 1
cmd-poll-dates = Start a date poll for a meeting
cmd-poll-close = Close a date poll and create the meeting
cmd-poll-cancel = Cancel a date poll
poll-dates-usage =
    Usage: /poll_dates <title> | <date time> | <date time> [| …] [| deadline: <date time>]
    Example: /poll_dates March meeting | 17 March 2027 10:00 | 24 March 2027 14:00 | deadline: 10 March 2027 18:00
    Give 2 to 6 dates, written as for /meeting_new. The last part, starting with “deadline:” (or “son:”), is when voting ends; it is optional.
poll-title-empty = The poll needs a title; write it before the first |.
poll-title-too-long = The title can be at most { $max } characters; yours has { $length }.
poll-too-few = A date poll needs at least { $min } dates; you gave { $count }. Separate the dates with |.
poll-too-many = A date poll can have at most { $max } dates; you gave { $count }.
poll-candidate-problem = Date { $position }: { $problem }
poll-same-candidates = Dates { $first } and { $second } are the same date and time. Each date must differ in its day or time.
poll-deadline-problem = Voting deadline: { $problem }
poll-deadline-not-last = The part starting with “deadline:” must come last; for example: /poll_dates March meeting | 17 March 2027 10:00 | 24 March 2027 14:00 | deadline: 10 March 2027 18:00
poll-deadline-after-candidate = The voting deadline must be before the earliest date: voting has to end before the first of the dates comes.
poll-no-chats = No chat is linked to this network, so there is nowhere to show the poll card and no poll was created. Link a group with /link first.
poll-created = ✅ Date poll { $number } created ({ $count } dates). The poll card is on its way to { $chats ->
        [one] the linked chat
       *[other] the { $chats } linked chats
    }.
poll-created-deadline = Voting deadline: { $when }
poll-created-nudge = Members who have not voted yet will get one private reminder: { $when }
poll-created-no-nudge = The deadline is less than a day away, so no reminder will be sent.
poll-created-no-deadline = No voting deadline was given; voting ends when you close the poll with /poll_close { $number } <date number>.
poll-card-heading = 🗓 <b>Date poll { $number }</b>: { $title }
poll-card-how = Mark the dates that suit you: for each date ✅ I can come · 🤷 if need be · ❌ I can't come. You can change your vote until voting ends.
poll-card-candidate = { $position }) { $when }
poll-card-counts = ✅ { $yes ->
        [one] 1 person
       *[other] { $yes } people
    } · { $organisations ->
        [one] 1 organisation
       *[other] { $organisations } organisations
    } · 🤷 { $maybe } if need be
poll-card-suggested = ⭐ Suggested: option { $position } — the date most organisations can attend (on a tie, the most people, then the earliest).
poll-card-no-suggestion = Nobody has said “I can come” yet; a suggested date appears after the first votes.
poll-card-deadline = Voting deadline: { $when }
poll-card-voters = Voted: { $count ->
        [one] 1 person
       *[other] { $count } people
    }
poll-card-ended = Voting has ended; the organisers will announce the date soon.
poll-card-closed = ✔️ <b>Poll closed.</b> Chosen date: { $position }) { $when }
poll-card-result = Result: meeting { $number }, { $when }
poll-card-cancelled = ❌ <b>This date poll was cancelled.</b>
poll-vote-yes = Date { $position }: I can come ✅
poll-vote-maybe = Date { $position }: I can come if need be 🤷
poll-vote-no = Date { $position }: I can't come ❌
poll-vote-closed = Voting on this date poll has ended; no votes can be cast or changed.
poll-vote-cancelled = This date poll was cancelled; votes are no longer taken.
poll-vote-not-member = To vote, first join the network: type /join in the network's group.
poll-usage = Usage: /poll (the open polls) or /poll <number>, for example /poll 1
poll-unknown = This network has no date poll number { $number }. Type /poll for the open polls.
poll-none-open = There is no open date poll right now. Organisers can start one with /poll_dates.
poll-open-heading = <b>Date polls not yet decided</b>
poll-open-line = Date poll { $number }: { $title } ({ $candidates } dates, { $voters ->
        [one] 1 person
       *[other] { $voters } people
    } voted). For details type /poll { $number }.
poll-summary-status = Status: { $status }
poll-status-open = voting in progress
poll-status-ended = voting ended, waiting for the result
poll-status-closed = closed
poll-status-cancelled = cancelled
poll-summary-counts = { $position }) { $when }: ✅ { $yes ->
        [one] 1 person
       *[other] { $yes } people
    } · { $organisations ->
        [one] 1 organisation
       *[other] { $organisations } organisations
    } · 🤷 { $maybe } · ❌ { $no }
poll-names-yes = ✅ Can come: { $names }
poll-names-maybe = 🤷 If need be: { $names }
poll-names-no = ❌ Can't come: { $names }
poll-close-usage =
    Usage: /poll_close <poll number> <date number> [| venue | agenda items, separated by ;]
    Example: /poll_close 1 2 | Buca1923 Mevlana Kafe | Legislation and Strategy; Power Relations
poll-already-closed = Date poll { $number } is already closed.
poll-already-closed-meeting = Date poll { $number } is already closed; meeting { $meeting } was created from it.
poll-already-cancelled = Date poll { $number } was cancelled; it can no longer be closed or cancelled again.
poll-bad-position = For date poll { $number }, give a date number from 1 to { $count }.
poll-candidate-past = Date { $position } has passed; a meeting cannot be created in the past. Choose another date, or cancel the poll with /poll_cancel.
poll-closed-done = ✅ Date poll { $number } is closed. The poll cards are being updated; { $voters ->
        [one] the 1 person who voted gets
       *[other] the { $voters } people who voted get
    } the result privately.
poll-closed-add-both = You can add the venue and the agenda with /meeting_edit { $number } venue … and /meeting_edit { $number } agenda ….
poll-closed-add-venue = You can add the venue with /meeting_edit { $number } venue ….
poll-closed-add-agenda = You can add the agenda with /meeting_edit { $number } agenda ….
poll-cancel-usage = Usage: /poll_cancel <poll number>, for example /poll_cancel 1
poll-cancel-done = Date poll { $number } is cancelled; the poll cards are being updated. Voters get no separate message.
poll-nudge = 🗓 You have not voted yet in date poll { $number } (“{ $title }”). Voting deadline: { $when }. You can mark the dates that suit you on the poll card in the network's group.
poll-result =
    🗓 The date poll you voted in, “{ $title }”, has a result.
    Meeting { $number }: { $when }
    The invitation will follow. Thank you for voting.

## Calendar subscription: /calendar, /network_set public_calendar
cmd-calendar = Subscribe to your meetings in your calendar app
calendar-private-only = Your calendar link is personal, so I send it only in a private chat. Please open { $link } and type /calendar there.
calendar-usage = Usage: /calendar (your calendar link) or /calendar reset (a new link; the old one stops working at once)
calendar-not-served = Calendar subscriptions are not switched on in this installation yet; please tell the network's organisers.
calendar-link =
    <b>Calendar subscription</b>
    Add this link to your calendar app: the meetings of the networks you belong to (upcoming ones and the last 12 months) appear in your calendar, and new dates and cancellations update by themselves.
    <code>{ $url }</code>
    For Apple Calendar or Outlook you can also copy this address: <code>{ $webcal }</code>
    In Google Calendar (on a computer, at calendar.google.com) use + next to “Other calendars” → “From URL”; in Apple Calendar File → “New Calendar Subscription”; in Outlook “Add calendar” → “Subscribe from web”.
    This link is personal and shows your answers too; do not share it. For a new link: /calendar reset
calendar-reset-done = Your new calendar link is ready. The old link no longer works: remove the old subscription from your calendar app and add the new one.
calendar-already = I sent you your calendar link before: it is in the message I am replying to. If you lost it or shared it with someone, type /calendar reset: you get a new link and the old one stops working at once.
calendar-answer = Your answer: { $answer }
calendar-answer-yes = Going
calendar-answer-yes-party = Going ({ $people } people)
calendar-answer-waitlisted = Going (you are on the waiting list)
calendar-answer-maybe = Maybe
calendar-answer-no = Not going
calendar-answer-none = Your answer: not answered yet (answer with the buttons on the invitation card).
network-set-usage-public-calendar = public_calendar yes or no (a calendar link you can share, with the network's meetings but no answers and no names; only organisers see the link)
network-set-bad-public-calendar = For public_calendar, write yes or no, for example: /network_set public_calendar yes
network-public-calendar-on =
    Public calendar: <code>{ $url }</code>
    It shows the meetings' dates, places and agendas; no answers and no names. To turn it off: /network_set public_calendar no
network-public-calendar-off = Public calendar: off (to turn it on: /network_set public_calendar yes)
network-public-calendar-private = Public calendar: on. Its link is shown to organisers only, privately: type /network to me in a private chat to see it.
network-public-calendar-enabled = The public calendar is on.
network-public-calendar-already-on = The public calendar is already on.
network-public-calendar-disabled = The public calendar is off; its old link no longer works.
network-public-calendar-already-off = The public calendar is already off.
network-public-calendar-sent = I sent you its link privately.
network-public-calendar-start-me = I could not send you the link privately: I cannot reach you in a private chat. Please open { $link }, press Start, then type /network to me in a private chat.
privacy-mydata-calendar-none = You have no calendar subscription.
privacy-mydata-calendar-never = You have a calendar subscription (/calendar); its link has not been used yet.
privacy-mydata-calendar-fetched = You have a calendar subscription (/calendar); your calendar app last used the link on { $when }.
poll-summary-votes-retired = The votes of this poll were deleted at the end of the retention period ({ $months ->
        [one] 1 month
       *[other] { $months } months
    }).
meeting-agenda-none = <b>Agenda</b>: not set yet
poll-closed-invite = To send the invitations, type /invite { $number } once the meeting's details are complete.
rotation-asked = asked to host meeting { $number }, answer awaited
rotation-next-asked = Next: { $org }. Every organisation has had its turn; this one's answer about meeting { $number } is awaited.
poll-ended-intro = 📊 Voting on the date poll has ended; you can now set the meeting's date.
poll-ended-close = To create the meeting on the suggested option: /poll_close { $number } { $position } (add the venue and agenda after | if you like). You can also choose another option, or cancel the poll with /poll_cancel { $number }.
poll-ended-close-none = Nobody said they could come to any option. To create the meeting on one of them anyway, type /poll_close { $number } <option number>, or cancel the poll with /poll_cancel { $number }.
poll-own = Your answers: { $answers }
poll-own-none = You have not voted in this poll yet; you can vote on the poll card in the network's group.

## Confidential venues and support needs: planning
reminder-kind-organiser-eve = summary to organisers (1 day before)
reminder-kind-venue-reveal = address to confirmed members ({ $offset } before)
host-checklist-accessibility = Check accessibility: step-free access, an accessible toilet, a quiet room or childcare room; book interpretation if needed.
host-step-accessibility = accessibility and support

## Support needs
cmd-needs = State your support needs (childcare, transport, interpretation…)
needs-label-childcare = childcare
needs-label-transport = transport support
needs-label-interpretation-tid = sign language (TİD) interpretation
needs-label-interpretation-kurdish = Kurdish interpretation
needs-label-interpretation-arabic = Arabic interpretation
needs-label-interpretation-other = interpretation (another language)
needs-label-accessibility = accessibility
needs-label-diet = diet
needs-button-childcare = 👶 Childcare
needs-button-transport = 🚌 Transport support
needs-button-interpretation-tid = 🗣️ Sign language (TİD)
needs-button-interpretation-kurdish = 🗣️ Kurdish interpretation
needs-button-interpretation-arabic = 🗣️ Arabic interpretation
needs-button-interpretation-other = 🗣️ Another language…
needs-button-accessibility = ♿ Accessibility
needs-button-diet = 🥗 Diet…
needs-button-clear = 🧹 Remove all
needs-button-on = ✅ { $label }
needs-prompt =
    🤝 <b>Meeting { $number }: your support needs</b>
    If you need support to attend (childcare, transport, interpretation, accessibility or diet), choose it below. The organisers and the host organisation's contacts see only totals and what you type; your name is not shared.
needs-current = Your needs: { $needs }
needs-current-none = You have not stated any support needs.
needs-how = You can also type: /needs { $number } childcare, transport · to remove them all: /needs { $number } none
needs-saved = ✅ Your support needs are saved.
needs-cleared = ✅ Your support needs are removed.
needs-added-toast = Added: { $need }
needs-removed-toast = Removed: { $need }
needs-cleared-toast = All your support needs are removed.
needs-not-yours = This button is not yours; nothing was changed.
needs-usage = Usage: /needs <number> [needs], for example /needs 25 childcare, interpretation TİD, diet: vegetarian. /needs 25 alone shows what you stated; /needs 25 none removes them all.
needs-private-only = Support needs are personal; please tell me in a private message: open { $link } and type /needs there.
needs-unknown-words = I did not recognise these as support needs: { $words }. You can write: { $accepted }. Nothing was changed.
needs-missing-interpretation-other = Please add the language: interpretation TİD, interpretation Kurdish, interpretation Arabic, or interpretation and the language (for example interpretation Persian). Nothing was changed.
needs-missing-diet = Please add your dietary need, for example diet: vegetarian. Nothing was changed.
needs-too-long = The text you wrote for “{ $need }” is { $length } characters long; it may be at most { $max }. Nothing was changed.
needs-text-empty = I cannot save an empty text; please write your need.
needs-refused-unknown-meeting = This meeting no longer exists; nothing was changed.
needs-refused-cancelled = Meeting { $number } was cancelled; support needs cannot be stated. Nothing was changed.
needs-refused-over = Meeting { $number } has started or ended; support needs can no longer be changed. Nothing was changed.
needs-refused-not-member = To state support needs, join the network first: type /join in the network's group.
needs-refused-not-answered = Support needs are for those who said they will or may come. Please answer meeting { $number } first (/rsvp { $number } yes or /rsvp { $number } maybe), then state your needs. Nothing was changed.
needs-refused-answered-no = You said you cannot come to meeting { $number }; support needs are for those who will or may come. If you change your answer (/rsvp { $number } yes), you can state them. Nothing was changed.
needs-ask-interpretation-other = Which language do you need interpretation into for meeting { $number }? Please reply to this message (at most { $max } characters). What you write is passed on without your name; please do not write your name or anything that identifies you.
needs-ask-diet = What is your dietary need for meeting { $number } (for example vegetarian, gluten-free)? Please reply to this message (at most { $max } characters). What you write is passed on without your name; please do not write your name or anything that identifies you.
needs-placeholder-interpretation-other = For example Persian
needs-placeholder-diet = For example vegetarian
needs-totals = <b>Support needs</b> (totals, no names): { $totals }
needs-totals-none = No support needs stated so far.
needs-total = { $need }: { $count }
needs-total-texts = { $need }: { $count } ({ $texts })
needs-total-text-times = { $text } ×{ $count }
needs-eve =
    📋 <b>Meeting { $number } is tomorrow: where things stand</b>
    When: { $when }
    Venue: { $venue }

## Confidential venues
venue-confidential = { $district } · The address will be sent privately to those who confirmed
venue-confidential-no-district = The address will be sent privately to those who confirmed
meeting-venue-hidden = confidential
meeting-venue-confidential = 🔒 The address will be sent privately to those who confirmed.
meeting-venue-private-revealed = 🔒 This meeting's venue is confidential: the group and the invitation cards show only the district. Please do not share the address.
meeting-value-hidden = confidential (not shown in the group)
meeting-value-yes = yes
meeting-value-no = no
meeting-field-district = district
meeting-field-venue-private = confidential venue
meeting-edit-usage-venue = For a confidential venue: district (the district the group sees, e.g. Buca; none to remove it), venue_private (yes or no; yes: the venue and address are sent privately, only to those who confirmed)
meeting-edit-place-in-group = 🔒 Meeting { $number } has a confidential venue, so I did not show the new details here. Please delete your message in the group, and from now on send changes to the venue and address to me privately.
ics-venue-confidential = The address will be sent privately to those who confirmed.
minutes-fact-venue-confidential = Venue: { $district } (address kept confidential)
venue-reveal-heading = 🔒 <b>Venue of meeting { $number }</b>
venue-reveal-keep = I am sending this to you alone because you confirmed you are coming. The venue is confidential; please do not share the address with anyone.
venue-reveal-undelivered = ⚠️ The confidential address of meeting { $number } could not be delivered to { $name }. They may have blocked the bot or never started it; you may need to tell them the address in a safe way.
venue-private-on = 🔒 Meeting { $number } now has a confidential venue. The group, the invitation cards and the calendars of people who have not confirmed show only the district. The address will be sent privately to those who confirmed, { $hours } hours before the meeting ({ $when }).
venue-private-on-now = That time has passed, so the address is being sent privately now to the { $count } people who confirmed.
venue-private-on-district = District shown in the group: { $district }
venue-private-on-no-district = Add the district the group should see, for example: /meeting_edit { $number } district Buca
venue-private-already-on = The venue of meeting { $number } is already confidential.
venue-private-already-off = The venue of meeting { $number } is not confidential.
venue-private-confirm = Are you sure you want to make the venue of meeting { $number } public? The venue and address will be shown in the group, on the invitation cards and in calendars. Press the button below to confirm.
venue-private-confirm-button = Yes, make the venue public
venue-private-off = 🔓 The venue of meeting { $number } is no longer confidential: the venue and address are shown in the group, on the invitation cards and in calendars.
venue-private-off-toast = The venue is now public.
venue-private-bad-value = For venue_private, write yes or no, for example: /meeting_edit { $number } venue_private yes
venue-private-held = This meeting is over; whether its venue is confidential can no longer be changed.
network-settings-venue-reveal = Confidential venues are sent: { $hours } hours before the meeting
network-set-usage-venue-reveal = venue_reveal_hours (how many hours before a meeting with a confidential venue those who confirmed are sent the address, 1–336; default 48)
network-set-bad-reveal-hours = The hours must be a whole number between { $min } and { $max }, for example: /network_set venue_reveal_hours 48
needs-total-more-texts = …and { $count } more

venue-private-on-host = The host organisation's name still shows in the group and on the cards; keep that in mind if the meeting is at its known address.

## Task check-ins: owners are asked before a meeting how their tasks stand (by DM)
task-status-open = ⚪ No status reported
task-status-in-progress = ⏳ In progress
task-status-blocked = ⛔ Blocked
task-status-done = ✅ Done
task-status-blocked-because = { $status }: { $reason }
task-organisation-none = No organisation given
task-checkin-heading = 📋 <b>Task check-in</b> — meeting { $number } is coming up ({ $when }).
task-checkin-heading-fallback = 📋 <b>Task check-in</b> — 30 days have passed since meeting { $number }.
task-checkin-task-person = Your task from meeting { $number }:
task-checkin-task-organisation = Your organisation's ({ $organisation }) task from meeting { $number }:
task-checkin-due = Due: { $due }
task-checkin-no-due = No due date given
task-checkin-gone = This task was removed from the minutes; there is no need to report on it.
task-checkin-done = ✅ This task is recorded as done. Thank you!
task-checkin-current = Last reported status: { $status }
task-checkin-question = How does this task stand? Just press one of the buttons below.
task-checkin-question-again = If it changes, you can press one of the buttons again.
task-checkin-one-answer = An answer from one of your organisation's contacts is enough.
task-checkin-button-done = ✅ Done
task-checkin-button-progress = ⏳ In progress
task-checkin-button-blocked = ⛔ Blocked
task-checkin-unknown = This task no longer exists (it may have been removed from the minutes); nothing was changed.
task-checkin-already-done = This task was already done; nothing was changed.
task-checkin-not-owner = Only the task's owner (or a member of the owning organisation) can report its status; nothing was changed.
task-checkin-ask-reason = What is blocking task #{ $id }? Please reply to this message in one line (at most { $max } characters); it also appears, with names withheld, on the next meeting's card. To stop, send /cancel_dialog.
task-checkin-reason-placeholder = For example: no venue booked yet
task-checkin-reason-empty = I could not read a reason; please write a short sentence. To stop, send /cancel_dialog.
reason-too-long = That is too long ({ $length } characters); at most { $max } characters. Please shorten it and send it again.
task-checkin-saved-done = ✅ Thank you, the task is recorded as done.
task-checkin-saved-progress = ⏳ Thank you, the task is recorded as in progress.
task-checkin-saved-blocked = ⛔ Thank you; the blocker on task #{ $id } is recorded. The organisers will see it before the meeting; it also appears, with names withheld, on the next meeting's card.
task-summary-heading = 📋 <b>Task status before meeting { $number }</b> ({ $when })
task-summary-totals = In all: { $done } done · { $progress } in progress · { $blocked } blocked · { $silent } no answer
task-summary-done = ✅ Done ({ $count })
task-summary-in-progress = ⏳ In progress ({ $count })
task-summary-blocked = ⛔ Blocked ({ $count })
task-summary-no-answer = ❔ No answer ({ $count })
task-summary-last = last reported: { $status }
minutes-section-follow-up = Tasks from earlier meetings

# Decision register (/decisions, /decision_supersede) and objections to minutes ("I object", /objection_resolve).
cmd-decisions = The network's decision register; search it with a word: /decisions Karşıyaka
cmd-decision-supersede = Record that a later decision replaces an earlier one: /decision_supersede 25/3 27/1
cmd-objection-resolve = Answer an objection to the minutes
decision-number-of = { $number }{ $suffix ->
   *[other] {""}
}
decision-replaces = replaces { $numbers }
decision-replaced-by = replaced by { $number }
decision-register-heading = Decision register (up to meeting { $number })
decision-register-empty = No decisions recorded yet.
decisions-heading = 📚 <b>Decision register</b> ({ $count } decisions, newest first)
decisions-heading-found = 🔎 <b>Decisions matching your search</b> ({ $count })
decisions-none = No decisions in published minutes yet. Decisions are numbered when the minutes are published with /minutes_publish.
decisions-none-found = No decision matches your search. Type /decisions for all of them.
decisions-replaced-heading = <i>Decisions replaced by later ones</i>
decisions-usage = Usage: /decisions or /decisions <word to search for>, e.g. /decisions Karşıyaka; for one decision /decisions 25/3
decision-supersede-usage = Usage: /decision_supersede <old decision> <new decision>, e.g. /decision_supersede 25/3 27/1 (/decisions shows the numbers)
decision-supersede-done = ✅ Recorded: decision { $new } replaces decision { $old }.
decision-supersede-unknown = There is no decision { $number }; nothing was changed. Type /decisions to see the decisions and their numbers.
decision-supersede-same = A decision cannot replace itself; give two different decision numbers, e.g. /decision_supersede 25/3 27/1
decision-supersede-older = Decision { $new } was taken before decision { $old }; only a later decision can replace an earlier one. Give the old decision first, then the new one; nothing was changed.
decision-supersede-already = Decision { $old } has already been replaced by decision { $by }; nothing was changed.
decision-supersede-replacement-replaced = Decision { $new } has itself been replaced by decision { $by }; please give the current decision's number. Nothing was changed.
minutes-kind-decision-numbered = [Decision { $number }]
minutes-approve-objections = There were { $count } objections to these minutes; { $unresolved ->
    [0] all of them were answered.
   *[other] { $unresolved } were approved without an answer.
} The approved minutes are being sent to the organisers as files.
minutes-approve-stale = This approval button is out of date: a new version was published or a new objection came in. Please type /minutes_approve { $number } again.
minutes-approved-caption = Minutes of meeting { $number }, version { $version } (approved)
minutes-file-approved = approved
approve-confirm-heading = ⚠️ { $count } objections to the minutes of meeting { $number } have not been answered yet:
approve-confirm-line = • #{ $number } ({ $about }): { $text }
approve-confirm-question = You can answer them with /objection_resolve { $number } &lt;objection no&gt; &lt;answer&gt; or approve the minutes anyway. Unanswered objections appear in the approved minutes as “approved without an answer”.
approve-confirm-button = ✅ Approve anyway
approval-heading = Approval
approval-when = Approved: { $when }
approval-objections = { $count ->
    [0] There were no objections to these minutes.
   *[other] Objections: { $count } ({ $resolved } answered, { $unresolved } approved without an answer)
}
objection-record-line = #{ $number } (version { $version }, { $about }): “{ $text }” — { $answer }
objection-record-resolved = answer: { $resolution }
objection-record-unresolved = approved without an answer
objection-about-entry = entry { $entry }
objection-about-all = the minutes as a whole
objection-button = ✋ I object
objection-members-only = Only members of the network can object to the minutes.
objection-window-closed = The period for objections to the minutes of meeting { $number } has ended (it ended { $when }). If there is something you want to raise, you can write to the organisers directly.
objection-not-published = The minutes of meeting { $number } have not been published yet.
objection-approved = The minutes of meeting { $number } have been approved; objections are no longer taken.
objection-cancelled = Meeting { $number } was cancelled; it has no minutes to object to.
objection-ask =
    ✋ <b>Objection to the minutes of meeting { $number }</b> (version { $version })
    Write your objection as one reply to this message (at most { $max } characters). If it concerns a particular entry, start with its number, e.g. <i>3: the decision is worded wrongly</i>
    Your objection goes privately to the organisers and the minute-taker only. Type /cancel_dialog to drop it.
objection-placeholder = 3: your objection…
objection-asked-privately = I have sent you a private message; you can write your objection there.
objection-start-me = I could not write to you privately. Open a private chat with @{ $bot } and type /start, then press the button again.
objection-empty = An objection cannot be empty; please write your objection (an entry number needs an explanation after it too).
objection-too-long = Your objection is too long ({ $length } characters); at most { $max } are allowed. Please shorten it and send it again.
objection-unknown-entry = The published minutes of meeting { $number } have no entry { $entry }. Correct the entry number, or write without one.
objection-recorded = ✅ Your objection has been recorded (meeting { $number }, version { $version }, objection #{ $objection }). It is going privately to the organisers and the minute-taker; I will tell you when it is answered.
objection-window-open = ✋ Objections are open until: { $when }
objection-card-heading = <b>Objections</b> ({ $count }; { $open ->
    [0] all answered
   *[other] { $open } waiting for an answer
})
objection-card-line =
    #{ $number } · { $about } · version { $version } · { $who }
    { $text }
    { $state }
objection-state-open = ⏳ Waiting for an answer
objection-state-resolved = ✅ Answer: { $resolution }
objection-objector-erased = (erased person)
objection-notice-heading = ✋ <b>Objection to the minutes of meeting { $number }</b> (#{ $objection }, version { $version })
objection-notice-from = From: { $who }
objection-notice-entry = Entry objected to, { $entry }: { $text }
objection-notice-how = To answer: /objection_resolve { $number } { $objection } &lt;your answer&gt;
objection-answer-heading = 📝 <b>Your objection (#{ $objection }) to the minutes of meeting { $number } has been answered:</b>
objection-answer-yours = Your objection: <i>{ $text }</i>
objection-resolve-usage = Usage: /objection_resolve <meeting> <objection no> <answer>, e.g. /objection_resolve 25 2 The decision was corrected in version 3. Type /minutes 25 to me privately to see the objections.
objection-resolve-too-long = The answer is too long ({ $length } characters); at most { $max } are allowed.
objection-resolve-resolved = ✅ Objection #{ $objection } to the minutes of meeting { $number } has been answered; the answer is going privately to the person who objected.
objection-resolve-unknown = The minutes of meeting { $number } have no objection #{ $objection }. Type /minutes { $number } to me privately to see the objections.
objection-resolve-already = Objection #{ $objection } had already been answered; the answer was not changed.
objection-resolve-approved = The minutes of meeting { $number } have been approved; objections are closed and no new answers are recorded.
network-settings-objection-days = Objections to minutes: { $days } days after each version is published
network-set-usage-objection-days = objection_days (for how many days members may object to published minutes, 1–60; default 7)
network-set-bad-objection-days = The objection period must be a whole number of days between { $min } and { $max }, e.g. /network_set objection_days 7
reminder-kind-task-checkins = task owners asked how their tasks stand ({ $offset } before)
reminder-kind-task-summary = task status summary to organisers ({ $offset } before)
reminder-kind-task-checkin = task owner asked how it stands (30 days after the meeting)

objection-resolve-private-only = Answers to objections are between the organisers and the objector; please send /objection_resolve to me privately: { $link }
