// The participant page of Boussole's room. Written for it: no framework,
// no third-party code. Every text from the room is inserted with
// textContent, never as markup.
"use strict";

(function () {
  var T = {
    fr: {
      lang: "English", langName: "Passer en anglais",
      who: "Qui êtes-vous ?", anon: "Rester anonyme", anonOnly: "Rejoindre la salle (anonyme)",
      meNamed: "Vous êtes {name}.", meAnon: "Vous participez anonymement.",
      write: "Écrire une carte", cardText: "Votre idée", cardKind: "Type de carte",
      kinds: { "objective": "Objectif", "kpi": "Indicateur", "side-effect": "Effet pervers" },
      anonCard: "Carte anonyme (sans mon nom)", send: "Ajouter la carte", sent: "Carte ajoutée.",
      cards: "Les cartes de la salle", noCards: "Aucune carte pour l'instant.",
      give: "Donner un point à : {text}", take: "Reprendre un point de : {text}",
      mine: ["{n} de vos points", "{n} de vos points"], left: ["Il vous reste {left} point sur {budget}", "Il vous reste {left} points sur {budget}"],
      capNote: " (au plus {cap} par carte)",
      ranking: "Le classement", count: ["{n} point", "{n} points"],
      phases: { collect: "Écrivez vos idées.", vote: "Votez avec vos points.", reveal: "Résultats du vote.", closed: "La salle est fermée aux contributions." },
      signed: "La charte est signée : le tableau ne change plus.",
      timer: "Temps restant : {t}", paused: "Minuteur en pause : {t}",
      offline: "Connexion perdue : nouvelle tentative…", by: "par {name}",
      failed: "La salle ne répond pas. Vérifiez le Wi-Fi puis réessayez."
    },
    en: {
      lang: "Français", langName: "Switch to French",
      who: "Who are you?", anon: "Stay anonymous", anonOnly: "Join the room (anonymous)",
      meNamed: "You are {name}.", meAnon: "You take part anonymously.",
      write: "Write a card", cardText: "Your idea", cardKind: "Kind of card",
      kinds: { "objective": "Objective", "kpi": "Indicator", "side-effect": "Side effect" },
      anonCard: "Anonymous card (without my name)", send: "Add the card", sent: "Card added.",
      cards: "The room's cards", noCards: "No cards yet.",
      give: "Give a dot to: {text}", take: "Take a dot back from: {text}",
      mine: ["{n} of your dots", "{n} of your dots"], left: ["{left} of {budget} dots left", "{left} of {budget} dots left"],
      capNote: " (at most {cap} per card)",
      ranking: "The ranking", count: ["{n} dot", "{n} dots"],
      phases: { collect: "Write your ideas.", vote: "Vote with your dots.", reveal: "The vote's results.", closed: "The room is closed to contributions." },
      signed: "The charter is signed: the board no longer changes.",
      timer: "Time left: {t}", paused: "Timer paused: {t}",
      offline: "Connection lost: trying again…", by: "by {name}",
      failed: "The room is not answering. Check the Wi-Fi and try again."
    }
  };

  function frSpaces(s) { return s.replace(/ ([:;?!])/g, "\u202f$1"); }
  var lang = "en";
  try { lang = localStorage.getItem("boussole-lang") || ""; } catch (e) { lang = ""; }
  if (lang !== "fr" && lang !== "en") {
    lang = (navigator.languages && navigator.languages[0] || navigator.language || "en").toLowerCase().indexOf("fr") === 0 ? "fr" : "en";
  }

  // t is the text of key in the page's language; a key with two forms
  // takes the one for args.n (or args.left): French's singular covers 0
  // and 1, English's 1 only.
  function t(key, args) {
    var s = T[lang][key];
    if (Array.isArray(s)) {
      var n = args && (args.n !== undefined ? args.n : args.left);
      s = s[(n === 1 || (lang === "fr" && n === 0)) ? 0 : 1];
    }
    if (args) { Object.keys(args).forEach(function (k) { s = s.split("{" + k + "}").join(String(args[k])); }); }
    return lang === "fr" ? frSpaces(s) : s;
  }
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }

  var state = null;
  var timerEnd = 0, timerLeft = 0, timerRunning = false;

  function say(text, ok) {
    var m = $("message");
    m.textContent = text || "";
    m.className = ok ? "message ok" : "message";
  }

  function post(what, body) {
    return fetch("api/" + what, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) { say(j[lang] || t("failed")); return false; }
        say("");
        render(j);
        return true;
      });
    }).catch(function () { say(t("failed")); return false; });
  }

  function staticTexts() {
    document.documentElement.lang = lang;
    $("lang").textContent = t("lang");
    $("lang").setAttribute("aria-label", t("langName"));
    $("lang").setAttribute("lang", lang === "fr" ? "en" : "fr");
    $("who-title").textContent = t("who");
    $("write-title").textContent = t("write");
    $("card-text-label").textContent = t("cardText");
    $("card-kind-label").textContent = t("cardKind");
    Array.prototype.forEach.call($("card-kind").options, function (o) { o.textContent = T[lang].kinds[o.value]; });
    $("anon-card-label").textContent = t("anonCard");
    $("card-send").textContent = t("send");
    $("cards-title").textContent = t("cards");
    $("ranking-title").textContent = t("ranking");
    $("offline").textContent = t("offline");
  }

  function render(s) {
    if (!s || typeof s !== "object") { return; }
    state = s;
    staticTexts();
    if (s.title) { $("title").textContent = s.title; document.title = s.title + " · Boussole"; }
    var ph = T[lang].phases[s.phase];
    $("phase").textContent = s.signed ? t("signed") : (ph ? frSpacesIf(ph) : "");

    var joined = s.me && s.me.joined;
    $("who").hidden = joined || s.signed;
    $("me").hidden = !joined;
    if (joined) { $("me-line").textContent = s.me.name ? t("meNamed", { name: s.me.name }) : t("meAnon"); }
    renderPeople(s);

    var canWrite = joined && !s.signed && s.phase === "collect";
    $("write").hidden = !canWrite;
    $("anon-card-line").hidden = s.anonymous || !(s.me && s.me.name);

    var voting = joined && !s.signed && s.phase === "vote";
    $("dots").hidden = !voting;
    if (voting) {
      var dots = "";
      for (var i = 0; i < s.budget; i++) { dots += i < s.left ? "●" : "○"; }
      $("dots-shown").textContent = dots;
      $("dots-text").textContent = t("left", { left: s.left, budget: s.budget }) + (s.cap > 0 ? t("capNote", { cap: s.cap }) : "");
    }
    renderCards(s, voting);
    renderRanking(s);
    setTimer(s.timer);
  }

  function frSpacesIf(s) { return lang === "fr" ? frSpaces(s) : s; }

  function renderPeople(s) {
    var ul = $("people");
    clear(ul);
    (s.people || []).forEach(function (p) {
      var li = el("li");
      var b = el("button", "secondary", p.name);
      b.type = "button";
      b.disabled = !!p.taken; // chosen on a device (this one has already joined)
      b.addEventListener("click", function () { post("who", { participant: p.id }); });
      li.appendChild(b);
      ul.appendChild(li);
    });
    $("anon").textContent = s.anonymous ? t("anonOnly") : t("anon");
  }

  function renderCards(s, voting) {
    var ul = $("cards");
    var focusedId = document.activeElement && document.activeElement.getAttribute("data-id");
    var focusedAct = document.activeElement && document.activeElement.getAttribute("data-act");
    clear(ul);
    $("no-cards").textContent = s.cards.length ? "" : t("noCards");
    s.cards.forEach(function (c) {
      var li = el("li");
      li.appendChild(el("p", "card-text", c.text));
      var meta = T[lang].kinds[c.kind] || "";
      if (c.author) { meta += " · " + t("by", { name: c.author }); }
      li.appendChild(el("p", "card-meta", meta));
      if (voting) {
        var row = el("div", "card-votes");
        var mine = (s.mine && s.mine[c.id]) || 0;
        var shown = el("span", "mine", "●".repeat(mine));
        shown.setAttribute("aria-label", t("mine", { n: mine }));
        var minus = el("button", "secondary", "−");
        minus.type = "button";
        minus.disabled = mine === 0;
        minus.setAttribute("aria-label", t("take", { text: c.text }));
        minus.setAttribute("data-id", c.id); minus.setAttribute("data-act", "unvote");
        minus.addEventListener("click", function () { post("unvote", { card: c.id }); });
        var plus = el("button", "", "+");
        plus.type = "button";
        plus.disabled = s.left === 0;
        plus.setAttribute("aria-label", t("give", { text: c.text }));
        plus.setAttribute("data-id", c.id); plus.setAttribute("data-act", "vote");
        plus.addEventListener("click", function () { post("vote", { card: c.id }); });
        row.appendChild(shown); row.appendChild(minus); row.appendChild(plus);
        li.appendChild(row);
        if (focusedId === c.id) { (focusedAct === "vote" ? plus : minus).setAttribute("data-refocus", "1"); }
      }
      ul.appendChild(li);
    });
    var again = ul.querySelector("[data-refocus]");
    if (again) { again.focus(); }
  }

  function renderRanking(s) {
    var ol = $("ranking");
    clear(ol);
    var list = s.ranking || [];
    $("ranking-box").hidden = list.length === 0;
    list.forEach(function (c) {
      var li = el("li");
      li.appendChild(el("span", "count", t("count", { n: c.count })));
      li.appendChild(document.createTextNode(" · "));
      li.appendChild(el("span", "card-text", c.text));
      ol.appendChild(li);
    });
  }

  function setTimer(tm) {
    if (!tm) { timerRunning = false; $("timer").hidden = true; return; }
    timerRunning = tm.running;
    timerLeft = tm.seconds;
    timerEnd = Date.now() + tm.seconds * 1000;
    tick();
  }
  function tick() {
    if (!state || !state.timer) { return; }
    var left = timerRunning ? Math.max(0, Math.round((timerEnd - Date.now()) / 1000)) : timerLeft;
    var mm = Math.floor(left / 60), ss = left % 60;
    var shown = mm + ":" + (ss < 10 ? "0" : "") + ss;
    $("timer").hidden = false;
    $("timer").textContent = timerRunning ? t("timer", { t: shown }) : t("paused", { t: shown });
  }
  setInterval(tick, 1000);

  $("lang").addEventListener("click", function () {
    lang = lang === "fr" ? "en" : "fr";
    try { localStorage.setItem("boussole-lang", lang); } catch (e) { /* private mode */ }
    say("");
    if (state) { render(state); } else { staticTexts(); }
  });
  $("anon").addEventListener("click", function () { post("who", { participant: "" }); });
  $("card-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var text = $("card-text").value;
    if (!text.trim()) { $("card-text").focus(); return; }
    var btn = $("card-send");
    btn.disabled = true;
    post("card", { text: text, kind: $("card-kind").value, anonymous: $("anon-card").checked }).then(function (ok) {
      btn.disabled = false;
      if (ok) { $("card-text").value = ""; $("anon-card").checked = false; say(t("sent"), true); $("card-text").focus(); }
    });
  });

  // Live updates: the browser's EventSource reconnects by itself (after
  // a phone sleeps); each event holds the whole state.
  function listen() {
    var es = new EventSource("api/events");
    es.addEventListener("state", function (ev) {
      $("offline").hidden = true;
      try { render(JSON.parse(ev.data)); } catch (e) { /* a partial event: the next one is whole */ }
    });
    es.onerror = function () { $("offline").hidden = false; };
    es.onopen = function () { $("offline").hidden = true; };
  }

  staticTexts();
  fetch("api/state", { credentials: "same-origin" }).then(function (r) { return r.json().then(function (j) {
    if (!r.ok) { say(j[lang] || t("failed")); return; }
    render(j);
  }); }).catch(function () { say(t("failed")); });
  listen();
})();
