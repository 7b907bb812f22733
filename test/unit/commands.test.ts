import { describe, expect, it } from "vitest";
import { commandsFor, type CommandSpec } from "../../src/bot/commands.ts";

const specs: CommandSpec[] = [
  { command: "start", description: "cmd-start", chats: ["private", "group"], organiserOnly: false },
  { command: "setup", description: "cmd-setup", chats: ["group"], organiserOnly: false },
  { command: "invite", description: "cmd-invite", chats: ["private", "group"], organiserOnly: true },
];

describe("commandsFor", () => {
  it("lists what a member may use in the chat they are in", () => {
    expect(commandsFor(specs, "private", false).map((s) => s.command)).toEqual(["start"]);
    expect(commandsFor(specs, "group", false).map((s) => s.command)).toEqual(["start", "setup"]);
  });
  it("adds organiser commands for organisers", () => {
    expect(commandsFor(specs, "private", true).map((s) => s.command)).toEqual(["start", "invite"]);
  });
});
