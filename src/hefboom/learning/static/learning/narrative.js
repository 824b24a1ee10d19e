/* Narrative editor: typing @ in the text suggests records; choosing one inserts [@kind:id]. */
(function () {
  "use strict";
  const TRIGGER = /(?:^|[\s(])@([^\s@\[\]]{0,40})$/;

  function setUp(textarea) {
    const list = textarea.parentElement.querySelector(".reference-suggestions");
    if (!list) return;
    const url = textarea.dataset.references;
    let results = [];
    let active = 0;
    let start = -1; // where the @ is
    let timer = null;
    let asked = 0;

    function close() {
      list.hidden = true;
      list.replaceChildren();
      results = [];
      start = -1;
      textarea.removeAttribute("aria-activedescendant");
    }

    function show() {
      list.replaceChildren();
      if (!results.length) {
        const li = document.createElement("li");
        li.className = "muted";
        li.textContent = list.dataset.nothing || "…";
        list.appendChild(li);
      }
      results.forEach((result, index) => {
        const li = document.createElement("li");
        li.id = "reference-option-" + index;
        li.setAttribute("role", "option");
        li.dataset.token = result.token;
        li.className = index === active ? "active" : "";
        const kind = document.createElement("span");
        kind.className = "badge badge-" + result.kind;
        kind.textContent = result.kind_label;
        const hint = document.createElement("small");
        hint.className = "muted";
        hint.textContent = result.hint ? " " + result.hint : "";
        li.append(kind, " " + result.text, hint);
        li.addEventListener("mousedown", (event) => {
          event.preventDefault(); // keep the focus in the text
          choose(index);
        });
        list.appendChild(li);
      });
      if (results.length) textarea.setAttribute("aria-activedescendant", "reference-option-" + active);
      list.hidden = false;
    }

    function choose(index) {
      const result = results[index];
      if (!result || start < 0) return;
      const caret = textarea.selectionStart;
      const before = textarea.value.slice(0, start);
      const after = textarea.value.slice(caret);
      const insert = result.token + " ";
      textarea.value = before + insert + after;
      const position = before.length + insert.length;
      textarea.setSelectionRange(position, position);
      close();
      textarea.focus();
    }

    function lookUp() {
      const caret = textarea.selectionStart;
      const match = TRIGGER.exec(textarea.value.slice(0, caret));
      if (!match) { close(); return; }
      start = caret - match[1].length - 1;
      const query = match[1];
      const ticket = ++asked;
      clearTimeout(timer);
      timer = setTimeout(() => {
        fetch(url + "?q=" + encodeURIComponent(query), {credentials: "same-origin"})
          .then((response) => response.json())
          .then((json) => {
            if (ticket !== asked || start < 0) return; // an older answer, or closed meanwhile
            results = json.results || [];
            active = 0;
            show();
          })
          .catch(close);
      }, 150);
    }

    textarea.addEventListener("input", lookUp);
    textarea.addEventListener("blur", () => setTimeout(close, 100));
    textarea.addEventListener("keydown", (event) => {
      if (list.hidden || !results.length) {
        if (event.key === "Escape") close();
        return;
      }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        active = (active + (event.key === "ArrowDown" ? 1 : results.length - 1)) % results.length;
        show();
      } else if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        choose(active);
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
  }

  document.querySelectorAll("textarea[data-references]").forEach(setUp);
})();
