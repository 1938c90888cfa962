"""Where the draft is written: atomically, never over a file the user did not name."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from pact_tui.export import OutputError, draft_name, export_programme, free_path


def test_the_default_name_comes_from_date_and_title(make) -> None:
    meta = make().meta.model_copy(update={"title": "Pact 7.1 — Uitvoeringsprogramma Één",
                                          "date": dt.date(2026, 11, 28)})
    assert draft_name(meta) == "2026-11-28-pact-7-1-uitvoeringsprogramma-een.docx"
    assert draft_name(meta.model_copy(update={"title": "🏠"})) == "2026-11-28-programma.docx"


def test_a_taken_default_name_gets_a_counter(make, tmp_path: Path) -> None:
    meta = make().meta
    first = free_path(tmp_path, meta)
    first.write_bytes(b"eerder concept")
    second = free_path(tmp_path, meta)
    assert second.name == first.stem + "-2.docx"
    second.write_bytes(b"nog een")
    assert free_path(tmp_path, meta).name == first.stem + "-3.docx"
    assert first.read_bytes() == b"eerder concept"


def test_a_named_file_is_replaced_whole_and_no_temporary_file_stays(make, tmp_path: Path,
                                                                    read) -> None:
    out = tmp_path / "programma.docx"
    out.write_bytes(b"oud")
    export_programme(make(), out)
    assert read(out).headings(1)[0] == (1, "Inleiding")
    assert sorted(os.listdir(tmp_path)) == ["programma.docx"]


def test_a_missing_folder_is_one_clear_sentence(make, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="bestaat niet"):
        export_programme(make(), tmp_path / "nergens" / "p.docx")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_one_clear_sentence(make, tmp_path: Path) -> None:
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="mag niet worden geschreven"):
            export_programme(make(), folder / "p.docx")
    finally:
        folder.chmod(0o700)


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    make, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "programma.docx"
    out.write_bytes(b"oud")

    def refuse(*args: object) -> None:
        raise PermissionError("in gebruik")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OutputError, match="geopend in een ander programma"):
        export_programme(make(), out)
    assert out.read_bytes() == b"oud"
    assert sorted(os.listdir(tmp_path)) == ["programma.docx"]


def test_the_draft_follows_the_catalogue_language(make, tmp_path: Path, read) -> None:
    from pact_tui.i18n import set_language

    set_language("en")
    out = export_programme(make(), tmp_path / "en.docx")
    document = read(out).document
    assert read(out).headings(1)[0] == (1, "Introduction")
    assert document.core_properties.language == "en-GB"
