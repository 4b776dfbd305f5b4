// Behaviour that would otherwise be an inline handler, which the Content-Security-Policy
// (script-src 'self') refuses to run.

// A select marked data-vp-autosubmit submits its form when changed (the form keeps a plain
// submit button for browsers without script).
document.addEventListener("change", (event) => {
  const field = event.target;
  if (field instanceof HTMLSelectElement && field.dataset.vpAutosubmit !== undefined && field.form) {
    field.form.requestSubmit();
  }
});

// Pickers (core.widgets.Picker): a box above the grouped options filters them as one types,
// ignoring marks and tone placement as the server does (`nguyen` finds "Nguyễn"): each option
// carries its text already folded (data-vp-search), so only what is typed is folded here.
// Without script the options stay a plain grouped list of check boxes or radio buttons.
const vpFold = (text) =>
  text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[đð]/g, "d").replace(/\s+/g, " ").trim();

const vpFilterPicker = (picker, typed) => {
  const words = vpFold(typed).split(" ").filter(Boolean);
  let shown = 0;
  for (const group of picker.querySelectorAll(".vp-picker-group, .vp-picker-list")) {
    let inGroup = 0;
    for (const option of group.querySelectorAll(":scope > .vp-picker-option")) {
      const text = option.dataset.vpSearch || "";
      const match = words.every((word) => text.includes(word));
      option.hidden = !match;
      inGroup += match ? 1 : 0;
    }
    if (group.classList.contains("vp-picker-group")) group.hidden = inGroup === 0;
    shown += inGroup;
  }
  const none = picker.querySelector(".vp-picker-none");
  if (none) none.hidden = shown > 0;
};

const vpSetUpPickers = (root) => {
  for (const picker of root.querySelectorAll("[data-vp-picker]")) {
    const search = picker.querySelector(".vp-picker-search");
    if (!search || !search.hidden) continue;
    search.hidden = false;
    search.addEventListener("input", () => vpFilterPicker(picker, search.value));
    search.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault(); // typing a name and Enter must not send the form
      } else if (event.key === "Escape" && search.value) {
        event.preventDefault();
        search.value = "";
        vpFilterPicker(picker, "");
      } else if (event.key === "ArrowDown") {
        const first = [...picker.querySelectorAll(".vp-picker-option input")]
          .find((input) => input.offsetParent !== null);
        if (first) {
          event.preventDefault();
          first.focus();
        }
      }
    });
  }
};

document.addEventListener("DOMContentLoaded", () => vpSetUpPickers(document));
document.addEventListener("htmx:load", (event) => vpSetUpPickers(event.target));
