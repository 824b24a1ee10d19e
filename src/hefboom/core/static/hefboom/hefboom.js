/* Hefboom's small behaviours: quick capture dialog and its shortcut, autocomplete fields. */
(function () {
  "use strict";
  const body = document.body;
  const csrf = () => body.dataset.csrf;
  const t = (key) => body.dataset["i18n" + key] || key;

  function autocomplete(select) {
    if (select.tomselect) return;
    const url = select.dataset.autocomplete;
    const createUrl = select.dataset.create;
    const options = {
      valueField: "value", labelField: "text", searchField: ["text", "hint"],
      maxOptions: 20, loadThrottle: 120, closeAfterSelect: true,
      preload: select.dataset.preload || false, plugins: ["remove_button"],
      load(query, callback) {
        fetch(url + "?q=" + encodeURIComponent(query), {credentials: "same-origin"})
          .then((r) => r.json()).then((j) => callback(j.results)).catch(() => callback());
      },
      render: {
        option(data, escape) {
          return "<div>" + escape(data.text) +
            (data.hint ? ' <small class="muted">' + escape(data.hint) + "</small>" : "") + "</div>";
        },
        option_create(data, escape) {
          return '<div class="create">' + escape(t("Create")) + " <strong>" + escape(data.input) + "</strong>…</div>";
        },
        no_results() { return '<div class="no-results">' + escape(t("Nothing")) + "</div>"; },
      },
      onItemAdd(value) {
        // A person brings the organisation they currently work for, when none is chosen yet.
        const option = this.options[value];
        const orgSelect = select.form && select.form.querySelector("select[name=organisations]");
        if (option && option.organisation && orgSelect && orgSelect.tomselect &&
            orgSelect.tomselect.items.length === 0) {
          orgSelect.tomselect.addOption(option.organisation);
          orgSelect.tomselect.addItem(String(option.organisation.value), true);
        }
      },
    };
    if (createUrl) {
      options.create = function (input, callback) {
        const data = new FormData();
        data.append("name", input);
        fetch(createUrl, {method: "POST", body: data, credentials: "same-origin",
                          headers: {"X-CSRFToken": csrf()}})
          .then((r) => (r.ok ? r.json() : null)).then((j) => callback(j || undefined))
          .catch(() => callback());
      };
    }
    const ts = new TomSelect(select, options);
    // Tab takes the highlighted suggestion *and* moves on to the next field: one keystroke.
    ts.control_input.addEventListener("keydown", (event) => {
      if (event.key === "Tab" && !event.shiftKey && ts.isOpen && ts.activeOption &&
          ts.canSelect(ts.activeOption)) {
        ts.onOptionSelect(event, ts.activeOption);
      }
    });
  }

  const dialog = document.getElementById("quick-capture");
  const opener = document.getElementById("quick-capture-open");

  function init(root) {
    root.querySelectorAll("select[data-autocomplete]").forEach(autocomplete);
    if (dialog && dialog.contains(root) && root.querySelector(".quick-form")) {
      if (!dialog.open) dialog.showModal();
      document.getElementById("toast").hidden = true;
      const first = root.querySelector(".quick-form .field input:not([type=hidden]), .quick-form .field textarea, .quick-form .field select");
      const focusable = first && first.tomselect ? first.tomselect.control_input : first;
      if (focusable) focusable.focus();
    }
  }
  htmx.onLoad(init);

  // Instead of inline handlers, which the Content-Security-Policy refuses: a button with
  // data-print prints the page, a select with data-autosubmit submits its form on a change.
  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-print]")) window.print();
  });
  document.addEventListener("change", (event) => {
    const select = event.target.closest("select[data-autosubmit]");
    if (select && select.form) select.form.submit();
  });

  if (dialog && opener) {
    document.addEventListener("keydown", (event) => {
      const typing = event.target.closest("input, textarea, select, [contenteditable]");
      if (event.key === "n" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey && !dialog.open) {
        event.preventDefault();
        opener.click();
      } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && dialog.open) {
        const form = dialog.querySelector("form.quick-form");
        if (form) { event.preventDefault(); htmx.trigger(form, "submit"); }
      }
    });
    body.addEventListener("hefboom:saved", (event) => {
      dialog.close();
      const toast = document.getElementById("toast");
      toast.innerHTML = "";
      const link = document.createElement("a");
      link.href = event.detail.url;
      link.textContent = event.detail.message;
      toast.appendChild(link);
      toast.hidden = false;
      clearTimeout(toast.timer);
      toast.timer = setTimeout(() => { toast.hidden = true; }, 8000);
    });
  }
})();
