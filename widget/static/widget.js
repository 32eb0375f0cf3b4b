/*
 * The pre-screening chat widget. No dependencies, no build step.
 *
 * Put it on a page with one div and one script tag:
 *   <div id="prescreen-chat"></div>
 *   <script src="https://ASSISTANT/widget/widget.js" defer></script>
 * It talks to the server the script came from (its /widget routes).
 *
 * Everything from the server is shown with textContent, never as HTML.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var SERVER = script ? new URL(script.src, window.location.href).origin : window.location.origin;
  var STORAGE_KEY = "prescreen-conversation-id";
  var MAX_LENGTH = 2000;
  var RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];

  var TEXT = {
    title: "Study pre-screening chat",
    startOver: "Start over",
    deleteData: "Delete my data",
    log: "Conversation",
    you: "You said:",
    assistant: "Assistant said:",
    typing: "The assistant is typing…",
    inputLabel: "Type your answer or question",
    send: "Send",
    sendNumber: "Send the number",
    choices: "Answer choices",
    numberLabel: function (unit) { return unit ? "Your answer, in " + unit : "Your answer, as a number"; },
    numberRange: function (min, max) { return "From " + min + " to " + max + "."; },
    lost: "The connection was lost. Trying to connect again… Your answers are kept.",
    back: "Connected again.",
    tooLong: "That message is too long. Please keep it under " + MAX_LENGTH + " characters.",
    serverError: "Sorry, something went wrong on our side. Please try again in a minute."
  };

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function randomHex(bytes) {
    var values = new Uint8Array(bytes);
    window.crypto.getRandomValues(values);
    return Array.prototype.map.call(values, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  // The conversation id lives in the browser, so a reload continues the same chat.
  // If storage is blocked, the chat still works for as long as the page is open.
  function conversationId() {
    var id = null;
    try { id = window.localStorage.getItem(STORAGE_KEY); } catch (e) { id = null; }
    if (!id || !/^[0-9a-f]{32}$/.test(id)) {
      id = randomHex(16);
      try { window.localStorage.setItem(STORAGE_KEY, id); } catch (e) { /* kept in memory only */ }
    }
    return id;
  }

  function sleep(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }

  function Widget(root) {
    this.root = root;
    this.id = conversationId();
    this.queue = Promise.resolve();
    this.pending = 0;
    this.offline = false;
    this.build();
  }

  Widget.prototype.build = function () {
    var self = this;
    var box = el("section", { "class": "psc", "aria-labelledby": "psc-title" });
    var head = el("div", { "class": "psc-head" });
    head.appendChild(el("h2", { id: "psc-title", "class": "psc-title" }, TEXT.title));
    var tools = el("div", { "class": "psc-tools" });
    this.startOverButton = el("button", { type: "button", "class": "psc-tool" }, TEXT.startOver);
    this.deleteButton = el("button", { type: "button", "class": "psc-tool" }, TEXT.deleteData);
    this.startOverButton.addEventListener("click", function () { self.send("/start_over", TEXT.startOver); });
    this.deleteButton.addEventListener("click", function () { self.send("/delete_data", TEXT.deleteData, { clearLog: true }); });
    tools.appendChild(this.startOverButton);
    tools.appendChild(this.deleteButton);
    head.appendChild(tools);
    box.appendChild(head);

    // Connection problems: announced at once (role=alert), shown above the chat.
    this.status = el("p", { "class": "psc-status", role: "alert", hidden: "" });
    box.appendChild(this.status);

    // New messages are announced by screen readers (role=log is a polite live region).
    this.log = el("ol", { "class": "psc-log", role: "log", "aria-live": "polite", "aria-label": TEXT.log, "aria-busy": "true", tabindex: "0" });
    box.appendChild(this.log);

    this.typing = el("p", { "class": "psc-typing", "aria-hidden": "true", hidden: "" });
    this.typing.appendChild(el("span", { "class": "psc-dots" }));
    this.typing.appendChild(document.createTextNode(" " + TEXT.typing));
    box.appendChild(this.typing);

    this.choices = el("div", { "class": "psc-choices", role: "group", "aria-label": TEXT.choices, hidden: "" });
    box.appendChild(this.choices);

    this.numberForm = el("form", { "class": "psc-number", hidden: "", novalidate: "" });
    this.numberLabel = el("label", { "for": "psc-number-input" });
    this.numberInput = el("input", { id: "psc-number-input", type: "number", inputmode: "decimal", step: "any", "aria-describedby": "psc-number-range" });
    this.numberRange = el("span", { id: "psc-number-range", "class": "psc-hint" });
    var numberRow = el("div", { "class": "psc-row" });
    numberRow.appendChild(this.numberInput);
    numberRow.appendChild(el("button", { type: "submit", "class": "psc-send", "aria-label": TEXT.sendNumber }, TEXT.send));
    this.numberForm.appendChild(this.numberLabel);
    this.numberForm.appendChild(numberRow);
    this.numberForm.appendChild(this.numberRange);
    this.numberForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var value = self.numberInput.value.trim();
      if (value) { self.numberInput.value = ""; self.send(value, value); }
    });
    box.appendChild(this.numberForm);

    this.form = el("form", { "class": "psc-form" });
    this.form.appendChild(el("label", { "for": "psc-input", "class": "psc-visually-hidden" }, TEXT.inputLabel));
    var row = el("div", { "class": "psc-row" });
    this.input = el("input", { id: "psc-input", type: "text", autocomplete: "off", maxlength: String(MAX_LENGTH), placeholder: TEXT.inputLabel });
    row.appendChild(this.input);
    row.appendChild(el("button", { type: "submit", "class": "psc-send" }, TEXT.send));
    this.form.appendChild(row);
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = self.input.value.trim();
      if (!text) return;
      if (text.length > MAX_LENGTH) { self.showStatus(TEXT.tooLong); return; }
      self.input.value = "";
      self.send(text, text);
    });
    box.appendChild(this.form);

    window.addEventListener("offline", function () { self.showStatus(TEXT.lost); });
    window.addEventListener("online", function () { if (!self.offline) self.hideStatus(); });

    this.root.textContent = "";
    this.root.appendChild(box);
  };

  Widget.prototype.showStatus = function (text) { this.status.textContent = text; this.status.hidden = false; };
  Widget.prototype.hideStatus = function () { this.status.hidden = true; this.status.textContent = ""; };

  Widget.prototype.addBubble = function (bubble) {
    var item = el("li", { "class": "psc-msg " + (bubble.role === "user" ? "psc-user" : "psc-bot") });
    item.appendChild(el("span", { "class": "psc-visually-hidden" }, bubble.role === "user" ? TEXT.you : TEXT.assistant));
    item.appendChild(el("p", { "class": "psc-text" }, bubble.text));
    var custom = bubble.custom || {};
    if (custom.question_id) item.setAttribute("data-question-id", custom.question_id);
    if (custom.verdict) item.setAttribute("data-verdict", custom.verdict);
    if (custom.reference) item.setAttribute("data-reference", custom.reference);
    this.log.appendChild(item);
    this.log.scrollTop = this.log.scrollHeight;
  };

  // Buttons and the number field belong to the newest question only.
  Widget.prototype.clearAnswerControls = function () {
    var active = document.activeElement;
    var hadFocus = this.choices.contains(active) || this.numberForm.contains(active);
    this.choices.textContent = "";
    this.choices.hidden = true;
    this.numberForm.hidden = true;
    if (hadFocus) this.keepFocus();  // never leave focus on something that just disappeared
  };

  Widget.prototype.showAnswerControls = function (bubbles) {
    var self = this;
    this.clearAnswerControls();
    var withButtons = null, numberQuestion = null;
    bubbles.forEach(function (bubble) {
      if (bubble.role !== "bot") return;
      var hasButtons = bubble.buttons && bubble.buttons.length;
      if (hasButtons) withButtons = bubble;
      // A number with buttons (a small count) needs no number field; age and the like do.
      if (!hasButtons && bubble.custom && bubble.custom.answer_type === "number") numberQuestion = bubble.custom;
    });
    if (withButtons) {
      withButtons.buttons.forEach(function (button) {
        var choice = el("button", { type: "button", "class": "psc-choice" }, button.title);
        choice.addEventListener("click", function () {
          self.send(button.payload, button.title);
          self.keepFocus();
        });
        self.choices.appendChild(choice);
      });
      this.choices.hidden = false;
    }
    if (numberQuestion) {
      this.numberLabel.textContent = TEXT.numberLabel(numberQuestion.unit);
      this.numberInput.min = numberQuestion.minimum;
      this.numberInput.max = numberQuestion.maximum;
      this.numberRange.textContent = TEXT.numberRange(numberQuestion.minimum, numberQuestion.maximum);
      this.numberForm.hidden = false;
    }
  };

  // The pressed button is gone: keep focus in the chat. With a mouse or keyboard,
  // in the text box; on a touch screen, on the conversation, so that no
  // on-screen keyboard pops up after every tap.
  Widget.prototype.keepFocus = function () {
    var touch = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;
    (touch ? this.log : this.input).focus({ preventScroll: true });
  };

  Widget.prototype.setBusy = function (busy) {
    this.pending += busy ? 1 : -1;
    var waiting = this.pending > 0;
    this.typing.hidden = !waiting;
    this.log.setAttribute("aria-busy", waiting ? "true" : "false");
  };

  // Sends one message and returns the reply bubbles. A dropped connection is
  // retried with the same message id, so the server never handles it twice.
  Widget.prototype.deliver = async function (body) {
    for (var attempt = 0; ; attempt++) {
      var failed = false, result = null;
      try {
        var reply = await fetch(SERVER + "/widget/message", {
          method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
        });
        if (reply.status >= 502 && reply.status <= 504) failed = true;  // a proxy in front of a server that is down
        else result = await reply.json().catch(function () { return { error: TEXT.serverError }; });
      } catch (error) {
        failed = true;  // no connection
      }
      if (!failed) {
        if (this.offline) { this.offline = false; this.showStatus(TEXT.back); var self = this; setTimeout(function () { if (!self.offline) self.hideStatus(); }, 4000); }
        if (result && result.error) return [{ role: "bot", text: result.error, buttons: [], custom: {} }];
        return (result && result.messages) || [];
      }
      this.offline = true;
      this.showStatus(TEXT.lost);
      await sleep(RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]);
    }
  };

  // Messages go one after another, in the order they were sent.
  Widget.prototype.send = function (message, shown, options) {
    var self = this;
    options = options || {};
    this.clearAnswerControls();
    if (shown) this.addBubble({ role: "user", text: shown });
    var body = { conversation_id: this.id, message: message, shown: shown, message_id: randomHex(16) };
    this.setBusy(true);
    this.queue = this.queue.then(function () { return self.deliver(body); }).then(function (bubbles) {
      if (options.clearLog) self.log.textContent = "";  // the stored conversation is gone; so is what it showed
      bubbles.forEach(function (bubble) { self.addBubble(bubble); });
      self.showAnswerControls(bubbles);
    }).catch(function () {
      self.addBubble({ role: "bot", text: TEXT.serverError });
    }).then(function () {
      self.setBusy(false);  // always, so the next message is sent and the chat never looks stuck
    });
    return this.queue;
  };

  // Shows the conversation so far (after a reload), or starts a new one.
  Widget.prototype.start = async function () {
    var history = null;
    for (var attempt = 0; history === null; attempt++) {
      try {
        var reply = await fetch(SERVER + "/widget/history/" + this.id);
        if (reply.ok) history = (await reply.json()).messages || [];
        else if (reply.status < 500) history = [];
      } catch (error) { /* retried below */ }
      if (history === null) {
        this.offline = true;
        this.showStatus(TEXT.lost);
        await sleep(RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]);
      }
    }
    if (this.offline) { this.offline = false; this.hideStatus(); }
    if (!history.length) return this.send("/greet", "");
    var self = this;
    history.forEach(function (bubble) { self.addBubble(bubble); });
    this.log.setAttribute("aria-busy", "false");
    var lastUser = -1;
    history.forEach(function (bubble, index) { if (bubble.role === "user") lastUser = index; });
    this.showAnswerControls(history.slice(lastUser + 1));
  };

  function boot() {
    var root = document.getElementById("prescreen-chat");
    if (!root || root.getAttribute("data-started")) return;
    root.setAttribute("data-started", "true");
    if (!document.querySelector('link[data-prescreen-style]')) {
      var style = el("link", { rel: "stylesheet", href: SERVER + "/widget/widget.css", "data-prescreen-style": "" });
      document.head.appendChild(style);
    }
    var widget = new Widget(root);
    root.prescreenWidget = widget;
    widget.start();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
