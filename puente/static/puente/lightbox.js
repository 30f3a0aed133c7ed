// Gallery lightbox: a modal <dialog> over the album. Without JavaScript every thumbnail is a
// link to the photo's own page, so this only adds speed: arrows move, Escape closes, and focus
// goes back to the thumbnail that opened it.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const grid = document.querySelector("[data-lightbox]");
  if (!grid || typeof HTMLDialogElement !== "function") return;
  const links = Array.from(grid.querySelectorAll("a[data-large]"));
  const labels = grid.dataset;

  const dialog = document.createElement("dialog");
  dialog.className = "lightbox";
  dialog.setAttribute("aria-label", labels.labelDialog);
  const image = document.createElement("img");
  const caption = document.createElement("p");
  caption.setAttribute("aria-live", "polite");
  const controls = document.createElement("div");
  controls.className = "lightbox-controls";
  const button = (text, action) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.addEventListener("click", action);
    controls.append(b);
    return b;
  };
  let current = 0;
  let opener = null;

  const show = (index) => {
    current = (index + links.length) % links.length;
    const link = links[current];
    const thumb = link.querySelector("img");
    image.src = link.dataset.large;
    image.alt = thumb.alt;
    const words = [link.dataset.caption, `${current + 1} / ${links.length}`].filter(Boolean);
    caption.textContent = words.join(" · ");
  };
  button(`← ${labels.labelPrevious}`, () => show(current - 1));
  const close = button(labels.labelClose, () => dialog.close());
  button(`${labels.labelNext} →`, () => show(current + 1));
  dialog.append(image, caption, controls);
  document.body.append(dialog);

  dialog.addEventListener("keydown", (event) => {
    if (event.key === "ArrowLeft") show(current - 1);
    else if (event.key === "ArrowRight") show(current + 1);
    else return;
    event.preventDefault();
  });
  dialog.addEventListener("close", () => opener && opener.focus());

  links.forEach((link, index) => {
    link.addEventListener("click", (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return; // a new tab stays a new tab
      event.preventDefault();
      opener = link;
      show(index);
      dialog.showModal();
      close.focus();
    });
  });
});
