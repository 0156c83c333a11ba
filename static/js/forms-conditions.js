// Show a request form's conditional questions only when their condition holds.
// The server applies the same rule on submit; without this script every
// question shows, each with a hint saying when to answer it.

function answerOf(form, name) {
  const inputs = [...form.elements].filter((el) => el.name === name);
  const values = [];
  for (const input of inputs) {
    if (input.type === "radio" || input.type === "checkbox") {
      if (input.checked) values.push(input.value);
    } else if (input.value.trim() !== "") {
      values.push(input.value);
    }
  }
  return values;
}

function matches(values, wanted) {
  if (values.length === 0) return false;
  if (wanted.trim() === "") return true;
  const target = wanted.trim().toLowerCase();
  return values.some((value) => value.trim().toLowerCase() === target);
}

function update(form, blocks) {
  const shown = new Set();
  for (const block of blocks) {
    const controller = block.dataset.showWhen;
    const controllerBlock = blocks.find((other) =>
      other.querySelector(`[name="${CSS.escape(controller)}"]`),
    );
    const controllerShown = !controllerBlock || shown.has(controllerBlock);
    const visible =
      controllerShown &&
      matches(answerOf(form, controller), block.dataset.showValue || "");
    block.hidden = !visible;
    if (visible) shown.add(block);
  }
}

function init(form) {
  const blocks = [...form.querySelectorAll("[data-show-when]")];
  // Suggestions appear as people type, so the button that asks for them goes.
  for (const button of form.querySelectorAll(".app-no-js-only")) {
    button.remove();
  }
  if (blocks.length === 0) return;
  const refresh = () => update(form, blocks);
  form.addEventListener("input", refresh);
  form.addEventListener("change", refresh);
  refresh();
}

for (const form of document.querySelectorAll("form[data-request-form]")) {
  init(form);
}
