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
