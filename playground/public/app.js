// The playground page: plays every person of the demo world against the bot.
// Message text is untrusted (users type it, the bot echoes it), so it is only ever turned into
// text nodes and elements built here; nothing from a message goes through innerHTML.

const TIME_ZONE = "Europe/Istanbul";
const TOAST_MS = 3000;
const SAFE_LINK_PROTOCOLS = new Set(["http:", "https:", "tg:"]);
const STORAGE = { lang: "ortak-playground-lang", person: "ortak-playground-person", tab: "ortak-playground-tab", introSeen: "ortak-playground-intro-seen" };
const NEAR_BOTTOM_PX = 120;
const RECONNECT_MS = 3000;
const SENDER_COLOURS = 7;

/** Everything the page knows; the DOM is rebuilt from it. */
const state = {
  strings: /** @type {Record<string, string>} */ ({}),
  lang: readStored(STORAGE.lang) === "en" ? "en" : "tr",
  world: /** @type {null | { bot: any, group: any, people: any[] }} */ (null),
  /** chatId (string) → messages sorted by id */
  chats: /** @type {Map<string, any[]>} */ (new Map()),
  /** chatId (string) → pinned message ids, most recent last */
  pinned: /** @type {Map<string, number[]>} */ (new Map()),
  personId: /** @type {number | null} */ (null),
  tab: /** @type {"group" | "private"} */ (readStored(STORAGE.tab) === "private" ? "private" : "group"),
  replyTo: /** @type {null | { chatId: number, id: number }} */ (null),
  /** the open reply was opened by the bot's force_reply, not by the person (so it may close by itself) */
  replyForced: false,
  /** "personId:chatId:messageId" of forced replies the person closed: they stay closed */
  dismissedForcedReplies: /** @type {Set<string>} */ (new Set()),
  /** "personId:chatId" → unsent composer text */
  drafts: /** @type {Map<string, string>} */ (new Map()),
  /** chatId (string) → messages that arrived while that chat was not on screen */
  unread: /** @type {Map<string, number>} */ (new Map()),
  worldSnapshot: "",
  /** world fetches run one after another; events that arrive meanwhile wait for the result */
  worldLoads: Promise.resolve(),
  loadingWorld: false,
  sending: false,
  pendingEvents: /** @type {Array<() => void>} */ ([]),
  toastTimer: /** @type {number | undefined} */ (undefined),
};

const $ = (/** @type {string} */ selector) => /** @type {HTMLElement} */ (document.querySelector(selector));
const elements = {
  person: /** @type {HTMLSelectElement} */ ($("#person")),
  messages: $("#messages"),
  composer: /** @type {HTMLTextAreaElement} */ ($("#composer")),
  send: /** @type {HTMLButtonElement} */ ($("#send")),
  error: $("#error"),
  toast: $("#toast"),
  alert: /** @type {HTMLDialogElement} */ ($("#alert")),
  alertText: $("#alert-text"),
  alertOk: $("#alert-ok"),
  pinned: $("#pinned"),
  pinnedText: $("#pinned-text"),
  replying: $("#replying"),
  replyingName: $("#replying-name"),
  replyingPreview: $("#replying-preview"),
  cancelReply: $("#cancel-reply"),
  reset: $("#reset"),
  lang: $("#lang"),
  help: $("#help"),
  intro: $("#intro"),
  introText: $("#intro-text"),
  introClose: $("#intro-close"),
  avatar: $("#avatar"),
  personLanguage: $("#person-language"),
  groupTitle: $("#group-title"),
  botName: $("#bot-name"),
  elsewhere: $("#elsewhere"),
  elsewherePeople: $("#elsewhere-people"),
  status: $("#status"),
};

/** On a phone the intro shows its first lines only; this opens the rest (index.html has no place for it, so it is made here). */
const introMore = el("button", "pill-button intro-more");
introMore.type = "button";
introMore.setAttribute("aria-expanded", "false");
elements.intro.insertBefore(introMore, elements.introClose);

// ---------------------------------------------------------------- small helpers

function readStored(/** @type {string} */ key) {
  try { return localStorage.getItem(key); } catch { return null; }
}

function store(/** @type {string} */ key, /** @type {string} */ value) {
  try { localStorage.setItem(key, value); } catch { /* private mode: the choice just isn't remembered */ }
}

/** A page string; a missing key shows itself so it gets noticed and added to the .ftl files. */
function t(/** @type {string} */ key) {
  return state.strings[key] ?? key;
}

function locale() {
  return state.lang === "en" ? "en-GB" : "tr-TR";
}

/** @template {keyof HTMLElementTagNameMap} K */
function el(/** @type {K} */ tag, /** @type {string} */ className = "", /** @type {string | undefined} */ text = undefined) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function chatKey(/** @type {number} */ chatId) {
  return String(chatId);
}

function currentPerson() {
  return state.world?.people.find((person) => person.id === state.personId) ?? null;
}

function currentChatId() {
  if (!state.world) return null;
  return state.tab === "group" ? state.world.group.id : state.personId;
}

function messagesOf(/** @type {number} */ chatId) {
  return state.chats.get(chatKey(chatId)) ?? [];
}

function findMessage(/** @type {number} */ chatId, /** @type {number} */ id) {
  return messagesOf(chatId).find((message) => message.id === id) ?? null;
}

function senderName(/** @type {any} */ message) {
  if (message.from?.bot) return state.world?.bot.name ?? "bot";
  return message.from?.name ?? "";
}

function senderColour(/** @type {any} */ message) {
  const id = message.from?.bot ? state.world?.bot.id ?? 0 : message.from?.userId ?? 0;
  return Math.abs(Number(id)) % SENDER_COLOURS;
}

function initials(/** @type {string} */ name) {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.slice(0, 2).map((word) => Array.from(word)[0] ?? "");
  return letters.join("").toLocaleUpperCase(locale());
}

function firstLine(/** @type {any} */ message) {
  const raw = message.text ?? message.caption ?? message.document?.fileName ?? message.service ?? "";
  const line = raw.split("\n").find((/** @type {string} */ part) => part.trim() !== "") ?? "";
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

function formatTime(/** @type {number} */ unixSeconds) {
  return new Date(unixSeconds * 1000).toLocaleTimeString(locale(), { hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE });
}

function formatDay(/** @type {number} */ unixSeconds) {
  return new Date(unixSeconds * 1000).toLocaleDateString(locale(), { day: "numeric", month: "long", year: "numeric", timeZone: TIME_ZONE });
}

function formatFullDate(/** @type {number} */ unixSeconds) {
  return new Date(unixSeconds * 1000).toLocaleString(locale(), { dateStyle: "full", timeStyle: "short", timeZone: TIME_ZONE });
}

function formatSize(/** @type {number} */ bytes) {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toLocaleString(locale(), { maximumFractionDigits: digits })} ${units[unit]}`;
}

/** Only http(s) and tg links become links; anything else (javascript:, data:, …) stays text. */
function safeHref(/** @type {string} */ candidate) {
  try {
    const url = new URL(candidate);
    return SAFE_LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Telegram finds bare "example.org/x" as a url entity; clients open it as http. */
function hrefForUrlEntity(/** @type {string} */ text) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return safeHref(text);
  return /^[\w.-]+\.[a-z]{2,}/i.test(text) ? safeHref(`http://${text}`) : null;
}

// ---------------------------------------------------------------- entities → DOM

/**
 * Builds the rendered text from Telegram entities. Entities are sorted by start, longer first,
 * and nested into a tree; a range that sticks out of its parent (Telegram forbids it, but the
 * page must not break) is cut at the parent's end and its rest is placed after it.
 */
function renderRichText(/** @type {string} */ text, /** @type {any[] | undefined} */ entities) {
  const fragment = document.createDocumentFragment();
  const root = { entity: null, start: 0, end: text.length, children: /** @type {any[]} */ ([]) };
  const queue = normaliseEntities(text, entities ?? []);
  const openNodes = [root];
  for (let index = 0; index < queue.length; index += 1) {
    const entity = queue[index];
    while (openNodes.length > 1 && openNodes[openNodes.length - 1].end <= entity.start) openNodes.pop();
    const parent = openNodes[openNodes.length - 1];
    const end = Math.min(entity.end, parent.end);
    if (entity.end > parent.end) insertByStart(queue, index + 1, { ...entity, start: parent.end });
    const node = { entity, start: entity.start, end, children: [] };
    parent.children.push(node);
    openNodes.push(node);
  }
  appendNode(fragment, root, text);
  return fragment;
}

function normaliseEntities(/** @type {string} */ text, /** @type {any[]} */ entities) {
  const ranges = entities
    .filter((entity) => entity && typeof entity.type === "string" && Number.isInteger(entity.offset) && Number.isInteger(entity.length))
    .map((entity, order) => ({
      ...entity,
      order,
      start: Math.max(0, Math.min(entity.offset, text.length)),
      end: Math.max(0, Math.min(entity.offset + entity.length, text.length)),
    }))
    .filter((entity) => entity.end > entity.start);
  // <pre><code class="language-x"> arrives as pre + code over the same range: one code block.
  const merged = ranges.filter((range) => {
    if (range.type !== "code") return true;
    const pre = ranges.find((other) => other.type === "pre" && other.start === range.start && other.end === range.end);
    if (!pre) return true;
    if (!pre.language && range.language) pre.language = range.language;
    return false;
  });
  return merged.sort(compareRanges);
}

function compareRanges(/** @type {any} */ a, /** @type {any} */ b) {
  return a.start - b.start || b.end - a.end || a.order - b.order;
}

function insertByStart(/** @type {any[]} */ queue, /** @type {number} */ from, /** @type {any} */ range) {
  let at = from;
  while (at < queue.length && compareRanges(queue[at], range) <= 0) at += 1;
  queue.splice(at, 0, range);
}

function appendNode(/** @type {Node} */ target, /** @type {any} */ node, /** @type {string} */ text) {
  let cursor = node.start;
  for (const child of node.children) {
    if (child.start > cursor) target.appendChild(document.createTextNode(text.slice(cursor, child.start)));
    const { outer, inner } = elementForEntity(child.entity, text.slice(child.start, child.end));
    appendNode(inner, child, text);
    target.appendChild(outer);
    cursor = child.end;
  }
  if (node.end > cursor) target.appendChild(document.createTextNode(text.slice(cursor, node.end)));
}

/** @returns {{ outer: HTMLElement, inner: HTMLElement }} */
function elementForEntity(/** @type {any} */ entity, /** @type {string} */ covered) {
  const same = (/** @type {HTMLElement} */ node) => ({ outer: node, inner: node });
  switch (entity.type) {
    case "bold": return same(el("strong"));
    case "italic": return same(el("em"));
    case "underline": return same(el("u"));
    case "strikethrough": return same(el("s"));
    case "spoiler": {
      const spoiler = el("span", "spoiler");
      spoiler.tabIndex = 0;
      spoiler.title = t("playground-spoiler");
      return same(spoiler);
    }
    case "code": return same(el("code", "inline-code"));
    case "pre": {
      const pre = el("pre", "code-block");
      const code = el("code");
      if (typeof entity.language === "string" && entity.language !== "") {
        pre.dataset.language = entity.language;
        code.className = `language-${entity.language.replace(/[^\w+#.-]/g, "")}`;
      }
      pre.appendChild(code);
      return { outer: pre, inner: code };
    }
    case "text_link": return same(linkOrSpan(typeof entity.url === "string" ? safeHref(entity.url) : null, entity.url));
    case "url": return same(linkOrSpan(hrefForUrlEntity(covered), undefined));
    case "blockquote": return same(el("blockquote", "quote"));
    case "expandable_blockquote": {
      const quote = el("blockquote", "quote expandable");
      const toggle = el("button", "quote-toggle");
      toggle.type = "button";
      toggle.setAttribute("aria-label", t("playground-quote-expand"));
      toggle.setAttribute("aria-expanded", "false");
      const body = el("span", "quote-body");
      quote.append(body, toggle);
      return { outer: quote, inner: body };
    }
    case "mention":
    case "text_mention": return same(el("span", "mention"));
    case "hashtag":
    case "cashtag": return same(el("span", "hashtag"));
    case "bot_command": {
      const command = el("button", "bot-command");
      command.type = "button";
      command.dataset.command = covered;
      return same(command);
    }
    case "email":
    case "phone_number": return same(el("span", "contact"));
    default: return same(el("span", `entity-${String(entity.type).replace(/[^\w-]/g, "")}`));
  }
}

function linkOrSpan(/** @type {string | null} */ href, /** @type {string | undefined} */ shownUrl) {
  if (!href) return el("span", "unsafe-link");
  const link = el("a", "link");
  link.href = href;
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  // A text link hides its target; showing it on hover is what protects against look-alike links.
  if (shownUrl) link.title = shownUrl;
  return link;
}

// ---------------------------------------------------------------- message → DOM

function renderMessage(/** @type {any} */ message) {
  const chatId = message.chatId;
  const isGroup = state.world !== null && chatId === state.world.group.id;
  const own = !message.from?.bot && message.from?.userId === state.personId;

  const row = el("article", "message");
  row.dataset.chatId = String(chatId);
  row.dataset.messageId = String(message.id);

  if (typeof message.service === "string") {
    row.classList.add("service");
    const pill = el("div", "service-pill");
    pill.appendChild(el("span", "message-text", message.service));
    row.append(pill, renderReactions(message.reactions ?? []));
    return row;
  }

  row.classList.add(own ? "outgoing" : "incoming");
  if (message.from?.bot) row.classList.add("from-bot");

  if (!own && isGroup) {
    const avatar = el("span", `avatar small colour-${senderColour(message)}`, initials(senderName(message)));
    avatar.setAttribute("aria-hidden", "true");
    row.appendChild(avatar);
  }

  const column = el("div", "message-column");
  const bubble = el("div", "bubble");

  if (!own) bubble.appendChild(el("div", `sender colour-${senderColour(message)}`, senderName(message)));
  if (message.replyTo) bubble.appendChild(renderReplyPreview(message));
  if (message.document) bubble.appendChild(renderDocument(message.document));

  const body = message.text ?? message.caption;
  if (typeof body === "string") {
    const text = el("div", "message-text");
    text.appendChild(renderRichText(body, message.text !== undefined ? message.entities : message.captionEntities));
    bubble.appendChild(text);
  } else if (!message.document) {
    bubble.appendChild(el("div", "message-text unsupported", t("playground-unsupported")));
  }

  const meta = el("div", "meta");
  if (message.edited) meta.appendChild(el("span", "edited", t("playground-edited")));
  const lastText = bubble.lastElementChild;
  if (lastText?.classList.contains("message-text")) {
    // Reserves room for the time on the text's last line; the words come from CSS, so the
    // spacer adds nothing to the message's text.
    const spacer = el("span", "meta-spacer");
    spacer.setAttribute("aria-hidden", "true");
    spacer.dataset.meta = `${message.edited ? `${t("playground-edited")}  ` : ""}${formatTime(message.date)}`;
    lastText.appendChild(spacer);
    bubble.classList.add("meta-overlay");
  }
  const time = el("time", "time", formatTime(message.date));
  time.dateTime = new Date(message.date * 1000).toISOString();
  time.title = formatFullDate(message.date);
  meta.appendChild(time);
  bubble.appendChild(meta);

  column.appendChild(bubble);
  column.appendChild(renderReactions(message.reactions ?? []));
  if (Array.isArray(message.buttons) && message.buttons.length > 0) column.appendChild(renderKeyboard(message.buttons));

  const reply = el("button", "reply-to", "↩");
  reply.type = "button";
  reply.title = t("playground-reply");
  reply.setAttribute("aria-label", t("playground-reply"));

  row.append(column, reply);
  return row;
}

function renderReplyPreview(/** @type {any} */ message) {
  const preview = el("button", "reply-preview");
  preview.type = "button";
  preview.dataset.target = String(message.replyTo.id);
  const original = findMessage(message.chatId, message.replyTo.id);
  if (original) {
    preview.classList.add(`colour-${senderColour(original)}`);
    preview.appendChild(el("span", "reply-preview-name", senderName(original)));
  }
  preview.appendChild(el("span", "reply-preview-text", String(message.replyTo.preview ?? "")));
  return preview;
}

function renderDocument(/** @type {any} */ document_) {
  const link = el("a", "document");
  link.href = `/api/files/${encodeURIComponent(document_.fileId)}`;
  link.download = document_.fileName ?? "";
  link.title = t("playground-download");
  const icon = el("span", "document-icon", "⤓");
  icon.setAttribute("aria-hidden", "true");
  const details = el("span", "document-details");
  details.append(el("span", "document-name", document_.fileName ?? ""), el("span", "document-size", formatSize(Number(document_.size) || 0)));
  link.append(icon, details);
  return link;
}

function renderReactions(/** @type {string[]} */ reactions) {
  const list = el("div", "reactions");
  const counts = new Map();
  for (const emoji of reactions) counts.set(emoji, (counts.get(emoji) ?? 0) + 1);
  for (const [emoji, count] of counts) {
    const chip = el("span", "reaction");
    chip.append(el("span", "reaction-emoji", emoji));
    if (count > 1) chip.append(el("span", "reaction-count", String(count)));
    list.appendChild(chip);
  }
  return list;
}

function renderKeyboard(/** @type {any[][]} */ rows) {
  const keyboard = el("div", "inline-keyboard");
  for (const row of rows) {
    const line = el("div", "inline-row");
    for (const button of row) line.appendChild(renderInlineButton(button));
    keyboard.appendChild(line);
  }
  return keyboard;
}

function renderInlineButton(/** @type {any} */ button) {
  if (typeof button.url === "string") {
    const link = el("a", "inline-button url-button");
    const href = safeHref(button.url);
    if (href) {
      link.href = href;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      link.title = button.url;
    } else {
      link.setAttribute("aria-disabled", "true");
    }
    link.append(el("span", "inline-button-text", String(button.text ?? "")), el("span", "url-mark", "↗"));
    return link;
  }
  const pressable = el("button", "inline-button");
  pressable.appendChild(el("span", "inline-button-text", String(button.text ?? "")));
  pressable.type = "button";
  pressable.dataset.callback = String(button.data ?? "");
  // Kinds the playground cannot play (web apps, inline queries…) come without data.
  if (typeof button.data !== "string") pressable.disabled = true;
  return pressable;
}

function renderDaySeparator(/** @type {number} */ unixSeconds) {
  const separator = el("div", "day-separator");
  separator.appendChild(el("span", "", formatDay(unixSeconds)));
  return separator;
}

function dayOf(/** @type {number} */ unixSeconds) {
  return new Date(unixSeconds * 1000).toLocaleDateString("en-CA", { timeZone: TIME_ZONE });
}

// ---------------------------------------------------------------- chat view

function visibleMessages(/** @type {number} */ chatId) {
  return messagesOf(chatId).filter((message) => !message.deleted);
}

function renderChat() {
  const chatId = currentChatId();
  const container = elements.messages;
  container.replaceChildren();
  if (chatId === null || !state.world) return;
  container.dataset.chatId = String(chatId);

  if (state.tab === "group") container.appendChild(infoNote(t("playground-privacy-note")));
  const messages = visibleMessages(chatId);
  if (messages.length === 0) {
    container.appendChild(infoNote(t(state.tab === "group" ? "playground-empty-group" : "playground-empty-private"), "empty-chat"));
  }
  let previousDay = "";
  for (const message of messages) {
    const day = dayOf(message.date);
    if (day !== previousDay) container.appendChild(renderDaySeparator(message.date));
    previousDay = day;
    container.appendChild(renderMessage(message));
  }
  state.unread.delete(chatKey(chatId));
  renderPinnedBar();
  renderUnread();
  scrollToBottom();
}

/** A centred hint inside the chat; commands in it can be clicked like the bot's own. */
function infoNote(/** @type {string} */ text, /** @type {string} */ extraClass = "") {
  const note = el("div", `info-note ${extraClass}`.trim());
  const line = el("span");
  for (const part of text.split(/(\/[a-z_]+)/)) {
    if (!part.startsWith("/")) {
      line.appendChild(document.createTextNode(part));
      continue;
    }
    const command = el("button", "bot-command", part);
    command.type = "button";
    command.dataset.command = part;
    line.appendChild(command);
  }
  note.appendChild(line);
  return note;
}

function scrollToBottom() {
  elements.messages.scrollTop = elements.messages.scrollHeight;
}

function isNearBottom() {
  const box = elements.messages;
  return box.scrollHeight - box.scrollTop - box.clientHeight < NEAR_BOTTOM_PX;
}

function messageElement(/** @type {number} */ chatId, /** @type {number} */ id) {
  return /** @type {HTMLElement | null} */ (elements.messages.querySelector(`.message[data-chat-id="${chatId}"][data-message-id="${id}"]`));
}

function scrollToMessage(/** @type {number} */ chatId, /** @type {number} */ id) {
  const target = messageElement(chatId, id);
  if (!target) return;
  target.scrollIntoView({ block: "center", behavior: "smooth" });
  target.classList.remove("highlight");
  void target.offsetWidth; // restart the highlight animation
  target.classList.add("highlight");
}

function renderPinnedBar() {
  const chatId = currentChatId();
  const ids = chatId === null ? [] : state.pinned.get(chatKey(chatId)) ?? [];
  const latest = [...ids].reverse()
    .map((id) => findMessage(/** @type {number} */ (chatId), id))
    .find((message) => message && !message.deleted);
  elements.pinned.hidden = !latest;
  if (!latest) return;
  elements.pinned.dataset.messageId = String(latest.id);
  elements.pinnedText.textContent = firstLine(latest);
}

// ---------------------------------------------------------------- header: person, tabs, unread

function personLabel(/** @type {any} */ person) {
  const role = person.role === "coordinator" ? ` (${t("playground-coordinator")})` : "";
  return `${person.name} — ${person.organisation}${role}`;
}

function renderPeople() {
  if (!state.world) return;
  const select = elements.person;
  select.replaceChildren();
  for (const person of state.world.people) {
    const option = el("option", "", personLabel(person));
    option.value = String(person.id);
    select.appendChild(option);
  }
  select.value = String(state.personId);
  renderIdentity();
}

function renderIdentity() {
  const person = currentPerson();
  elements.avatar.textContent = person ? initials(person.name) : "";
  elements.avatar.className = `avatar colour-${person ? Math.abs(person.id) % SENDER_COLOURS : 0}`;
  elements.personLanguage.textContent = person ? person.language.toUpperCase() : "";
  elements.personLanguage.title = person ? `${t("playground-telegram-language")}: ${t(`playground-language-${person.language}`)}` : "";
}

function renderTabs() {
  for (const tab of document.querySelectorAll("[data-chat]")) {
    tab.setAttribute("aria-selected", String(tab.getAttribute("data-chat") === state.tab));
  }
  if (!state.world) return;
  elements.groupTitle.textContent = state.world.group.title;
  elements.botName.textContent = state.world.bot.username ? `@${state.world.bot.username}` : state.world.bot.name;
}

function renderUnread() {
  if (!state.world) return;
  const groupBadge = /** @type {HTMLElement} */ (document.querySelector('[data-unread-for="group"]'));
  const privateBadge = /** @type {HTMLElement} */ (document.querySelector('[data-unread-for="private"]'));
  setBadge(groupBadge, state.unread.get(chatKey(state.world.group.id)) ?? 0);
  setBadge(privateBadge, state.personId === null ? 0 : state.unread.get(chatKey(state.personId)) ?? 0);

  const others = state.world.people.filter((person) => person.id !== state.personId && (state.unread.get(chatKey(person.id)) ?? 0) > 0);
  elements.elsewhere.hidden = others.length === 0;
  elements.elsewherePeople.replaceChildren(...others.map((person) => {
    const chip = el("button", "person-chip");
    chip.type = "button";
    chip.dataset.personId = String(person.id);
    chip.append(el("span", "", person.name), el("span", "badge", String(state.unread.get(chatKey(person.id)))));
    return chip;
  }));
}

function setBadge(/** @type {HTMLElement} */ badge, /** @type {number} */ count) {
  badge.hidden = count === 0;
  badge.textContent = count > 99 ? "99+" : String(count);
}

function switchTo(/** @type {number} */ personId, /** @type {"group" | "private"} */ tab) {
  saveDraft();
  state.personId = personId;
  state.tab = tab;
  state.replyTo = null;
  state.replyForced = false;
  store(STORAGE.person, String(personId));
  store(STORAGE.tab, tab);
  elements.person.value = String(personId);
  clearError();
  renderIdentity();
  renderTabs();
  renderReplying();
  loadDraft();
  // Before the chat is drawn: the reply bar takes room, and the chat then scrolls to its end.
  syncForcedReply();
  renderChat();
}

function draftKey() {
  return `${state.personId}:${currentChatId()}`;
}

function saveDraft() {
  if (state.personId === null) return;
  const text = elements.composer.value;
  if (text) state.drafts.set(draftKey(), text);
  else state.drafts.delete(draftKey());
}

function loadDraft() {
  elements.composer.value = state.drafts.get(draftKey()) ?? "";
  fitComposer();
}

// ---------------------------------------------------------------- strings and static chrome

async function loadStrings() {
  state.strings = await getJson(`/api/strings?lang=${state.lang}`);
  document.documentElement.lang = state.lang;
  document.title = t("playground-title");
  for (const node of document.querySelectorAll("[data-string]")) node.textContent = t(node.getAttribute("data-string") ?? "");
  elements.introText.textContent = t("playground-intro");
  renderIntroMore();
  elements.composer.placeholder = t("playground-composer-placeholder");
  elements.composer.setAttribute("aria-label", t("playground-composer-placeholder"));
  elements.send.textContent = t("playground-send");
  elements.reset.textContent = t("playground-reset");
  elements.lang.textContent = t("playground-lang-button");
  elements.lang.title = t("playground-lang-label");
  elements.lang.setAttribute("aria-label", t("playground-lang-label"));
  elements.help.title = t("playground-help");
  elements.help.setAttribute("aria-label", t("playground-help"));
  elements.cancelReply.title = t("playground-cancel-reply");
  elements.cancelReply.setAttribute("aria-label", t("playground-cancel-reply"));
  document.querySelector(".tabs")?.setAttribute("aria-label", t("playground-chats"));
  elements.pinned.title = t("playground-go-to-message");
}

/** Strings change the words inside messages too ("edited", dates), so everything is redrawn. */
async function switchLanguage() {
  state.lang = state.lang === "tr" ? "en" : "tr";
  store(STORAGE.lang, state.lang);
  try {
    await loadStrings();
  } catch (error) {
    showError(errorText(error));
    return;
  }
  renderAll();
}

function renderAll() {
  renderPeople();
  renderTabs();
  syncForcedReply();
  renderChat();
}

function showIntro(/** @type {boolean} */ visible) {
  elements.intro.hidden = !visible;
  elements.help.setAttribute("aria-expanded", String(visible));
  renderIntroMore();
}

function toggleIntroMore() {
  const expanded = elements.intro.classList.toggle("expanded");
  introMore.setAttribute("aria-expanded", String(expanded));
  renderIntroMore();
}

/** The "read more" button shows only where the intro is cut short (narrow screens, see style.css). */
function renderIntroMore() {
  const expanded = elements.intro.classList.contains("expanded");
  introMore.textContent = t(expanded ? "playground-intro-less" : "playground-intro-more");
  if (elements.intro.hidden) return;
  introMore.hidden = false; // measured with the button in place, as it will be shown
  const cut = elements.introText.scrollHeight > elements.introText.clientHeight + 1;
  introMore.hidden = !expanded && !cut;
}

// ---------------------------------------------------------------- world and live events

async function loadWorld() {
  const world = await getJson("/api/world");
  const snapshot = JSON.stringify(world);
  if (snapshot === state.worldSnapshot) return;
  state.worldSnapshot = snapshot;
  state.world = { bot: world.bot, group: world.group, people: world.people ?? [] };
  state.chats = new Map(Object.entries(world.chats ?? {}).map(([chatId, messages]) => [chatId, [...messages].sort((a, b) => a.id - b.id)]));
  state.pinned = new Map(Object.entries(world.pinned ?? {}));
  state.unread = new Map();
  const personGone = !state.world.people.some((person) => person.id === state.personId);
  if (personGone) {
    const remembered = Number(readStored(STORAGE.person));
    const coordinator = state.world.people.find((person) => person.role === "coordinator");
    const fallback = coordinator ?? state.world.people[0];
    state.personId = state.world.people.some((person) => person.id === remembered) ? remembered : fallback?.id ?? null;
  }
  if (state.replyTo && !findMessage(state.replyTo.chatId, state.replyTo.id)) {
    state.replyTo = null;
    state.replyForced = false;
  }
  renderAll();
  // A refreshed world must not wipe what is being typed; only a different person gets their own draft.
  if (personGone) loadDraft();
}

function applyMessage(/** @type {any} */ message) {
  state.worldSnapshot = ""; // the state no longer matches the last fetched world
  const key = chatKey(message.chatId);
  const list = state.chats.get(key) ?? [];
  const index = list.findIndex((existing) => existing.id === message.id);
  const isNew = index === -1;
  if (isNew) {
    list.push(message);
    list.sort((a, b) => a.id - b.id);
  } else {
    list[index] = message;
  }
  state.chats.set(key, list);

  if (message.chatId !== currentChatId()) {
    const fromSomeoneElse = message.from?.bot || message.from?.userId !== state.personId;
    if (isNew && !message.deleted && fromSomeoneElse) state.unread.set(key, (state.unread.get(key) ?? 0) + 1);
    renderUnread();
    return;
  }
  const stayAtBottom = isNearBottom() || (!message.from?.bot && message.from?.userId === state.personId);
  const existing = messageElement(message.chatId, message.id);
  const visible = visibleMessages(message.chatId);
  const isLast = visible.length > 0 && visible[visible.length - 1].id === message.id;
  if (message.deleted) {
    if (existing) renderChatKeepingScroll(stayAtBottom);
  } else if (existing) {
    existing.replaceWith(renderMessage(message));
    refreshReplyPreviews(message);
  } else if (isLast && visible.length > 1) {
    const previous = visible[visible.length - 2];
    if (dayOf(previous.date) !== dayOf(message.date)) elements.messages.appendChild(renderDaySeparator(message.date));
    elements.messages.appendChild(renderMessage(message));
  } else {
    renderChatKeepingScroll(stayAtBottom);
  }
  if (state.replyTo && state.replyTo.chatId === message.chatId && state.replyTo.id === message.id) {
    if (message.deleted) state.replyTo = null;
    renderReplying();
  }
  syncForcedReply({ arrivedLive: isNew });
  renderPinnedBar();
  if (stayAtBottom) scrollToBottom();
}

/** Replies show their original's sender; if the original changed, their previews are redrawn. */
function refreshReplyPreviews(/** @type {any} */ original) {
  for (const reply of messagesOf(original.chatId)) {
    if (reply.replyTo?.id !== original.id || reply.deleted) continue;
    messageElement(reply.chatId, reply.id)?.replaceWith(renderMessage(reply));
  }
}

function renderChatKeepingScroll(/** @type {boolean} */ stayAtBottom) {
  const top = elements.messages.scrollTop;
  renderChat();
  if (!stayAtBottom) elements.messages.scrollTop = top;
}

function applyPinned(/** @type {{ chatId: number, pinned: number[] }} */ update) {
  state.worldSnapshot = "";
  state.pinned.set(chatKey(update.chatId), update.pinned ?? []);
  if (update.chatId === currentChatId()) renderPinnedBar();
}

function whenWorldLoaded(/** @type {() => void} */ apply) {
  if (state.world && !state.loadingWorld) apply();
  else state.pendingEvents.push(apply);
}

function listen() {
  const events = new EventSource("/api/events");
  events.addEventListener("message", (event) => {
    const message = parseEvent(event);
    if (message) whenWorldLoaded(() => applyMessage(message));
  });
  events.addEventListener("pinned", (event) => {
    const update = parseEvent(event);
    if (update) whenWorldLoaded(() => applyPinned(update));
  });
  events.addEventListener("reset", () => {
    state.drafts.clear();
    forgetReplies();
    state.worldSnapshot = "";
    refreshWorld();
  });
  // Every (re)connection may have missed events, so the world is fetched again on each `ready`;
  // an unchanged world is not redrawn.
  events.addEventListener("ready", () => {
    setStatus("");
    refreshWorld();
  });
  events.addEventListener("error", () => {
    setStatus(t("playground-disconnected"));
    // EventSource retries by itself unless the server answered with an error; then it gives up.
    if (events.readyState === EventSource.CLOSED) window.setTimeout(listen, RECONNECT_MS);
  });
}

function parseEvent(/** @type {MessageEvent} */ event) {
  try {
    return JSON.parse(event.data);
  } catch {
    return null;
  }
}

/** Queues a world fetch behind any running one, so an older answer never overwrites a newer. */
function refreshWorld() {
  state.worldLoads = state.worldLoads.then(async () => {
    state.loadingWorld = true;
    try {
      await loadWorld();
    } catch (error) {
      showError(errorText(error));
    } finally {
      state.loadingWorld = false;
      const queued = state.pendingEvents.splice(0);
      if (state.world) for (const apply of queued) apply();
    }
  });
  return state.worldLoads;
}

function setStatus(/** @type {string} */ text) {
  elements.status.textContent = text;
  elements.status.hidden = text === "";
}

// ---------------------------------------------------------------- server calls

class ApiError extends Error {}

async function getJson(/** @type {string} */ url) {
  return handleResponse(await fetchOrExplain(url, { headers: { accept: "application/json" } }));
}

async function postJson(/** @type {string} */ url, /** @type {unknown} */ body) {
  return handleResponse(await fetchOrExplain(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  }));
}

async function fetchOrExplain(/** @type {string} */ url, /** @type {RequestInit} */ init) {
  try {
    return await fetch(url, init);
  } catch {
    throw new ApiError(t("playground-network-error"));
  }
}

async function handleResponse(/** @type {Response} */ response) {
  let body = null;
  try { body = await response.json(); } catch { /* an empty or non-JSON body */ }
  if (!response.ok) {
    const text = body && typeof body.error === "string" ? body.error : `${response.status} ${response.statusText}`;
    throw new ApiError(text);
  }
  return body ?? {};
}

function errorText(/** @type {unknown} */ error) {
  return error instanceof ApiError ? error.message : t("playground-network-error");
}

function showError(/** @type {string} */ text) {
  elements.error.textContent = text;
}

function clearError() {
  elements.error.textContent = "";
}

function showToast(/** @type {string} */ text) {
  elements.toast.textContent = text;
  elements.toast.classList.add("visible");
  window.clearTimeout(state.toastTimer);
  state.toastTimer = window.setTimeout(() => {
    elements.toast.classList.remove("visible");
    elements.toast.textContent = "";
  }, TOAST_MS);
}

function showAlert(/** @type {string} */ text) {
  elements.alertText.textContent = text;
  if (!elements.alert.open) elements.alert.showModal();
  elements.alertOk.focus();
}

// ---------------------------------------------------------------- actions

async function send() {
  const chatId = currentChatId();
  const text = elements.composer.value;
  if (chatId === null || state.personId === null || text.trim() === "" || state.sending) return;
  const body = { userId: state.personId, chatId, text };
  if (state.replyTo && state.replyTo.chatId === chatId) Object.assign(body, { replyTo: state.replyTo.id });
  state.sending = true;
  elements.send.disabled = true;
  try {
    const answer = await postJson("/api/send", body);
    clearError();
    // Only clear what was sent; the person may have switched chats while the request ran.
    if (elements.composer.value === text && currentChatId() === chatId) {
      elements.composer.value = "";
      fitComposer();
      state.drafts.delete(draftKey());
      state.replyTo = null;
      state.replyForced = false;
      renderReplying();
    }
    // Applying the sent message closes a forced reply it answered; the bot's next question may
    // already be here, and then its reply opens again.
    if (answer.message) whenWorldLoaded(() => applyMessage(answer.message));
    else syncForcedReply();
  } catch (error) {
    showError(errorText(error));
  } finally {
    state.sending = false;
    elements.send.disabled = false;
  }
}

async function press(/** @type {HTMLButtonElement} */ button) {
  const row = /** @type {HTMLElement | null} */ (button.closest(".message"));
  if (!row || state.personId === null || button.classList.contains("pending")) return;
  button.classList.add("pending");
  try {
    const answer = await postJson("/api/press", {
      userId: state.personId,
      chatId: Number(row.dataset.chatId),
      messageId: Number(row.dataset.messageId),
      data: button.dataset.callback ?? "",
    });
    clearError();
    if (typeof answer.text === "string" && answer.text !== "") {
      if (answer.showAlert) showAlert(answer.text);
      else showToast(answer.text);
    }
  } catch (error) {
    showError(errorText(error));
  } finally {
    button.classList.remove("pending");
  }
}

function startReply(/** @type {HTMLElement} */ row) {
  const chatId = Number(row.dataset.chatId);
  const id = Number(row.dataset.messageId);
  state.replyTo = { chatId, id };
  state.replyForced = false;
  renderReplying();
  elements.composer.focus();
}

function renderReplying() {
  const target = state.replyTo ? findMessage(state.replyTo.chatId, state.replyTo.id) : null;
  elements.replying.hidden = !target;
  // The bot's input_field_placeholder shows while its forced reply is open, as in Telegram's apps.
  const placeholder = target && state.personId !== null && forcesReplyFrom(target, state.personId) && typeof target.placeholder === "string" && target.placeholder !== ""
    ? target.placeholder
    : t("playground-composer-placeholder");
  elements.composer.placeholder = placeholder;
  if (!target) return;
  elements.replyingName.textContent = `${t("playground-replying-to")}: ${senderName(target)}`;
  elements.replyingPreview.textContent = firstLine(target);
}

function cancelReply() {
  if (state.replyTo && state.replyForced) state.dismissedForcedReplies.add(forcedReplyKey(state.replyTo.chatId, state.replyTo.id));
  state.replyTo = null;
  state.replyForced = false;
  renderReplying();
}

function forgetReplies() {
  state.replyTo = null;
  state.replyForced = false;
  state.dismissedForcedReplies.clear();
}

// ---------------------------------------------------------------- forced replies (force_reply)

function forcedReplyKey(/** @type {number} */ chatId, /** @type {number} */ id) {
  return `${state.personId}:${chatId}:${id}`;
}

/** Whether a bot message asks this person to answer by reply (Telegram's force_reply, maybe selective). */
function forcesReplyFrom(/** @type {any} */ message, /** @type {number} */ personId) {
  if (!message.from?.bot) return false;
  const targets = message.forceReplyFor;
  if (targets === "everyone") return true;
  if (!Array.isArray(targets)) return false;
  // In a private chat the person is the only one who can answer, so "selective" narrows nothing.
  return targets.includes(personId) || message.chatId === personId;
}

/**
 * The bot's newest question in the chat that waits for this person's reply: it forces a reply from
 * them and they have not written in the chat since (as Telegram's apps keep the chat's reply markup
 * until the person answers). A forced reply the person closed stays closed.
 */
function pendingForcedReply(/** @type {number} */ chatId) {
  const personId = state.personId;
  if (personId === null) return null;
  const messages = visibleMessages(chatId);
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (!message.from?.bot && message.from?.userId === personId) return null;
    if (forcesReplyFrom(message, personId)) return state.dismissedForcedReplies.has(forcedReplyKey(chatId, message.id)) ? null : message;
  }
  return null;
}

/**
 * Opens the composer in reply to the bot's pending question in the open chat, or closes a forced
 * reply that no longer waits. A reply the person chose with ↩ is left alone.
 */
function syncForcedReply(/** @type {{ arrivedLive?: boolean }} */ { arrivedLive = false } = {}) {
  const chatId = currentChatId();
  if (chatId !== null && !(state.replyTo && !state.replyForced)) {
    const question = pendingForcedReply(chatId);
    const opened = question !== null && !(state.replyTo?.chatId === chatId && state.replyTo.id === question.id);
    state.replyTo = question ? { chatId, id: question.id } : null;
    state.replyForced = question !== null;
    // A question that just arrived takes the keyboard's focus, unless the person is busy elsewhere on the page.
    if (opened && arrivedLive && isFocusFree()) elements.composer.focus();
  }
  renderReplying();
}

/** Nobody is typing or choosing elsewhere on the page (a focused button or tab is no work in progress). */
function isFocusFree() {
  const active = document.activeElement;
  if (elements.alert.open) return false;
  return !active || active === elements.composer || !active.matches("input, select, textarea, [contenteditable]");
}

function fillComposer(/** @type {string} */ command) {
  elements.composer.value = `${command} `;
  fitComposer();
  elements.composer.focus();
  const end = elements.composer.value.length;
  elements.composer.setSelectionRange(end, end);
}

function fitComposer() {
  const box = elements.composer;
  box.style.height = "auto";
  box.style.height = `${Math.min(box.scrollHeight, Math.round(window.innerHeight * 0.35))}px`;
}

async function resetWorld() {
  if (!window.confirm(t("playground-reset-confirm"))) return;
  try {
    await postJson("/api/reset", {});
    state.drafts.clear();
    forgetReplies();
    elements.composer.value = "";
    fitComposer();
    clearError();
    state.worldSnapshot = "";
    await refreshWorld();
  } catch (error) {
    showError(errorText(error));
  }
}

function onMessagesClick(/** @type {MouseEvent} */ event) {
  const target = /** @type {HTMLElement} */ (event.target);
  const spoiler = /** @type {HTMLElement | null} */ (target.closest(".spoiler:not(.revealed)"));
  if (spoiler) {
    // The first click only uncovers the text; a link under it must not open yet.
    event.preventDefault();
    spoiler.classList.add("revealed");
    return;
  }
  const command = /** @type {HTMLElement | null} */ (target.closest(".bot-command"));
  if (command) return fillComposer(command.dataset.command ?? command.textContent ?? "");
  const toggle = /** @type {HTMLElement | null} */ (target.closest(".quote-toggle"));
  if (toggle) return toggleQuote(toggle);
  const inline = /** @type {HTMLButtonElement | null} */ (target.closest("button.inline-button"));
  if (inline) return void press(inline);
  const reply = target.closest(".reply-to");
  if (reply) return startReply(/** @type {HTMLElement} */ (reply.closest(".message")));
  const preview = /** @type {HTMLElement | null} */ (target.closest(".reply-preview"));
  const row = /** @type {HTMLElement | null} */ (target.closest(".message"));
  if (preview && row) return scrollToMessage(Number(row.dataset.chatId), Number(preview.dataset.target));
  const disabledLink = target.closest('a[aria-disabled="true"]');
  if (disabledLink) event.preventDefault();
}

function toggleQuote(/** @type {HTMLElement} */ toggle) {
  const quote = toggle.closest(".quote");
  if (!quote) return;
  const expanded = quote.classList.toggle("expanded");
  toggle.setAttribute("aria-expanded", String(expanded));
  toggle.setAttribute("aria-label", t(expanded ? "playground-quote-collapse" : "playground-quote-expand"));
}

function onMessagesKey(/** @type {KeyboardEvent} */ event) {
  const target = /** @type {HTMLElement} */ (event.target);
  if ((event.key === "Enter" || event.key === " ") && target.matches(".spoiler:not(.revealed)")) {
    event.preventDefault();
    target.classList.add("revealed");
  }
}

function onComposerKey(/** @type {KeyboardEvent} */ event) {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    void send();
  } else if (event.key === "Escape" && state.replyTo) {
    cancelReply();
  }
}

function wire() {
  elements.person.addEventListener("change", () => switchTo(Number(elements.person.value), state.tab));
  for (const tab of document.querySelectorAll("[data-chat]")) {
    tab.addEventListener("click", () => {
      if (state.personId !== null) switchTo(state.personId, tab.getAttribute("data-chat") === "private" ? "private" : "group");
    });
  }
  elements.elsewherePeople.addEventListener("click", (event) => {
    const chip = /** @type {HTMLElement | null} */ ((/** @type {HTMLElement} */ (event.target)).closest(".person-chip"));
    if (chip) switchTo(Number(chip.dataset.personId), "private");
  });
  elements.messages.addEventListener("click", onMessagesClick);
  elements.messages.addEventListener("keydown", onMessagesKey);
  elements.composer.addEventListener("keydown", onComposerKey);
  elements.composer.addEventListener("input", () => {
    fitComposer();
    if (elements.error.textContent) clearError();
  });
  elements.send.addEventListener("click", () => void send());
  elements.cancelReply.addEventListener("click", cancelReply);
  elements.pinned.addEventListener("click", () => {
    const chatId = currentChatId();
    if (chatId !== null) scrollToMessage(chatId, Number(elements.pinned.dataset.messageId));
  });
  elements.alertOk.addEventListener("click", () => elements.alert.close());
  elements.reset.addEventListener("click", () => void resetWorld());
  elements.lang.addEventListener("click", () => void switchLanguage());
  elements.help.addEventListener("click", () => showIntro(elements.intro.hidden));
  elements.introClose.addEventListener("click", () => {
    store(STORAGE.introSeen, "1");
    showIntro(false);
  });
  introMore.addEventListener("click", toggleIntroMore);
  window.addEventListener("resize", () => {
    fitComposer();
    renderIntroMore();
  });
  // The chat area shrinks when the composer grows, a bar appears or a phone keyboard opens;
  // whoever was reading the latest messages keeps seeing them.
  let followingLatest = true;
  elements.messages.addEventListener("scroll", () => { followingLatest = isNearBottom(); }, { passive: true });
  new ResizeObserver(() => { if (followingLatest) scrollToBottom(); }).observe(elements.messages);
}

async function start() {
  wire();
  try {
    await loadStrings();
  } catch (error) {
    showError(error instanceof ApiError ? error.message : "Could not load the playground.");
    return;
  }
  showIntro(readStored(STORAGE.introSeen) !== "1");
  listen();
  await refreshWorld();
}

void start();
