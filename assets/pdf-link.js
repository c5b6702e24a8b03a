// A "Whole book (PDF)" entry in a page's download menu. `make pdf` (tools/book_pdf.py) adds this
// script to the pages once it has written book.pdf at the site's root, so a book built without
// the PDF shows no link to it. Pages without a download menu (search, indexes) get none.
document.addEventListener("DOMContentLoaded", () => {
  const menu = document.querySelector(".dropdown-download-buttons ul.dropdown-menu");
  if (!menu) return;
  const root = document.documentElement.dataset.content_root || "";
  const link = document.createElement("a");
  link.href = root + "book.pdf";
  link.className = "btn btn-sm dropdown-item xorlab-pdf-link";
  link.title = "Download the whole book as one PDF";
  link.setAttribute("download", "why-wont-it-learn.pdf");
  link.innerHTML =
    '<span class="btn__icon-container"><i class="fas fa-file-pdf"></i></span>' +
    '<span class="btn__text-container">Whole book (PDF)</span>';
  const item = document.createElement("li");
  item.appendChild(link);
  menu.appendChild(item);
});
