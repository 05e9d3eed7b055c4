"""Theme files: the shipped ones load, register and read well; broken user files are skipped."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.color import Color
from textual.style import Style
from textual.widgets import Label

from coopconsole.settings import config_dir
from coopconsole.tui.theming import (
    CONSOLE_VARIABLES,
    DEFAULT_THEME,
    REQUIRED_COLORS,
    ConsoleThemeVariables,
    ThemeLoad,
    console_variables,
    load_themes,
    register_themes,
    stylesheet,
    themes_dir,
)

SHIPPED = ["coopconsole-dark", "coopconsole-light", "coopconsole-projector"]

GOOD = """
name = "{name}"
dark = true
[colors]
primary = "#4ea1ff"
secondary = "#2f6db5"
accent = "#4fd1c5"
foreground = "#e6e9ee"
background = "#101418"
surface = "#1a1f26"
panel = "#232a33"
warning = "#ffb020"
error = "#ff5c5c"
success = "#4cc96f"
"""


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two opaque colours."""

    def luminance(colour: str) -> float:
        channels = [c / 255 for c in Color.parse(colour).rgb]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def shipped_document(name: str) -> dict:
    return tomllib.loads((themes_dir() / f"{name}.toml").read_text("utf-8"))


def user_theme(filename: str, text: str | bytes):
    folder = config_dir() / "themes"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / filename
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


# -- the shipped themes ----------------------------------------------------------------


def test_stylesheets_and_themes_ship_inside_the_package():
    import coopconsole

    package = Path(coopconsole.__file__).resolve().parent
    for name in ("console.tcss", "meeting.tcss"):
        assert stylesheet(name).is_file()
        assert package in stylesheet(name).resolve().parents
    assert package in themes_dir().resolve().parents
    assert {path.stem for path in themes_dir().glob("*.toml")} >= {
        "coopconsole-dark",
        "coopconsole-light",
        "coopconsole-projector",
    }


def test_shipped_themes_load_without_errors():
    load = load_themes()
    assert load.errors == []
    assert list(load.themes) == SHIPPED
    assert load.pick(None) == DEFAULT_THEME == "coopconsole-dark"
    assert load.themes[DEFAULT_THEME].dark is True
    assert load.themes["coopconsole-light"].dark is False


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_files_are_complete(name):
    document = shipped_document(name)
    assert document["name"] == name
    assert set(REQUIRED_COLORS) <= set(document["colors"])
    assert set(CONSOLE_VARIABLES) <= set(document["variables"]), "the files set every console colour"
    assert document["label"]["en"] and document["label"]["zh"]


def test_labels_in_both_languages():
    load = load_themes()
    assert load.label("coopconsole-dark", "zh") == "深色"
    assert load.label("coopconsole-projector", "en").startswith("Projector")
    assert load.choices("en")[0] == (DEFAULT_THEME, "Dark")
    assert [name for name, _ in load.choices("zh")] == SHIPPED
    assert load.label("no-such-theme", "zh") == "no-such-theme"


@pytest.mark.parametrize("name", SHIPPED)
def test_text_colours_are_readable(name):
    document = shipped_document(name)
    background = document["colors"]["background"]
    assert contrast(document["colors"]["foreground"], background) >= 7
    for variable in CONSOLE_VARIABLES:
        assert contrast(document["variables"][variable], background) >= 4.4, variable
    for colour in ("warning", "error", "success", "primary"):
        assert contrast(document["colors"][colour], background) >= 4.4, colour


def test_projector_is_high_contrast_without_greys():
    document = shipped_document("coopconsole-projector")
    colours, variables = document["colors"], document["variables"]
    assert {colours["background"], colours["foreground"]} == {"#ffffff", "#000000"}
    assert colours["surface"] == colours["panel"] == colours["background"]
    for variable in CONSOLE_VARIABLES:
        assert contrast(variables[variable], colours["background"]) >= 5, variable
    values = [v for v in [*colours.values(), *variables.values()] if v.startswith("#")]
    for value in values:
        colour = Color.parse(value)
        saturated = colour.hsl.s >= 0.6
        solid = value in ("#000000", "#ffffff") or contrast(value, colours["background"]) >= 7
        assert saturated or solid, f"{value} is a weak grey"
    for state in ("warning", "error"):
        assert Color.parse(colours[state]).hsl.s >= 0.9, f"{state} is not saturated"


# -- registering on an app --------------------------------------------------------------


class ProbeApp(ConsoleThemeVariables, App):
    """Uses every console variable in its CSS, as the console's stylesheets do."""

    CSS_PATH = [stylesheet("console.tcss")]
    CSS = "\n".join(f"#{name} {{ color: ${name}; }}" for name in CONSOLE_VARIABLES)

    def __init__(self) -> None:
        super().__init__()
        self.load = load_themes()
        self.errors = register_themes(self, self.load)
        self.theme = self.load.pick(None)

    def compose(self) -> ComposeResult:
        for name in CONSOLE_VARIABLES:
            yield Label(name, id=name)


def test_register_themes_on_an_app():
    app = ProbeApp()
    assert app.errors == []
    for name in SHIPPED:
        assert app.get_theme(name) is not None
        assert set(CONSOLE_VARIABLES) <= set(app.get_theme(name).variables)
    app.theme = "textual-dark"  # Textual's own: the console's variables are derived for it
    assert set(CONSOLE_VARIABLES) <= set(app.get_css_variables())


async def test_every_theme_applies_its_variables():
    app = ProbeApp()
    async with app.run_test() as pilot:
        assert app.errors == []
        assert app.theme == DEFAULT_THEME
        for name in [*SHIPPED, "textual-dark", "textual-light", "nord"]:
            app.theme = name
            await pilot.pause()
            theme = app.get_theme(name)
            expected = console_variables(theme)
            variables = app.get_css_variables()
            for variable in CONSOLE_VARIABLES:
                assert variables[variable] == expected[variable]
                assert app.theme_variables[variable] == expected[variable]
                label = app.query_one(f"#{variable}", Label)
                assert label.styles.color == Color.parse(expected[variable]), (name, variable)
            # Styles in Content (rows drawn in Python) may name the same variables.
            style = Style.parse("bold $countdown-overrun")
            assert style.foreground == Color.parse(expected["countdown-overrun"])


async def test_shipped_values_reach_the_screen():
    app = ProbeApp()
    async with app.run_test() as pilot:
        app.theme = "coopconsole-projector"
        await pilot.pause()
        label = app.query_one("#countdown-overrun", Label)
        expected = shipped_document("coopconsole-projector")["variables"]["countdown-overrun"]
        assert label.styles.color == Color.parse(expected)
        assert app.get_css_variables()["footer-background"] == "#000000"


# -- user themes ------------------------------------------------------------------------


def test_a_good_user_theme_without_variables_gets_them_from_its_colours():
    user_theme("mine.toml", GOOD.format(name="mine"))
    load = load_themes()
    assert load.errors == []
    mine = load.themes["mine"]
    assert set(CONSOLE_VARIABLES) <= set(mine.variables)
    assert load.label("mine", "zh") == "mine"
    assert load.pick("mine") == "mine"


def test_a_user_theme_can_replace_a_shipped_one():
    user_theme("tuned.toml", GOOD.format(name="coopconsole-projector") + '[variables]\ncountdown-overrun = "#ff0000"\n')
    load = load_themes()
    assert load.errors == []
    assert load.themes["coopconsole-projector"].variables["countdown-overrun"] == "#ff0000"


def test_extra_dirs_are_read(tmp_path):
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "spare.toml").write_text(GOOD.format(name="spare"), "utf-8")
    assert "spare" in load_themes([extra]).themes


BROKEN = {
    "bad TOML": (GOOD.format(name="broken").replace("dark = true", "dark = "), "not valid TOML"),
    "missing colour": (GOOD.format(name="broken").replace('panel = "#232a33"\n', ""), "no colour 'panel'"),
    "invalid colour": (GOOD.format(name="broken").replace('"#ff5c5c"', '"#ff5c5"'), "invalid colour for 'error'"),
    "named colour typo": (GOOD.format(name="broken").replace('"#4cc96f"', '"greeen"'), "invalid colour for 'success'"),
    "unknown colour": (GOOD.format(name="broken") + 'primery = "#000000"\n', "unknown colour 'primery'"),
    "bad variable": (
        GOOD.format(name="broken") + '[variables]\ncountdown-ok = "bold"\n',
        "invalid colour for 'countdown-ok'",
    ),
    "unknown variable": (GOOD.format(name="broken") + '[variables]\ncountdown-overun = "#fff"\n', "unknown variable"),
    "bad Textual colour": (GOOD.format(name="broken") + '[variables]\nfooter-background = "x"\n', "footer-background"),
    "no dark": (GOOD.format(name="broken").replace("dark = true\n", ""), "dark = true"),
    "bad name": (GOOD.format(name="Broken Theme"), "bad name"),
    "not UTF-8": (b'name = "\xff"\n', "UTF-8"),
    "unknown key": ('colour = "#fff"\n' + GOOD.format(name="broken"), "unknown key 'colour'"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_user_theme_gives_one_message_and_the_default_is_kept(case):
    text, words = BROKEN[case]
    path = user_theme("broken.toml", text)
    load = load_themes()
    assert len(load.errors) == 1
    message = load.errors[0]
    assert str(path) in message
    assert words in message
    assert message.endswith("It is skipped.")  # which theme is used instead is the app's to say
    assert list(load.themes) == SHIPPED
    assert load.pick("broken") == DEFAULT_THEME


def test_a_broken_file_never_replaces_a_shipped_theme():
    user_theme("dark.toml", GOOD.format(name=DEFAULT_THEME).replace('"#101418"', '"dark grey"'))
    load = load_themes()
    assert len(load.errors) == 1
    assert load.themes[DEFAULT_THEME].background == shipped_document(DEFAULT_THEME)["colors"]["background"]


def test_two_user_files_with_one_name():
    user_theme("a.toml", GOOD.format(name="twin"))
    second = user_theme("b.toml", GOOD.format(name="twin"))
    load = load_themes()
    assert len(load.errors) == 1 and str(second) in load.errors[0]
    assert "twin" in load.themes


async def test_app_with_a_broken_user_theme_runs_on_the_default():
    user_theme("broken.toml", BROKEN["invalid colour"][0])
    app = ProbeApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert len(app.errors) == 1
        assert app.theme == DEFAULT_THEME
        assert app.load.pick("broken") == DEFAULT_THEME


def test_theme_load_pick_without_the_default():
    assert ThemeLoad().pick("anything") == "textual-dark"
