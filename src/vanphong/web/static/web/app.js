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
