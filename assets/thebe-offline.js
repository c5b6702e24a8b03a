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
      say(`${NEEDS} You are offline: this page's explorers and the downloaded notebook work without it.`);
      return;
    }
    const script = document.createElement("script");
    script.src = THEBE_JS_URL;
    script.addEventListener("load", () => original());
    script.addEventListener("error", () =>
      say(
        `${NEEDS} Thebe could not be loaded from ${new URL(THEBE_JS_URL).host}. ` +
          "The live explorers on this page, and the notebook (download menu), work offline.",
      ),
    );
    document.head.appendChild(script);
    say("Loading Thebe from the network...");
  };
});
