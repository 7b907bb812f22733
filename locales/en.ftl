# ortak — English

## /start
start-private =
    Hello { $name }! I am ortak.
    I help your network run its numbered meetings together: I send the invitations and collect the answers, keep track of the hosting rotation, attendance, minutes and action items, and deliver reminders on time.
    I can now message you privately too. Type /help for the commands you can use.
start-group =
    Hello! I am ortak; I run this network's meetings, invitations and reminders.
    Type /help for the commands. Anyone who wants reminders in private, send me /start in a private message.

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
unhandled-private = I did not understand that. Type /help for the commands you can use.
unhandled-command = I do not know the command { $command }. Type /help for the list of commands.
callback-stale = This button is no longer valid.
