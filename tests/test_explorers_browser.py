"""The live explorers in the built HTML (assets/explorer/, tools/live_explorers.py).

Every control of every explorer changes what is drawn; reset, step, play and pause do what they
say; a link with the state in its URL restores the very same picture; the output map reads out
every unit on hover and from the keyboard; nothing of the ipywidgets explorers is left on the
page; the explorers fit a 390 px screen and pass axe-core.
"""

import pytest
from book_pages import ROOT

AXE = ROOT / ".cache" / "axe-core" / "axe.min.js"
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
    page.wait_for_function(
        "n => document.querySelector(`[data-explorer='${n}']`)?.dataset.state === 'idle'",
        arg=name,
        timeout=60_000,
    )
    return root_of(page, name).evaluate(SIGNATURE)


def open_explorer(browser, url, name, width=1280):
    page = browser.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url, wait_until="load")
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


@pytest.mark.parametrize("doc", sorted(EXPLORERS))
def test_every_control_changes_the_picture(browser, base_url, doc):
    name = EXPLORERS[doc]
    page, errors = open_explorer(browser, f"{base_url}{doc}.html", name)
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
    assert not errors, errors
    page.close()


@pytest.mark.parametrize("doc", sorted(EXPLORERS))
def test_on_a_phone_a_link_restores_the_state_exactly(browser, base_url, doc):
    """At 390 px: no ipywidget left, nothing overflows, axe-core finds nothing serious; then a
    few controls moved, reset and three steps, and the page's link opens the same picture."""
    name = EXPLORERS[doc]
    page, errors = open_explorer(browser, f"{base_url}{doc}.html", name, width=390)
    assert page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count() == 0
    assert page.locator(".widget-subarea, .jupyter-widgets").count() == 0
    root = root_of(page, name)
    assert root.evaluate("r => r.scrollWidth <= r.clientWidth + 1"), "the explorer overflows"
    for canvas in root.locator("canvas").all():
        assert canvas.get_attribute("aria-label"), "a drawing without a text alternative"
    page.add_script_tag(path=AXE)
    violations = page.evaluate(
        """async n => (await axe.run(document.querySelector(`[data-explorer='${n}']`),
            {resultTypes: ["violations"]})).violations
            .filter(v => v.impact === "serious" || v.impact === "critical").map(v => v.id)""",
        name,
    )
    assert not violations, violations
    for pick in (0, -1):
        controls = [c for c in root.evaluate(CONTROLS) if not c["disabled"]]
        move(page, controls[pick])
        settle(page, name)
    root.get_by_role("button", name="Reset").click()
    for _ in range(3):
        root.get_by_role("button", name="Step").click()
    state = settle(page, name)
    assert root.get_attribute("data-epoch") == "3"
    link = root.get_by_role("link", name="Link to this state").get_attribute("href")
    assert f"{name}.epoch=3" in link
    again, _ = open_explorer(browser, link, name, width=390)
    assert settle(again, name) == state
    assert again.evaluate(CONTROLS.replace("root =>", "() =>").replace("root.", "document.")) == (
        root.evaluate(CONTROLS)
    )
    assert not errors, errors
    again.close()
    page.close()


def test_reset_step_play_and_pause(browser, base_url):
    page, _ = open_explorer(browser, f"{base_url}chapters/case-rising-cost.html", "rising-cost")
    root = root_of(page, "rising-cost")
    trained = settle(page, "rising-cost")
    assert root.get_attribute("data-epoch") == "300"
    root.get_by_role("button", name="Reset").click()
    assert settle(page, "rising-cost") != trained
    assert root.get_attribute("data-epoch") == "0"
    root.get_by_role("button", name="Step").click()
    assert root.get_attribute("data-epoch") == "1"
    play = root.get_by_role("button", name="Play")
    play.click()
    assert root.get_by_role("button", name="Pause").get_attribute("aria-pressed") == "true"
    page.wait_for_function("() => +document.querySelector('.xorlab-live').dataset.epoch > 1")
    root.get_by_role("button", name="Pause").click()
    paused = int(root.get_attribute("data-epoch"))
    assert 1 < paused < 300
    page.wait_for_timeout(300)
    assert int(root.get_attribute("data-epoch")) == paused
    root.get_by_role("button", name="Play").click()
    assert settle(page, "rising-cost") == trained  # replayed from the same initial weights
    page.close()


def test_the_output_map_reads_every_unit_on_hover_and_by_keyboard(browser, base_url):
    page, _ = open_explorer(browser, f"{base_url}chapters/xor-done-right.html", "xor-training")
    root = root_of(page, "xor-training")
    canvas = root.locator("canvas[tabindex='0']").first
    probe = root.locator(".xl-probe")
    box = canvas.bounding_box()
    canvas.hover(position={"x": box["width"] * 0.5, "y": box["height"] * 0.3})
    text = probe.inner_text()
    assert "h1 = " in text and "h2 = " in text and "p = " in text, text
    canvas.focus()
    page.keyboard.press("ArrowRight")
    assert probe.inner_text() != text
    page.close()
