// The visitor rows of the record-visit form: "Thêm người" adds a row from the formset's empty
// form (its __prefix__ numbered) and counts it in the management form's TOTAL_FORMS.
"use strict";

for (const rows of document.querySelectorAll("[data-vp-rows]")) {
  const template = rows.querySelector("[data-vp-row-template]");
  const add = rows.querySelector("[data-vp-add-row]");
  const total = rows.closest("form")?.querySelector('input[name$="-TOTAL_FORMS"]');
  if (!template || !add || !total) continue;
  add.addEventListener("click", () => {
    const index = Number(total.value);
    const html = template.innerHTML.replaceAll("__prefix__", String(index));
    add.insertAdjacentHTML("beforebegin", html);
    total.value = String(index + 1);
  });
}
