import { describe, expect, it } from "vitest";
import { FeatureComposer } from "../../src/features/feature.ts";

describe("a feature's buttons", () => {
  it("claims exactly the data its callbackQuery handlers match, as grammY matches it", () => {
    const composer = new FeatureComposer();
    composer.callbackQuery(/^rsvp:/, () => undefined);
    composer.callbackQuery(["relink", /^host:w:(\d{1,9})$/g], () => undefined);
    expect(composer.answersButton("rsvp:25:y")).toBe(true);
    expect(composer.answersButton("relink")).toBe(true);
    expect(composer.answersButton("relink:1")).toBe(false);
    // A global pattern is matched from the start each time, and left at the start for grammY.
    expect(composer.answersButton("host:w:1")).toBe(true);
    expect(composer.answersButton("host:w:1")).toBe(true);
    expect(composer.answersButton("poll:1:1:y")).toBe(false);
  });

  it("claims nothing without callbackQuery handlers", () => {
    const composer = new FeatureComposer();
    composer.command("help", () => undefined);
    composer.on("callback_query", () => undefined);
    expect(composer.answersButton("rsvp:25:y")).toBe(false);
  });
});
