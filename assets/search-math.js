// Search results quote the pages' text, formulas included as TeX (`\(\varepsilon\)`): typeset
// them with the book's MathJax (tools/offline_book.py loads it on the search page). A quote cut
// inside a formula loses the formula's cut part. `window.xlSearchMath` settles when the
// results shown so far are typeset.
document.addEventListener("DOMContentLoaded", () => {
  const results = document.getElementById("search-results");
  if (!results) return;
  const whole = (text) => {
    const open = text.lastIndexOf("\\("), close = text.lastIndexOf("\\)");
    if (open > close) text = text.slice(0, open) + "...";
    const first = text.indexOf("\\)"), start = text.indexOf("\\(");
    if (first >= 0 && (start < 0 || first < start)) text = "..." + text.slice(first + 2);
    return text;
  };
  let waiting = null;
  window.xlSearchMath = Promise.resolve();
  new MutationObserver(() => {
    clearTimeout(waiting);
    waiting = setTimeout(() => {
      const fresh = [...results.querySelectorAll("p.context:not(.xl-typeset)")];
      if (!fresh.length) return;
      fresh.forEach((p) => {
        p.classList.add("xl-typeset", "math");
        p.textContent = whole(p.textContent);
      });
      if (window.MathJax?.startup?.promise)
        window.xlSearchMath = MathJax.startup.promise.then(() => MathJax.typesetPromise(fresh));
    }, 50);
  }).observe(results, { childList: true, subtree: true });
});
