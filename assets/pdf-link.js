// A "Whole book (PDF)" entry in every page's download menu; `make pdf` writes book.pdf at the
// site's root (tools/book_pdf.py).
document.addEventListener("DOMContentLoaded", () => {
  const root = document.documentElement.dataset.content_root || "";
  const link = document.createElement("a");
  link.href = root + "book.pdf";
  link.className = "btn btn-sm dropdown-item xorlab-pdf-link";
  link.title = "Download the whole book as one PDF";
  link.setAttribute("download", "why-wont-it-learn.pdf");
  link.innerHTML =
    '<span class="btn__icon-container"><i class="fas fa-file-pdf"></i></span>' +
    '<span class="btn__text-container">Whole book (PDF)</span>';
  const menu = document.querySelector(".dropdown-download-buttons ul.dropdown-menu");
  if (menu) {
    const item = document.createElement("li");
    item.appendChild(link);
    menu.appendChild(item);
  } else {
    link.className = "btn btn-sm xorlab-pdf-link";
    document.querySelector(".article-header-buttons")?.appendChild(link);
  }
});
