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
