/*
 * The pre-screening chat widget. No dependencies, no build step.
 *
 * Put it on a page with one div and one script tag:
 *   <div id="prescreen-chat"></div>
 *   <script src="https://ASSISTANT/widget/widget.js" defer></script>
 * It talks to the server the script came from (its /widget routes). Optional
 * attributes on the div: data-heading-level="1" (the chat's title is the page's
 * main heading), data-about="#studies" (a link to the studies explained on the page),
 * data-title-zh / data-title-en (the chat's title in each language).
 *
 * Languages: 中文 / English in the header. The choice is kept in local storage;
 * until one is made the widget follows the browser (navigator.languages). Every
 * word it shows comes from GET /widget/strings/<language> (the `widget` message
 * catalog); a change is sent to the assistant as /choose_language{"language": "zh"}.
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

  var LANGUAGE_KEY = "prescreen-language";
  var LANGUAGES = ["en", "zh"];
  // Every word the widget shows comes from the server (GET /widget/strings/<language>,
  // from the `widget` message catalog): none is written here.
  var TEXT = null;
  var WORDS = null;  // the whole answer: {language, html_lang, text, languages}

  // A sentence with {name} fields filled in (each language keeps its own word order).
  function fill(sentence, values) {
    return String(sentence).replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  // The language chosen in this browser, else the first the browser prefers that the chat speaks.
  function storedLanguage() {
    try {
      var chosen = window.localStorage.getItem(LANGUAGE_KEY);
      return LANGUAGES.indexOf(chosen) >= 0 ? chosen : null;
    } catch (e) { return null; }
  }

  function browserLanguage() {
    var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || "en"];
    for (var i = 0; i < preferred.length; i++) {
      var primary = String(preferred[i] || "").toLowerCase().split(/[-_]/)[0];
      if (LANGUAGES.indexOf(primary) >= 0) return primary;
    }
    return "en";
  }

  function rememberLanguage(language) {
    try { window.localStorage.setItem(LANGUAGE_KEY, language); } catch (e) { /* kept for this page only */ }
  }

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

  function chooseLanguagePayload(language) { return '/choose_language{"language": "' + language + '"}'; }

  function sleep(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }

  // A bot's text as paragraphs and real lists: lines that start with "- " are list items.
  function richText(text, className) {
    var box = el("div", { "class": className });
    var list = null;
    String(text || "").split("\n").forEach(function (line) {
      if (/^- /.test(line)) {
        if (!list) { list = el("ul"); box.appendChild(list); }
        list.appendChild(el("li", {}, line.slice(2)));
      } else if (line.trim()) {
        list = null;
        box.appendChild(el("p", {}, line));
      }
    });
    return box;
  }

  function Widget(root) {
    this.root = root;
    this.id = conversationId();
    this.queue = Promise.resolve();
    this.pending = 0;
    this.offline = false;
    this.usedKeyboard = false;  // the last answer was given with the keyboard
    this.language = storedLanguage() || browserLanguage();
  }

  // What every request says: the language the person reads (the server's own
  // messages, such as a refusal, come in it).
  Widget.prototype.headers = function (json) {
    var headers = { "Accept-Language": WORDS ? WORDS.html_lang : this.language };
    if (json) headers["Content-Type"] = "application/json";
    return headers;
  };

  // The words for a language, from the server; tried again until they come.
  Widget.prototype.loadWords = async function (language) {
    for (var attempt = 0; ; attempt++) {
      try {
        var reply = await fetch(SERVER + "/widget/strings/" + language);
        if (reply.ok) {
          var words = await reply.json();
          if (words && words.text && words.language === language) { WORDS = words; TEXT = words.text; this.language = language; return; }
        }
      } catch (error) { /* retried below */ }
      if (this.status && TEXT) this.showStatus(TEXT.lost);
      await sleep(RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]);
    }
  };

  // The chat's title: the page's own for this language (data-title-zh, data-title-en;
  // data-title is taken as English), else the widget's.
  Widget.prototype.chatTitle = function () {
    var own = this.root.getAttribute("data-title-" + this.language);
    if (!own && this.language === "en") own = this.root.getAttribute("data-title");
    return own || TEXT.title;
  };

  // On the assistant's own page (data-page-languages) the page follows the chat's
  // language: <html lang>, the title and the studies' text.
  // (A page whose studies are not in that language keeps them as they are, tagged with their own lang.)
  Widget.prototype.applyLanguageToPage = function () {
    if (!this.root.hasAttribute("data-page-languages")) return;
    document.documentElement.setAttribute("lang", WORDS.html_lang);
    var title = this.root.getAttribute("data-page-title-" + this.language);
    if (title) document.title = title;
    var offered = this.root.getAttribute("data-page-languages").split(/\s+/);
    if (offered.indexOf(this.language) < 0) return;
    var language = this.language;
    Array.prototype.forEach.call(document.querySelectorAll("[data-psc-lang]"), function (block) {
      block.hidden = block.getAttribute("data-psc-lang") !== language;
    });
  };

  // 中文 / English in the header: the chosen one is pressed.
  Widget.prototype.buildLanguageChooser = function () {
    var self = this;
    var group = el("div", { "class": "psc-languages", role: "group", "aria-label": TEXT.language });
    WORDS.languages.forEach(function (entry) {
      var chosen = entry.code === self.language;
      var button = el("button", {
        type: "button", "class": "psc-tool psc-language", lang: entry.html_lang, "aria-pressed": chosen ? "true" : "false"
      }, entry.name);
      button.addEventListener("click", function () { self.chooseLanguage(entry.code, entry.name); });
      group.appendChild(button);
    });
    return group;
  };

  // The widget's words in another language, keeping the conversation shown so far.
  Widget.prototype.useLanguage = async function (language) {
    await this.loadWords(language);
    var kept = this.log ? Array.prototype.slice.call(this.log.childNodes) : [];
    if (this.log) this.clearAnswerControls();
    var progress = this.progress && !this.progress.hidden ? this.progressFill.style.width : null;
    this.build();
    kept.forEach(function (node) { this.log.appendChild(node); }, this);
    Array.prototype.forEach.call(this.log.querySelectorAll(".psc-msg > .psc-said"), function (label) {
      label.textContent = label.parentNode.classList.contains("psc-user") ? TEXT.you : TEXT.assistant;
    });
    if (progress !== null) { this.progressFill.style.width = progress; this.progress.hidden = false; }
    this.typing.hidden = this.pending <= 0;
    this.log.setAttribute("aria-busy", this.pending > 0 ? "true" : "false");
    this.applyLanguageToPage();
  };

  // A choice from the header: remembered in this browser, told to the assistant, which
  // keeps every answer and asks the current question again in the new language.
  Widget.prototype.chooseLanguage = async function (language, name) {
    rememberLanguage(language);
    if (language === this.language) return;
    this.setBusy(true);  // busy from the press until the question comes back in the new language
    try {
      await this.useLanguage(language);
    } finally {
      var chooser = this.box.querySelector(".psc-language[aria-pressed='true']");
      if (chooser) chooser.focus({ preventScroll: true });
      var sent = this.send(chooseLanguagePayload(language), name);
      this.setBusy(false);
    }
    return sent;
  };

  Widget.prototype.build = function () {
    var self = this;
    var level = /^[1-6]$/.test(this.root.getAttribute("data-heading-level") || "") ? this.root.getAttribute("data-heading-level") : "2";
    var box = el("section", { "class": "psc", "aria-labelledby": "psc-title", lang: WORDS.html_lang });

    var head = el("div", { "class": "psc-head" });
    head.appendChild(el("h" + level, { id: "psc-title", "class": "psc-title" }, this.chatTitle()));
    var tools = el("div", { "class": "psc-head-tools" });
    var about = this.root.getAttribute("data-about");
    if (about && /^#[A-Za-z][\w-]*$/.test(about)) tools.appendChild(el("a", { "class": "psc-about", href: about }, TEXT.about));
    tools.appendChild(this.buildLanguageChooser());
    tools.appendChild(this.buildMenu());
    head.appendChild(tools);
    box.appendChild(head);

    // A bar that shows how far along the person is; each question says it in
    // words ("Question 6 of about 15"), so screen readers hear it with the question.
    this.progress = el("div", { "class": "psc-progress", "aria-hidden": "true", hidden: "" });
    this.progressFill = el("div", { "class": "psc-progress-fill" });
    this.progress.appendChild(this.progressFill);
    box.appendChild(this.progress);

    // Connection problems: announced at once (role=alert), shown above the chat.
    this.status = el("p", { "class": "psc-status", role: "alert", hidden: "" });
    box.appendChild(this.status);

    // New messages are announced by screen readers (role=log is a polite live region).
    this.log = el("div", { "class": "psc-log", role: "log", "aria-live": "polite", "aria-label": TEXT.log, "aria-busy": "true", tabindex: "0" });
    box.appendChild(this.log);

    this.typing = el("p", { "class": "psc-typing", "aria-hidden": "true", hidden: "" });
    this.typing.appendChild(el("span", { "class": "psc-dots" }));
    this.typing.appendChild(document.createTextNode(" " + TEXT.typing));
    box.appendChild(this.typing);

    this.choices = el("div", { "class": "psc-choices", role: "group", "aria-label": TEXT.choices, hidden: "" });
    this.choices.addEventListener("keydown", function (event) { self.moveAmongChoices(event); });
    this.choices.addEventListener("pointermove", function () { self.choices.classList.remove("psc-fresh"); });
    box.appendChild(this.choices);

    // One text box for every answer. For a number question (age) it says the unit and range.
    this.form = el("form", { "class": "psc-form" });
    this.inputLabel = el("label", { "for": "psc-input", "class": "psc-visually-hidden" }, TEXT.inputLabel);
    this.form.appendChild(this.inputLabel);
    var row = el("div", { "class": "psc-row" });
    this.input = el("input", { id: "psc-input", type: "text", autocomplete: "off", maxlength: String(MAX_LENGTH), placeholder: TEXT.placeholder });
    this.unit = el("span", { "class": "psc-unit", "aria-hidden": "true", hidden: "" });
    var field = el("div", { "class": "psc-field" });
    field.appendChild(this.input);
    field.appendChild(this.unit);
    row.appendChild(field);
    row.appendChild(el("button", { type: "submit", "class": "psc-send" }, TEXT.send));
    this.form.appendChild(row);
    this.hint = el("p", { id: "psc-hint", "class": "psc-hint", hidden: "" });
    this.form.appendChild(this.hint);
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = self.input.value.trim();
      if (!text) return;
      if (text.length > MAX_LENGTH) { self.showStatus(fill(TEXT.tooLong, { limit: MAX_LENGTH })); return; }
      self.input.value = "";
      self.usedKeyboard = false;  // typing: focus stays in the text box
      self.send(text, text);
    });
    box.appendChild(this.form);

    box.appendChild(this.buildDialog());

    if (!this.listening) {  // once, though the words are built again after a change of language
      this.listening = true;
      window.addEventListener("offline", function () { self.showStatus(TEXT.lost); });
      window.addEventListener("online", function () { if (!self.offline) self.hideStatus(); });
    }

    this.box = box;
    this.root.textContent = "";
    this.root.appendChild(box);
  };

  // Start over, Delete my data and the rest sit in a menu, away from the answers.
  Widget.prototype.buildMenu = function () {
    var self = this;
    var wrap = el("div", { "class": "psc-menu" });
    var toggle = el("button", { type: "button", "class": "psc-tool", "aria-expanded": "false", "aria-controls": "psc-menu-items" }, TEXT.menu);
    var items = el("ul", { id: "psc-menu-items", "class": "psc-menu-items", hidden: "" });
    function item(label, action, className) {
      var li = el("li");
      var button = el("button", { type: "button", "class": "psc-menu-item" + (className ? " " + className : "") }, label);
      button.addEventListener("click", function (event) { close(); action(event); });
      if (className === "psc-menu-language") li.className = "psc-menu-language-item";
      li.appendChild(button);
      items.appendChild(li);
      return button;
    }
    function close() { items.hidden = true; toggle.setAttribute("aria-expanded", "false"); }
    toggle.addEventListener("click", function () {
      var open = items.hidden;
      items.hidden = !open;
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) Array.prototype.filter.call(items.querySelectorAll("button"), function (b) { return b.offsetParent; })[0].focus();
    });
    wrap.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !items.hidden) { close(); toggle.focus(); }
    });
    // The other language, for when large text leaves no room for the header's 中文 / English (widget.css).
    WORDS.languages.forEach(function (entry) {
      if (entry.code === self.language) return;
      var choice = item(entry.name, function () { self.chooseLanguage(entry.code, entry.name); }, "psc-menu-language");
      choice.setAttribute("lang", entry.html_lang);
    });
    item(TEXT.saveForLater, function () { self.send("/save_for_later", TEXT.saveForLater); });
    item(TEXT.print, function () { self.print(); });
    item(TEXT.startOver, function () {
      self.confirm({ title: TEXT.startOverTitle, text: TEXT.startOverText, yes: TEXT.startOverYes }, function () { self.send("/start_over", TEXT.startOver); });
    }, "psc-danger");
    item(TEXT.deleteData, function () {
      self.confirm({ title: TEXT.deleteDataTitle, text: TEXT.deleteDataText, yes: TEXT.deleteDataYes }, function () { self.send("/delete_data", TEXT.deleteData, { clearLog: true }); });
    }, "psc-danger");
    wrap.appendChild(toggle);
    wrap.appendChild(items);
    this.menuToggle = toggle;
    return wrap;
  };

  // A confirmation in a modal dialog: nothing is lost by a slip of the finger.
  Widget.prototype.buildDialog = function () {
    var self = this;
    this.dialog = el("dialog", { "class": "psc-dialog", "aria-labelledby": "psc-dialog-title", "aria-describedby": "psc-dialog-text" });
    this.dialogTitle = el("h2", { id: "psc-dialog-title", "class": "psc-dialog-title" });
    this.dialogText = el("p", { id: "psc-dialog-text" });
    var buttons = el("div", { "class": "psc-dialog-buttons" });
    this.dialogCancel = el("button", { type: "button", "class": "psc-tool" }, TEXT.cancel);
    this.dialogYes = el("button", { type: "button", "class": "psc-send psc-danger-solid" });
    buttons.appendChild(this.dialogCancel);
    buttons.appendChild(this.dialogYes);
    this.dialog.appendChild(this.dialogTitle);
    this.dialog.appendChild(this.dialogText);
    this.dialog.appendChild(buttons);
    this.dialogCancel.addEventListener("click", function () { self.dialog.close(); });
    this.dialogYes.addEventListener("click", function () {
      var then = self.onConfirm;
      self.onConfirm = null;
      self.dialog.close();
      if (then) then();
    });
    this.dialog.addEventListener("close", function () { self.keepFocus(); });
    return this.dialog;
  };

  Widget.prototype.confirm = function (words, then) {
    this.dialogTitle.textContent = words.title;
    this.dialogText.textContent = words.text;
    this.dialogYes.textContent = words.yes;
    this.onConfirm = then;
    this.dialog.showModal();
    this.dialogCancel.focus();  // the safe choice is the one under the finger
  };

  Widget.prototype.print = function () {
    var cards = this.log.querySelectorAll(".psc-card");
    Array.prototype.forEach.call(this.log.querySelectorAll("[data-print]"), function (node) { node.removeAttribute("data-print"); });
    if (cards.length) {
      cards[cards.length - 1].closest(".psc-msg").setAttribute("data-print", "true");
      this.box.classList.add("psc-printing-summary");
    } else {
      this.box.classList.remove("psc-printing-summary");
    }
    window.print();
  };

  Widget.prototype.showStatus = function (text) { this.status.textContent = text; this.status.hidden = false; };
  Widget.prototype.hideStatus = function () { this.status.hidden = true; this.status.textContent = ""; };

  Widget.prototype.addBubble = function (bubble) {
    var self = this;
    var custom = bubble.custom || {};
    var item = el("div", { "class": "psc-msg " + (bubble.role === "user" ? "psc-user" : "psc-bot") });
    item.appendChild(el("span", { "class": "psc-visually-hidden psc-said" }, bubble.role === "user" ? TEXT.you : TEXT.assistant));
    if (custom.progress && custom.progress.label) item.appendChild(el("p", { "class": "psc-qnum" }, custom.progress.label));
    if (custom.card) {
      item.classList.add("psc-result");
      item.appendChild(this.resultCard(custom.card, bubble.text));
    } else if (custom.checklist) {
      var words = richText(custom.checklist.prompt, "psc-text");
      var list = el("ul", { "class": "psc-check-items" });
      custom.checklist.items.forEach(function (entry) { list.appendChild(el("li", {}, entry.label)); });
      words.appendChild(list);
      item.appendChild(words);
    } else if (bubble.role === "user") {
      item.appendChild(el("p", { "class": "psc-text" }, bubble.text));
    } else {
      item.appendChild(richText(bubble.text, "psc-text"));
    }
    if (custom.save_for_later) item.appendChild(this.emailForm("/widget/resume-link", TEXT.emailLink, TEXT.consentLink));
    if (custom.question_id) item.setAttribute("data-question-id", custom.question_id);
    if (custom.verdict) item.setAttribute("data-verdict", custom.verdict);
    if (custom.reference) item.setAttribute("data-reference", custom.reference);
    this.log.appendChild(item);
    if (custom.progress) this.showProgress(custom.progress);
    if (custom.card && !this.progress.hidden) this.showProgress({ done: true });
    return item;
  };

  // The summary as a card: the verdict first, then the reasons, the checks and the next step.
  Widget.prototype.resultCard = function (card, text) {
    var self = this;
    var box = el("div", { "class": "psc-text" });
    box.appendChild(el("p", { "class": "psc-verdict", tabindex: "-1" }, card.verdict));
    box.appendChild(el("p", { "class": "psc-card-title" }, card.title));
    (card.sections || []).forEach(function (section) {
      box.appendChild(el("h3", { "class": "psc-card-heading" }, section.title));
      var list = el("ul");
      section.items.forEach(function (entry) { list.appendChild(el("li", {}, entry)); });
      box.appendChild(list);
    });
    box.appendChild(el("h3", { "class": "psc-card-heading" }, TEXT.nextStep));
    box.appendChild(el("p", {}, card.next_step));
    box.appendChild(el("p", { "class": "psc-card-note" }, card.not_a_decision));
    var actions = el("div", { "class": "psc-card-actions" });
    var print = el("button", { type: "button", "class": "psc-tool" }, TEXT.print);
    print.addEventListener("click", function () { self.print(); });
    actions.appendChild(print);
    actions.appendChild(this.emailForm("/widget/email-summary", TEXT.emailSummary, TEXT.consentSummary));
    var card = el("div", { "class": "psc-card" });
    card.appendChild(box);  // the words (.psc-text), then what can be done with them
    card.appendChild(actions);
    return card;
  };

  // "Email me ...": a button that opens a small form (address and consent) in place.
  Widget.prototype.emailForm = function (route, title, consentText) {
    var self = this;
    var n = (this.forms = (this.forms || 0) + 1);
    var wrap = el("div", { "class": "psc-email" });
    var open = el("button", { type: "button", "class": "psc-tool", "aria-expanded": "false" }, title);
    var form = el("form", { "class": "psc-email-form", hidden: "", novalidate: "" });
    form.appendChild(el("label", { "for": "psc-email-" + n, "class": "psc-label" }, TEXT.emailLabel));
    var address = el("input", { id: "psc-email-" + n, type: "email", autocomplete: "email", "class": "psc-email-input" });
    form.appendChild(address);
    var consentLabel = el("label", { "class": "psc-check" });
    var consent = el("input", { type: "checkbox" });
    consentLabel.appendChild(consent);
    consentLabel.appendChild(el("span", {}, consentText));
    form.appendChild(consentLabel);
    form.appendChild(el("button", { type: "submit", "class": "psc-send" }, TEXT.sendEmail));
    var status = el("p", { "class": "psc-hint", role: "status" });
    form.appendChild(status);
    open.addEventListener("click", function () {
      form.hidden = !form.hidden;
      open.setAttribute("aria-expanded", form.hidden ? "false" : "true");
      if (!form.hidden) address.focus();
    });
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      status.textContent = "…";
      var reply = null;
      try {
        reply = await fetch(SERVER + route, {
          method: "POST", headers: self.headers(true),
          body: JSON.stringify({ conversation_id: self.id, email: address.value.trim(), consent: consent.checked })
        });
        var result = await reply.json();
        status.textContent = result.error || result.message;
        if (!result.error) { address.value = ""; consent.checked = false; }
      } catch (error) {
        status.textContent = TEXT.serverError;
      }
    });
    wrap.appendChild(open);
    wrap.appendChild(form);
    return wrap;
  };

  Widget.prototype.showProgress = function (progress) {
    var total = Math.max(progress.total || 1, progress.number || 1);
    this.progressFill.style.width = progress.done ? "100%" : Math.round(100 * ((progress.number || 1) - 1) / total) + "%";
    this.progress.hidden = false;
  };

  // The newest message in view: a verdict from its top (the sentence people came
  // for), otherwise the newest question, from its top if it does not fit.
  Widget.prototype.reveal = function (items) {
    var log = this.log;
    var verdict = null, last = null;
    items.forEach(function (item) {
      if (item.classList.contains("psc-bot")) last = item;
      if (item.hasAttribute("data-verdict") && item.classList.contains("psc-result")) verdict = item;
    });
    log.scrollTop = log.scrollHeight;
    var target = verdict || last;
    if (!target) return;
    var top = target.offsetTop - 8;
    if (verdict || top < log.scrollTop) log.scrollTop = top;
    if (verdict) verdict.querySelector(".psc-verdict").focus({ preventScroll: true });
  };

  // Buttons and the number hints belong to the newest question only.
  Widget.prototype.clearAnswerControls = function () {
    var active = document.activeElement;
    var hadFocus = this.choices.contains(active);
    this.choices.textContent = "";
    this.choices.hidden = true;
    if (this.activeChecklist) {  // an answered list is shown as a plain list again
      this.activeChecklist.set.replaceWith(this.activeChecklist.plain);
      this.activeChecklist = null;
    }
    this.setNumberMode(null);
    if (hadFocus) this.keepFocus();  // never leave focus on something that just disappeared
  };

  Widget.prototype.setNumberMode = function (question) {
    if (question) {
      this.inputLabel.textContent = question.unit ? fill(TEXT.numberLabelUnit, { unit: question.unit }) : TEXT.numberLabel;
      this.inputLabel.className = "psc-label";
      this.input.setAttribute("inputmode", "decimal");
      this.input.setAttribute("aria-describedby", "psc-hint");
      this.input.removeAttribute("placeholder");
      this.unit.textContent = question.unit || "";
      this.unit.hidden = !question.unit;
      this.hint.textContent = fill(TEXT.numberRange, { minimum: question.minimum, maximum: question.maximum });
      this.hint.hidden = false;
    } else {
      this.inputLabel.textContent = TEXT.inputLabel;
      this.inputLabel.className = "psc-visually-hidden";
      this.input.removeAttribute("inputmode");
      this.input.removeAttribute("aria-describedby");
      this.input.setAttribute("placeholder", TEXT.placeholder);
      this.unit.hidden = true;
      this.hint.hidden = true;
    }
  };

  Widget.prototype.choiceButton = function (title, payload, shown) {
    var self = this;
    var choice = el("button", { type: "button", "class": "psc-choice", tabindex: "-1" }, title);
    choice.addEventListener("click", function (event) {
      self.usedKeyboard = event.detail === 0;  // Enter or Space, not a pointer
      self.send(payload, shown || title);
    });
    return choice;
  };

  Widget.prototype.showAnswerControls = function (bubbles) {
    var self = this;
    this.clearAnswerControls();
    var withButtons = null, numberQuestion = null, checklist = null;
    bubbles.forEach(function (bubble) {
      if (bubble.role !== "bot") return;
      var custom = bubble.custom || {};
      var hasButtons = bubble.buttons && bubble.buttons.length;
      if (hasButtons) { withButtons = bubble; checklist = custom.checklist || null; }
      // A number with buttons (a small count) needs no unit and range; age and the like do.
      if (!hasButtons && custom.answer_type === "number") numberQuestion = custom;
    });
    var buttons = [];
    if (checklist) {
      buttons = this.showChecklist(checklist, withButtons.buttons);
    } else if (withButtons) {
      withButtons.buttons.forEach(function (button) {
        var choice = self.choiceButton(button.title, button.payload);
        self.choices.appendChild(choice);
        buttons.push(choice);
      });
    }
    if (buttons.length) {
      buttons[0].setAttribute("tabindex", "0");  // one stop for Tab; arrow keys move within
      this.choices.hidden = false;
      // The pointer still rests where the last answer was: no hover colour on the new
      // button under it until the pointer moves, so nothing looks chosen already.
      this.choices.classList.add("psc-fresh");
    }
    this.setNumberMode(numberQuestion);
    if (this.usedKeyboard && buttons.length) buttons[0].focus({ preventScroll: true });
  };

  // "Any of these?" as boxes to tick inside the question, with "None of these"
  // as its own choice; the follow-ups of ticked lines are asked next.
  Widget.prototype.showChecklist = function (checklist, buttons) {
    var self = this;
    var questions = this.log.querySelectorAll(".psc-msg[data-question-id]");
    var bubble = questions[questions.length - 1];
    var plain = bubble && bubble.querySelector(".psc-check-items");
    var set = el("fieldset", { "class": "psc-checklist" });
    set.appendChild(el("legend", {}, TEXT.tickLegend));
    var boxes = checklist.items.map(function (item) {
      var label = el("label", { "class": "psc-check" });
      var box = el("input", { type: "checkbox", value: item.id });
      label.appendChild(box);
      label.appendChild(el("span", {}, item.label));
      set.appendChild(label);
      return { box: box, label: item.label };
    });
    if (plain) {
      plain.replaceWith(set);
      this.activeChecklist = { set: set, plain: plain };
    }
    var problem = el("p", { "class": "psc-hint psc-tick-problem", role: "status" });
    var sendTicks = el("button", { type: "button", "class": "psc-send" }, TEXT.sendTicks);
    sendTicks.addEventListener("click", function (event) {
      var ticked = boxes.filter(function (b) { return b.box.checked; });
      if (!ticked.length) { problem.textContent = TEXT.noTicks; return; }
      self.usedKeyboard = event.detail === 0;
      var ids = ticked.map(function (b) { return b.box.value; }).join(",");
      var labels = ticked.map(function (b) { return b.label; }).join(TEXT.tickedSeparator);
      self.send(checklist.payload.replace("{items}", ids), fill(TEXT.ticked, { labels: labels }));
    });
    this.choices.appendChild(sendTicks);
    var none = this.choiceButton(checklist.none.label, checklist.none.payload);
    this.choices.appendChild(none);
    var others = [none];
    buttons.forEach(function (button) {
      if (/not_sure/.test(button.payload)) {
        var unsure = self.choiceButton(button.title, button.payload);
        self.choices.appendChild(unsure);
        others.push(unsure);
      }
    });
    this.choices.appendChild(problem);
    return others;
  };

  // Arrow keys move between the answer buttons (one Tab stop for the group).
  Widget.prototype.moveAmongChoices = function (event) {
    var keys = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (!(event.key in keys) || !event.target.classList.contains("psc-choice")) return;
    var buttons = Array.prototype.slice.call(this.choices.querySelectorAll(".psc-choice"));
    var index = buttons.indexOf(event.target);
    var next = buttons[(index + keys[event.key] + buttons.length) % buttons.length];
    buttons.forEach(function (b) { b.setAttribute("tabindex", b === next ? "0" : "-1"); });
    next.focus();
    event.preventDefault();
  };

  // After an answer, focus stays in the chat without moving the page: in the
  // text box with a mouse or keyboard; on a touch screen on the conversation,
  // so that no on-screen keyboard pops up after every tap.
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
          method: "POST", headers: this.headers(true), body: JSON.stringify(body)
        });
        if (reply.status >= 502 && reply.status <= 504) failed = true;  // a proxy in front of a server that is down
        else result = await reply.json().catch(function () { return { error: TEXT.serverError }; });
      } catch (error) {
        failed = true;  // no connection
      }
      if (!failed) {
        if (this.offline) { this.offline = false; this.showStatus(TEXT.back); var self = this; setTimeout(function () { if (!self.offline) self.hideStatus(); }, 4000); }
        if (result && result.error) return { messages: [{ role: "bot", text: result.error, buttons: [], custom: {} }] };
        return { messages: (result && result.messages) || [], language: result && result.language };
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
    var hadFocus = this.choices.contains(document.activeElement);
    this.clearAnswerControls();
    if (hadFocus) this.keepFocus();
    var sent = shown ? this.addBubble({ role: "user", text: shown }) : null;
    if (sent) this.reveal([sent]);
    var body = { conversation_id: this.id, message: message, shown: shown, message_id: randomHex(16) };
    this.setBusy(true);
    this.queue = this.queue.then(function () { return self.deliver(body); }).then(async function (answer) {
      var bubbles = answer.messages;
      // The conversation changed language in words ("说中文", "English please"): the widget follows.
      if (LANGUAGES.indexOf(answer.language) >= 0 && answer.language !== self.language) {
        rememberLanguage(answer.language);
        await self.useLanguage(answer.language);
      }
      if (options.clearLog) { self.log.textContent = ""; self.progress.hidden = true; }  // the stored conversation is gone; so is what it showed
      var items = bubbles.map(function (bubble) { return self.addBubble(bubble); });
      self.showAnswerControls(bubbles);
      self.reveal(items);
    }).catch(function () {
      self.reveal([self.addBubble({ role: "bot", text: TEXT.serverError })]);
    }).then(function () {
      self.setBusy(false);  // always, so the next message is sent and the chat never looks stuck
    });
    return this.queue;
  };

  // A link from "Email me a link" (?resume=TOKEN): the server gives this
  // conversation's id once; the token is then taken out of the address bar.
  Widget.prototype.resumeFromLink = async function () {
    var params = new URLSearchParams(window.location.search);
    var token = params.get("resume");
    if (!token) return null;
    params.delete("resume");
    var rest = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (rest ? "?" + rest : "") + window.location.hash);
    try {
      var reply = await fetch(SERVER + "/widget/resume", {
        method: "POST", headers: this.headers(true), body: JSON.stringify({ token: token })
      });
      var result = await reply.json();
      if (result.conversation_id && /^[0-9a-f]{32}$/.test(result.conversation_id)) {
        this.id = result.conversation_id;
        try { window.localStorage.setItem(STORAGE_KEY, this.id); } catch (e) { /* kept in memory only */ }
        return TEXT.resumed;
      }
      return result.error || TEXT.serverError;
    } catch (error) {
      return TEXT.serverError;
    }
  };

  // Shows the conversation so far (after a reload), or starts a new one.
  Widget.prototype.start = async function () {
    await this.loadWords(this.language);
    this.build();
    this.applyLanguageToPage();
    var notice = await this.resumeFromLink();
    if (notice) this.showStatus(notice);
    var history = null, language = null;
    for (var attempt = 0; history === null; attempt++) {
      try {
        var reply = await fetch(SERVER + "/widget/history/" + this.id, { headers: this.headers(false) });
        if (reply.ok) { var stored = await reply.json(); history = stored.messages || []; language = stored.language; }
        else if (reply.status < 500) history = [];
      } catch (error) { /* retried below */ }
      if (history === null) {
        this.offline = true;
        this.showStatus(TEXT.lost);
        await sleep(RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]);
      }
    }
    if (this.offline) { this.offline = false; this.hideStatus(); }
    if (!history.length) return this.open();
    // A conversation goes on in the language it was left in (it may have been switched in words).
    if (LANGUAGES.indexOf(language) >= 0 && language !== this.language) {
      var resumed = notice === TEXT.resumed;
      await this.useLanguage(language);
      if (resumed) this.showStatus(TEXT.resumed);
    }
    var self = this;
    var items = history.map(function (bubble) { return self.addBubble(bubble); });
    this.log.setAttribute("aria-busy", "false");
    var lastUser = -1;
    history.forEach(function (bubble, index) { if (bubble.role === "user") lastUser = index; });
    this.showAnswerControls(history.slice(lastUser + 1));
    this.reveal(items.slice(lastUser + 1));
  };

  // A new conversation: the assistant is told the language first, so that it greets in it.
  Widget.prototype.open = function () {
    if (this.language !== "en") this.send(chooseLanguagePayload(this.language), "");
    return this.send("/greet", "");
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
