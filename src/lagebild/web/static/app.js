// Lagebild dashboard behaviour: small, dependency-free, progressive.
// Pages work without it; it adds event details in the article reader and
// highlights the events behind a chart point on dyad pages.
"use strict";

(function () {
  function eventIds(el) {
    return (el.getAttribute("data-events") || "").split(" ").filter(Boolean);
  }

  function clearActive() {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
  }

  // Show an event's table row as a definition list in the side panel.
  function showEvent(id) {
    var row = document.getElementById("ev-" + id);
    var panel = document.getElementById("details");
    if (!row || !panel) { return; }
    clearActive();
    row.classList.add("active");
    document.querySelectorAll("[data-events]").forEach(function (el) {
      if (eventIds(el).indexOf(id) >= 0) { el.classList.add("active"); }
    });
    var heads = row.closest("table").querySelectorAll("thead th");
    var list = document.createElement("dl");
    Array.prototype.forEach.call(row.cells, function (cell, i) {
      var dt = document.createElement("dt");
      var dd = document.createElement("dd");
      dt.textContent = heads[i] ? heads[i].textContent : "";
      dd.textContent = cell.textContent;  // text only: never re-parse as markup
      list.appendChild(dt);
      list.appendChild(dd);
    });
    var title = document.createElement("h3");
    title.textContent = "Event";
    panel.replaceChildren(title, list);
  }

  function onReader() {
    var text = document.getElementById("article-text");
    if (!text) { return; }
    text.addEventListener("click", function (ev) {
      var mark = ev.target.closest("mark.trigger, .evidence");
      if (!mark || ev.target.closest("a")) { return; }
      var ids = eventIds(mark);
      if (ids.length) { showEvent(ids[0]); }
    });
    text.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && ev.target.matches("mark.trigger")) { showEvent(eventIds(ev.target)[0]); }
    });
    document.querySelectorAll("tr.event-row").forEach(function (row) {
      row.addEventListener("click", function (ev) {
        if (ev.target.closest("a")) { return; }
        showEvent(row.getAttribute("data-event"));
        var first = text.querySelector(".evidence.active, mark.trigger.active");
        if (first) { first.scrollIntoView({ block: "center" }); }
      });
    });
    if (location.hash.indexOf("#ev-") === 0) { showEvent(location.hash.slice(4)); }
  }

  function markPeriod() {
    var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (target && target.classList.contains("period")) {
      clearActive();
      target.classList.add("active");
    }
  }

  function onDyad() {
    if (!document.querySelector(".period")) { return; }
    window.addEventListener("hashchange", markPeriod);
    markPeriod();
  }

  document.addEventListener("DOMContentLoaded", function () {
    onReader();
    onDyad();
  });
})();
