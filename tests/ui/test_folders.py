"""The folder file dialogs start in (issue 15, finding 7): never one that does not exist."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from liaison_desk.services import Services
from liaison_desk.ui import folders
from liaison_desk.ui.package_dialog import PackageDialog


@pytest.fixture
def no_documents_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh Linux user: Qt names ~/Documents, which was never made."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    monkeypatch.setattr(
        folders.QStandardPaths, "writableLocation", lambda _where: str(home / "Documents")
    )
    monkeypatch.setattr(folders, "_last", None)
    return home


def test_without_a_documents_folder_the_home_folder_is_offered(no_documents_folder: Path) -> None:
    assert folders.offered_folder() == no_documents_folder


def test_the_folder_chosen_last_is_offered_while_it_exists(
    no_documents_folder: Path, tmp_path: Path
) -> None:
    chosen = tmp_path / "U盘"
    chosen.mkdir()
    folders.remember_folder(chosen)
    assert folders.offered_folder() == chosen
    chosen.rmdir()  # the USB stick was pulled out
    assert folders.offered_folder() == no_documents_folder


def test_the_package_dialog_proposes_a_folder_that_exists(
    qtbot: QtBot, services: Services, no_documents_folder: Path
) -> None:
    dialog = PackageDialog(services, [])
    qtbot.addWidget(dialog)
    assert Path(dialog.folder.text()).is_dir()
    assert Path(dialog.folder.text()) == no_documents_folder
