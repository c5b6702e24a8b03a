// "Live Code" (Thebe) needs the network: it loads Thebe from a CDN (THEBE_JS_URL), then asks
// mybinder.org for a kernel. sphinx-thebe loads the script without an error handler, so
// offline its button says "Loading thebe from CDN..." for ever. Here the launch menu entry says
// what it needs, and a failed load says so under the title, with what works offline instead.
window.addEventListener("load", () => {
  const original = window.initThebe;
  if (typeof original !== "function") return;
  const NEEDS = "Live Code runs this page's code on mybinder.org: it needs the network.";
  document.querySelectorAll(".btn-launch-thebe").forEach((b) => {
    b.title = NEEDS;
    b.setAttribute("data-bs-original-title", NEEDS);
  });
  const say = (text) => {
    const status = document.querySelector(".thebe-launch-button");
    if (!status) return;
    status.textContent = text;
    status.classList.add("xorlab-thebe-failed");
    status.setAttribute("role", "alert");
  };
  window.initThebe = () => {
    if (typeof thebelab !== "undefined") return original();
    if (navigator.onLine === false) {
      say("Live Code could not start: you are offline, and it runs the code on mybinder.org. " +
        "The explorers on this page, and the notebook from the download menu, work without it.");
      return;
    }
    const script = document.createElement("script");
    script.src = THEBE_JS_URL;
    script.addEventListener("load", () => original());
    script.addEventListener("error", () =>
      say(
        `Live Code could not start: it needs the network (Thebe from ` +
          `${new URL(THEBE_JS_URL).host}, then a kernel from mybinder.org). The explorers on ` +
          "this page, and the notebook from the download menu, work without it.",
      ),
    );
    document.head.appendChild(script);
    say("Loading Thebe from the network...");
  };
});
