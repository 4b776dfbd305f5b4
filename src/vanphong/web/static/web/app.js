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

// Suggestions under a text box (data-vp-suggest, filled by htmx): a click on one puts it in
// the box; Escape or a click elsewhere closes the list.
const closePicks = (except) => {
  for (const picks of document.querySelectorAll("[data-vp-suggest] .vp-picks")) {
    if (!except || !except.contains(picks)) picks.replaceChildren();
  }
};
document.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const pick = target?.closest("[data-vp-pick]");
  const box = target?.closest("[data-vp-suggest]");
  if (pick && box) {
    const input = box.querySelector("input");
    if (input) {
      input.value = pick.dataset.vpPick;
      input.focus();
    }
    closePicks();
    return;
  }
  closePicks(box);
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") closePicks();
});
// A file input drawn by core/widgets/file.html: the chosen files' names, in place of the
// browser's own "No file chosen" (which speaks the browser's language, not the page's).
document.addEventListener("change", (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== "file") {
    return;
  }
  const names = input.closest("[data-vp-file]")?.querySelector("[data-vp-file-names]");
  if (names instanceof HTMLElement) {
    const chosen = Array.from(input.files || [], (file) => file.name);
    names.textContent = chosen.length ? chosen.join(", ") : names.dataset.vpEmpty || "";
  }
});

// The browser's own message for a field it refuses ("Please fill out this field.") speaks the
// browser's language, not the page's: an English browser would put English on a Vietnamese
// page. These speak the page's (<html lang>); a pattern's message shows the expected shape,
// the field's placeholder (dd/mm/yyyy, hh:mm).
const VALIDITY_MESSAGES = {
  vi: {
    valueMissing: "Hãy điền mục này.",
    selectMissing: "Hãy chọn một mục trong danh sách.",
    fileMissing: "Hãy chọn tệp.",
    patternMismatch: "Ghi theo dạng:",
    typeMismatch: "Giá trị chưa đúng dạng.",
    tooLong: "Nội dung quá dài.",
    tooShort: "Nội dung quá ngắn.",
    rangeUnderflow: "Giá trị nhỏ hơn mức cho phép.",
    rangeOverflow: "Giá trị lớn hơn mức cho phép.",
    other: "Giá trị không hợp lệ.",
  },
  en: {
    valueMissing: "Please fill in this field.",
    selectMissing: "Please choose an item in the list.",
    fileMissing: "Please choose a file.",
    patternMismatch: "Use the format:",
    typeMismatch: "The value is not in the expected form.",
    tooLong: "The text is too long.",
    tooShort: "The text is too short.",
    rangeUnderflow: "The value is below the minimum.",
    rangeOverflow: "The value is above the maximum.",
    other: "Invalid value.",
  },
};

function validityMessage(field) {
  const language = document.documentElement.lang === "en" ? "en" : "vi";
  const messages = VALIDITY_MESSAGES[language];
  const state = field.validity;
  if (state.valueMissing) {
    if (field instanceof HTMLSelectElement) return messages.selectMissing;
    return field.type === "file" ? messages.fileMissing : messages.valueMissing;
  }
  if (state.patternMismatch) return `${messages.patternMismatch} ${field.placeholder}`.trim();
  for (const key of ["typeMismatch", "tooLong", "tooShort", "rangeUnderflow", "rangeOverflow"]) {
    if (state[key]) return messages[key];
  }
  return messages.other;
}

function isField(target) {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLSelectElement ||
    target instanceof HTMLTextAreaElement
  );
}

// `invalid` does not bubble: listen while it is captured.
document.addEventListener(
  "invalid",
  (event) => {
    const field = event.target;
    if (isField(field)) {
      field.setCustomValidity("");
      if (!field.validity.valid) {
        field.setCustomValidity(validityMessage(field));
      }
    }
  },
  true,
);

// A message set above would otherwise keep the field invalid after it is corrected.
for (const type of ["input", "change"]) {
  document.addEventListener(type, (event) => {
    if (isField(event.target)) {
      event.target.setCustomValidity("");
    }
  });
}

// Rows of inputs that grow (a letter's petitioners): a button data-vp-add-row="<container id>"
// adds a copy of the container's last row, emptied. Without script the button stays hidden
// and the blank rows the server drew are there to fill.
const vpSetUpAddRows = (root) => {
  for (const button of root.querySelectorAll("[data-vp-add-row]")) {
    button.hidden = false;
  }
};
document.addEventListener("DOMContentLoaded", () => vpSetUpAddRows(document));
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-vp-add-row]") : null;
  const rows = button ? document.getElementById(button.dataset.vpAddRow) : null;
  const last = rows ? [...rows.querySelectorAll("[data-vp-row]")].pop() : null;
  if (!rows || !last) return;
  const copy = last.cloneNode(true);
  for (const input of copy.querySelectorAll("input")) {
    input.value = "";
    input.removeAttribute("id");
    input.classList.remove("is-invalid");
  }
  rows.append(copy);
  copy.querySelector("input")?.focus();
});
