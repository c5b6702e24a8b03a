"""The live explorers in the built HTML (assets/explorer/, tools/live_explorers.py).

One page load per explorer (pages are heavy; each check below works on the loaded page): every
control changes what is drawn; reset and step do what they say; the explorer fits a 390 px
screen with a text alternative for every drawing; no ipywidget is left on the page; a link with
the state in its URL restores the same picture. Play and pause, and the unit values read on
hover and from the keyboard, are checked on one explorer each (the code is shared). Each
explorer is ready to play at load. Touch targets and the distance from a control to the drawings
it changes are measured on every page in tests/test_browser.py. axe-core
runs over every page, explorers included, in tests/test_browser.py.
"""

import re

import pytest

EXPLORERS = {
    "chapters/xor-done-right": "xor-training",
    "chapters/case-no-bias": "no-bias-chain",
    "chapters/case-rising-cost": "rising-cost",
    "chapters/case-stuck-at-half": "stuck-at-half",
    "chapters/case-sigmoid-vs-tanh": "sigmoid-vs-tanh",
    "chapters/case-chain-rule": "chain-rule",
    "chapters/field-guide": "field-guide",
}
ENABLING = {"no-bias-chain": {"bias": True, "epochs": 200}}
"""A state that switches on the controls an explorer disables by default (b1, b2 need biases,
the learning rate needs epochs)."""
LINKED = {"no-bias-chain", "rising-cost", "chain-rule"}
"""Explorers whose link is opened in a second page (a page load each): between them every kind
of control (range of numbers, menu, check box, disabled control) and both kinds of model."""

SIGNATURE = """root => [...root.querySelectorAll("canvas")].map(c => c.toDataURL()).join("|")
  + root.querySelector(".xl-views").innerText + root.querySelector(".xl-status").innerText"""
CONTROLS = """root => [...root.querySelectorAll(".xl-control input, .xl-control select")]
  .map(e => ({id: e.id, kind: e.tagName === "SELECT" ? "select" : e.type, disabled: e.disabled,
              value: e.type === "checkbox" ? String(e.checked) : e.value,
              max: e.max || "",
              options: e.tagName === "SELECT" ? [...e.options].map(o => o.value) : []}))"""


def root_of(page, name):
    return page.locator(f'.xorlab-live[data-explorer="{name}"]')


def settle(page, name):
    """Wait until the explorer has finished training and drawing; return what it shows."""
    page.wait_for_function(
        "n => document.querySelector(`[data-explorer='${n}']`)?.dataset.state === 'idle'",
        arg=name,
        timeout=60_000,
    )
    page.evaluate("() => new Promise(done => requestAnimationFrame(done))")
    return root_of(page, name).evaluate(SIGNATURE)


def open_explorer(browser, url, name, width=1280):
    page = browser.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url, wait_until="load", timeout=90_000)  # a chapter page is heavy on a busy CI
    settle(page, name)
    return page, errors


def move(page, control):
    """Change one control to another of its values, as a reader would."""
    box = page.locator(f"#{control['id']}")
    if control["kind"] == "checkbox":
        box.click()
    elif control["kind"] == "select":
        others = [v for v in control["options"] if v != control["value"]]
        box.select_option(others[-1])
    else:
        box.fill("0" if control["value"] == control["max"] else control["max"])


def ready_to_play(page, name):
    """At load: trained to its last epoch, Play live, Step off (no epoch past the last)."""
    root = root_of(page, name)
    epoch = int(root.get_attribute("data-epoch"))
    status = root.locator(".xl-status").inner_text()
    assert epoch > 0 and re.search(rf"(Epoch|Step) {epoch} of {epoch}\b", status), status
    assert root.get_by_role("button", name="Play").is_enabled(), "Play is off at load"
    assert root.get_by_role("button", name="Step").is_disabled(), "Step past the last epoch"


def every_control_changes_the_picture(page, name):
    root = root_of(page, name)
    moved = set()
    for start in [{}, ENABLING.get(name, {})]:
        root.evaluate("(r, s) => r.explorer.apply(s)", start)
        settle(page, name)
        for control in root.evaluate(CONTROLS):
            if control["disabled"] or control["id"] in moved:
                continue
            root.evaluate("(r, s) => r.explorer.apply(s)", start)  # the same start each time
            before = settle(page, name)
            move(page, control)
            assert settle(page, name) != before, f"{control['id']} changes nothing on screen"
            moved.add(control["id"])
    everything = {c["id"] for c in root.evaluate(CONTROLS)}
    assert moved == everything, f"never moved: {everything - moved}"


def reset_and_step(page, name):
    """Move the first and last controls, reset, step three times; return the link."""
    root = root_of(page, name)
    trained = settle(page, name)
    root.get_by_role("button", name="Reset").click()
    assert settle(page, name) != trained
    assert root.get_attribute("data-epoch") == "0"
    for pick in (0, -1):
        controls = [c for c in root.evaluate(CONTROLS) if not c["disabled"]]
        move(page, controls[pick])
        settle(page, name)
    root.get_by_role("button", name="Reset").click()
    for _ in range(3):
        root.get_by_role("button", name="Step").click()
    settle(page, name)
    assert root.get_attribute("data-epoch") == "3"
    link = root.get_by_role("link", name="Link to this state").get_attribute("href")
    assert f"{name}.epoch=3" in link
    return link


def fits_a_phone(page, name):
    page.set_viewport_size({"width": 390, "height": 900})
    root = root_of(page, name)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert root.evaluate("r => r.scrollWidth <= r.clientWidth + 1"), "the explorer overflows"
    for canvas in root.locator("canvas").all():
        assert canvas.get_attribute("aria-label"), "a drawing without a text alternative"
        assert canvas.bounding_box()["width"] <= 390
    return settle(page, name)


PLAY_THEN_PAUSE = """async r => {
  const play = r.querySelector(".xl-buttons button[aria-pressed]");
  play.click();
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const playing = [play.textContent, play.getAttribute("aria-pressed")];
  play.click();
  return [playing, play.textContent, +r.dataset.epoch];
}"""


def play_and_pause(page, name):
    """Play from epoch 0, pause two frames later (in the page: no race with the animation),
    stay paused, then play on to the end: the same picture as training in one go."""
    root = root_of(page, name)
    root.evaluate("r => r.explorer.apply({})")
    trained = settle(page, name)
    target = int(root.get_attribute("data-epoch"))
    root.get_by_role("button", name="Reset").click()
    playing, label, paused = root.evaluate(PLAY_THEN_PAUSE)
    assert playing == ["Pause", "true"] and label == "Play"
    assert 0 < paused < target
    page.wait_for_timeout(300)
    assert int(root.get_attribute("data-epoch")) == paused
    root.get_by_role("button", name="Play").click()
    assert settle(page, name) == trained


def reads_every_unit(page, name):
    root = root_of(page, name)
    canvas = root.locator("canvas[tabindex='0']").first
    probe = root.locator(".xl-probe")
    box = canvas.bounding_box()
    canvas.hover(position={"x": box["width"] * 0.5, "y": box["height"] * 0.3})
    text = probe.inner_text()
    assert "h1 = " in text and "h2 = " in text and "p = " in text, text
    canvas.focus()
    page.keyboard.press("ArrowRight")
    assert probe.inner_text() != text


@pytest.mark.parametrize("doc", sorted(EXPLORERS))
def test_live_explorer(browser, base_url, doc):
    name = EXPLORERS[doc]
    page, errors = open_explorer(browser, f"{base_url}{doc}.html", name)
    assert page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count() == 0
    assert page.locator(".widget-subarea, .jupyter-widgets").count() == 0
    ready_to_play(page, name)
    every_control_changes_the_picture(page, name)
    if name == "rising-cost":
        play_and_pause(page, name)
    if name == "xor-training":
        reads_every_unit(page, name)
    link = reset_and_step(page, name)
    shown = fits_a_phone(page, name)
    if name in LINKED:
        again, more = open_explorer(browser, link, name, width=390)
        assert settle(again, name) == shown, "the link does not restore the picture"
        assert again.evaluate(
            CONTROLS.replace("root =>", "() =>").replace("root.", "document.")
        ) == (root_of(page, name).evaluate(CONTROLS))
        errors += more
        again.close()
    assert not errors, errors
    page.close()
