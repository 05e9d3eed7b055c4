"""Lines of mixed Chinese and English text broken to fit a width in cells."""

from __future__ import annotations

from rich.cells import cell_len

from coopconsole.tui.line_breaks import hanging, wrap_cells


def test_chinese_breaks_between_characters_not_only_at_spaces():
    lines = wrap_cells("为每个目标写明会后可以检验的结果:数量、文件或签署。", 20)
    assert lines == ["为每个目标写明会后可", "以检验的结果:数量、", "文件或签署。"]
    assert all(cell_len(line) <= 20 for line in lines)


def test_a_closing_mark_never_begins_a_line_it_takes_the_character_before_it():
    lines = wrap_cells("以决议收尾、把余下问题移入停车场,或明确延长时间。", 48)
    assert lines == ["以决议收尾、把余下问题移入停车场,或明确延长时", "间。"]
    lines = wrap_cells("一二三四五六七八九。", 18)  # "。" would start line 2 alone
    assert lines == ["一二三四五六七八", "九。"]


def test_english_breaks_at_spaces_and_a_word_longer_than_the_line_is_cut():
    assert wrap_cells("Close it with a decision, park what is left", 20) == [
        "Close it with a",
        "decision, park what",
        "is left",
    ]
    assert wrap_cells("abcdefghijkl", 5) == ["abcde", "fghij", "kl"]
    assert wrap_cells("", 10) == [""]


def test_mixed_text_keeps_latin_names_whole():
    lines = wrap_cells("议题 1 上尚未发言:Alice Chen、Bruno Silva、Chloe Martin、张三。", 40)
    assert "".join(lines).replace(" ", "") == "议题1上尚未发言:AliceChen、BrunoSilva、ChloeMartin、张三。"
    assert all(cell_len(line) <= 40 for line in lines)
    assert not any(line.startswith(("、", "。")) for line in lines)
    assert lines == ["议题 1 上尚未发言:Alice Chen、Bruno", "Silva、Chloe Martin、张三。"]  # no name cut


def test_hanging_indent_puts_later_lines_under_the_text():
    assert hanging("→ ", "请决策者到场,或由该单位明确授权代表。", 20).split("\n") == [
        "→ 请决策者到场,或由",
        "  该单位明确授权代",
        "  表。",
    ]
