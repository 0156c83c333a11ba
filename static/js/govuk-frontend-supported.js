// Runs at the start of the body so GOV.UK Frontend styles and components know
// JavaScript is available; kept out of the page because the CSP forbids inline scripts.
document.body.className +=
  " js-enabled" +
  ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
