/* The editors' review desk (summits/admin_review.py): choosing the current item, the keyboard,
   the speaker autocomplete and turning a selection in the article into a span. Every change is
   an htmx request whose answer swaps the changed parts of the page. */
(function () {
  "use strict";

  const desk = document.getElementById("review-desk");
  if (!desk) {
    return;
  }
  const message = document.getElementById("review-message");
  let currentId = null;

  const rows = () => Array.from(desk.querySelectorAll(".review-item"));
  const currentRow = () => (currentId ? document.getElementById(currentId) : null);

  function say(text) {
    message.textContent = text;
  }

  function marksOf(row) {
    const id = row.dataset.span;
    return Array.from(desk.querySelectorAll(`mark[id="${id}"], mark[data-span="${id}"]`));
  }

  function select(row, { scrollText = true } = {}) {
    if (!row) {
      return;
    }
    desk.querySelectorAll(".is-current").forEach((el) => el.classList.remove("is-current"));
    currentId = row.id;
    row.classList.add("is-current");
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
    const marks = marksOf(row);
    marks.forEach((mark) => mark.classList.add("is-current"));
    if (scrollText && marks.length) {
      marks[0].scrollIntoView({ block: "center" });
    }
  }

  function move(step) {
    const all = rows();
    const at = all.indexOf(currentRow());
    const next = at === -1 ? (step > 0 ? 0 : all.length - 1) : at + step;
    if (next >= 0 && next < all.length) {
      select(all[next]);
    }
  }

  function nextPending(from) {
    const all = rows();
    const at = all.indexOf(from);
    const after = all.slice(at + 1).concat(all.slice(0, Math.max(at, 0)));
    return after.find((row) => row.dataset.status === "pending");
  }

  function openForm(row, selector) {
    const form = row && row.querySelector(selector);
    if (!form) {
      return null;
    }
    row.querySelectorAll(".review-form").forEach((other) => {
      other.hidden = other !== form;
    });
    form.hidden = false;
    form.scrollIntoView({ block: "nearest" });
    const input = form.querySelector("input[type=text]");
    if (input) {
      input.focus({ preventScroll: true });
    }
    return form;
  }

  function closeForms(row) {
    if (row) {
      row.querySelectorAll(".review-form").forEach((form) => {
        form.hidden = true;
      });
      row.focus({ preventScroll: true });
    }
  }

  function post(row, action) {
    const button = row && row.querySelector(`[hx-post$="/${action}/"]`);
    if (button) {
      button.click();
    }
  }

  // --- Span from the selected words ---------------------------------------------------------

  const codePoints = (text) => Array.from(text).length; // offsets count characters, as Python does

  function offsetAt(container, node, offset) {
    if (node.nodeType === Node.TEXT_NODE) {
      const holder = node.parentElement.closest("[data-start]");
      if (holder && container.contains(holder)) {
        return Number(holder.dataset.start) + codePoints(node.data.slice(0, offset));
      }
    }
    // A boundary between elements: the offset of the first run of text after it.
    const point = document.createRange();
    point.setStart(node, offset);
    for (const run of container.querySelectorAll("[data-start]")) {
      if (point.comparePoint(run, 0) >= 0) {
        return Number(run.dataset.start);
      }
    }
    return Array.from(container.querySelectorAll("[data-start]")).reduce(
      (end, run) => Math.max(end, Number(run.dataset.start) + codePoints(run.textContent)),
      0,
    );
  }

  function spanFromSelection(row) {
    const selection = window.getSelection();
    const text = document.getElementById(`review-article-${row.dataset.article}`);
    if (!text || !selection.rangeCount || selection.isCollapsed) {
      say("Select the words of this item in its article first, then press e.");
      return;
    }
    const range = selection.getRangeAt(0);
    if (!text.contains(range.commonAncestorContainer)) {
      say("Select words in this item's own article.");
      return;
    }
    const form = row.querySelector(".review-span-form");
    form.elements.start.value = offsetAt(text, range.startContainer, range.startOffset);
    form.elements.end.value = offsetAt(text, range.endContainer, range.endOffset);
    selection.removeAllRanges();
    form.requestSubmit();
  }

  // --- Speaker autocomplete (the admin's own autocomplete view) -------------------------------

  let lookup = Promise.resolve();
  let lookupTimer = null;

  function options(form) {
    return Array.from(form.querySelectorAll(".review-options li"));
  }

  function activate(form, option) {
    options(form).forEach((li) => li.classList.toggle("is-active", li === option));
    const input = form.querySelector(".review-speaker-input");
    if (option) {
      input.setAttribute("aria-activedescendant", option.id);
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function showPeople(form, term, people) {
    const list = form.querySelector(".review-options");
    list.replaceChildren();
    people.forEach((person, n) => {
      const li = document.createElement("li");
      li.id = `${list.id}-${n}`;
      li.setAttribute("role", "option");
      li.dataset.id = person.id;
      li.textContent = person.text;
      list.append(li);
    });
    if (term) {
      const li = document.createElement("li");
      li.id = `${list.id}-new`;
      li.setAttribute("role", "option");
      li.dataset.newName = term;
      li.textContent = `New person: ${term}`;
      list.append(li);
    }
    list.hidden = !list.children.length;
    list.scrollIntoView({ block: "nearest" });
    form.querySelector(".review-speaker-input").setAttribute("aria-expanded", String(!list.hidden));
    activate(form, list.firstElementChild);
  }

  function findPeople(form) {
    const term = form.querySelector(".review-speaker-input").value.trim();
    const url = `${desk.dataset.autocompleteUrl}&term=${encodeURIComponent(term)}`;
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : { results: [] }))
      .then((data) => showPeople(form, term, data.results || []))
      .catch(() => say("The list of people could not be loaded."));
  }

  function chooseSpeaker(form, option) {
    if (!option) {
      say("Type a name and choose a person, or a new one.");
      return;
    }
    form.elements.speaker.value = option.dataset.id || "";
    form.elements.new_name.value = option.dataset.newName || "";
    form.requestSubmit();
  }

  desk.addEventListener("input", (event) => {
    const form = event.target.closest(".review-speaker-form");
    if (form) {
      clearTimeout(lookupTimer);
      lookup = new Promise((resolve) => {
        lookupTimer = setTimeout(() => resolve(findPeople(form)), 150);
      });
    }
  });

  desk.addEventListener("keydown", (event) => {
    const form = event.target.closest(".review-speaker-form");
    if (!form || !event.target.matches(".review-speaker-input")) {
      return;
    }
    const all = options(form);
    const at = all.findIndex((li) => li.classList.contains("is-active"));
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      activate(form, all[Math.min(Math.max(at + step, 0), all.length - 1)]);
    } else if (event.key === "Enter") {
      event.preventDefault();
      // A name typed fast: wait for its list before taking the first person in it.
      lookup.then(() => chooseSpeaker(form, form.querySelector(".review-options li.is-active")));
    }
  });

  // --- Keyboard and clicks ------------------------------------------------------------------

  const KEYS = {
    j: () => move(1),
    k: () => move(-1),
    a: (row) => post(row, "approve"),
    u: (row) => post(row, "undo"),
    t: (row) => post(row, "kind"),
    r: (row) => openForm(row, ".review-reject-form"),
    s: (row) => openForm(row, ".review-speaker-form"),
    e: (row) => row && row.dataset.article && spanFromSelection(row),
    A: () => document.getElementById("review-approve-remaining").click(),
    P: () => {
      const button = document.getElementById("review-publish-button");
      if (button) {
        button.click();
      }
    },
  };

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      closeForms(event.target.closest(".review-item") || currentRow());
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.target.closest("input, textarea, select")) {
      return;
    }
    const handler = KEYS[event.key];
    if (handler) {
      event.preventDefault();
      if (!currentRow() && event.key !== "j" && event.key !== "k") {
        select(nextPending(null) || rows()[0]);
      }
      handler(currentRow());
    }
  });

  desk.addEventListener("click", (event) => {
    const option = event.target.closest(".review-options li");
    if (option) {
      chooseSpeaker(option.closest("form"), option);
      return;
    }
    const opener = event.target.closest("[data-review]");
    if (opener) {
      const row = opener.closest(".review-item");
      const what = opener.dataset.review;
      if (row) {
        select(row, { scrollText: what !== "span" });
      }
      if (what === "reject") {
        openForm(row, ".review-reject-form");
      } else if (what === "speaker") {
        openForm(row, ".review-speaker-form");
      } else if (what === "span") {
        spanFromSelection(row);
      } else if (what === "dismiss") {
        const box = opener.closest(".review-publish");
        box.querySelectorAll("[data-question]").forEach((el) => el.remove());
        document.getElementById("review-publish-button").hidden = false;
        select(nextPending(currentRow()) || rows()[0]);
      }
      return;
    }
    const mark = event.target.closest(".review-text mark");
    if (mark && window.getSelection().isCollapsed) {
      const row = document.getElementById(`item-${(mark.id || mark.dataset.span).slice("span-".length)}`);
      select(row, { scrollText: false });
      return;
    }
    const row = event.target.closest(".review-item");
    if (row && !event.target.closest("a, button, input, form")) {
      select(row);
    }
  });

  // --- Moving on, and after each answer ----------------------------------------------------------

  // Approving or rejecting moves on to the next pending item at once, without waiting for the
  // answer, so that keys pressed quickly act on the item the editor sees as current.
  function moveOnFrom(row) {
    if (row && row.id === currentId) {
      select(nextPending(row) || row);
    }
  }

  desk.addEventListener("click", (event) => {
    const approve = event.target.closest('.review-item [hx-post$="/approve/"]');
    if (approve) {
      moveOnFrom(approve.closest(".review-item"));
    }
  });

  desk.addEventListener("submit", (event) => {
    if (event.target.matches(".review-reject-form")) {
      moveOnFrom(event.target.closest(".review-item"));
    }
  });

  document.body.addEventListener("htmx:beforeRequest", () => say(""));

  document.body.addEventListener("htmx:responseError", (event) => {
    say(event.detail.xhr.responseText || `The change failed (${event.detail.xhr.status}).`);
  });

  document.body.addEventListener("htmx:sendError", () => say("The server could not be reached."));

  // A swapped row or article text is a new element: mark the current item on it again, and give
  // the row back the focus a removed form took with it.
  document.body.addEventListener("htmx:afterSettle", () => {
    const row = currentRow();
    if (!row) {
      return;
    }
    row.classList.add("is-current");
    marksOf(row).forEach((mark) => mark.classList.add("is-current"));
    const focused = document.activeElement;
    if (!focused || focused === document.body || !document.contains(focused)) {
      row.focus({ preventScroll: true });
    }
  });
})();
