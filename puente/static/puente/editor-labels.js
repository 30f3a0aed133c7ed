// Gives the rich-text editor accessible names in the page's language: the editable area takes
// its field's label, the toolbar buttons take the translated names the page provides.
const labels = JSON.parse(document.getElementById("editor-labels")?.textContent || "{}");

function name(textarea, editable) {
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  if (label) editable.setAttribute("aria-label", label.textContent.replace("*", "").trim());
  const wrapper = textarea.closest(".prose-editor") || textarea.parentElement;
  for (const button of wrapper.querySelectorAll(".prose-menubar__button")) {
    const english = button.dataset.englishTitle || button.getAttribute("title") || "";
    button.dataset.englishTitle = english;
    if (labels[english]) {
      button.setAttribute("title", labels[english]);
      button.setAttribute("aria-label", labels[english]);
    }
  }
}

document.addEventListener("prose-editor:ready", (event) => {
  name(event.detail.textarea, event.detail.editor.view.dom);
});
