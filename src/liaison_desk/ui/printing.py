"""Printing from the pages: the print button of a list and the preview of chosen consultations.

A page adds its print button with one line::

    bar.addWidget(add_print_menu(self, self.services, [SheetKind.SIGNIN, SheetKind.RECORD],
                                 lambda: [r.id for r in self.selected_records()]))

The button opens a menu of the sheets given (a single kind: the button prints that one
directly); Ctrl+P prints the first kind. The consultations selected become one printout, each
starting on a new page. Masking: the sign-in sheet, the record sheet and the card may be
printed unmasked for the office (the preview has the switch, masked by default); assignment
slips go to the departments and are always masked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QPushButton, QWidget

from liaison_desk.documents.sheet_data import SheetData, SheetKind, SheetOptions
from liaison_desk.domain.privacy import MaskingRules
from liaison_desk.services import Services
from liaison_desk.ui.icons import icon
from liaison_desk.ui.pages.base import Page
from liaison_desk.ui.tasks import TaskControl

if TYPE_CHECKING:  # the page layouts and the preview are imported when first printed: a list
    # page's print button is built with the page, on its first visit
    from liaison_desk.documents.sheets import PrintJob
    from liaison_desk.ui.print_preview import PrintPreviewDialog

# Kinds whose printout may stay in the office, so masking may be switched off.
UNMASKABLE: frozenset[SheetKind] = frozenset({SheetKind.SIGNIN, SheetKind.RECORD, SheetKind.CARD})


def _names(kind: SheetKind) -> tuple[str, str, str]:
    """The printout's menu entry, the text of a button that prints only it, and its title."""
    translate = QCoreApplication.translate
    names = {
        SheetKind.SIGNIN: (
            translate("Printing", "&Sign-in sheet…"),
            translate("Printing", "&Print sign-in sheet…"),
            translate("Printing", "Sign-in sheet"),
        ),
        SheetKind.RECORD: (
            translate("Printing", "&Record sheet…"),
            translate("Printing", "&Print record sheet…"),
            translate("Printing", "Record sheet"),
        ),
        SheetKind.CARD: (
            translate("Printing", "Micro-consultation &card…"),
            translate("Printing", "&Print card…"),
            translate("Printing", "Micro-consultation card"),
        ),
        SheetKind.SLIP: (
            translate("Printing", "&Assignment slips…"),
            translate("Printing", "&Print assignment slips…"),
            translate("Printing", "Assignment slips"),
        ),
    }
    return names[kind]


def sheet_name(kind: SheetKind) -> str:
    """The printout's name as a menu entry."""
    return _names(kind)[0]


def print_command(kind: SheetKind) -> str:
    """The text of a button that prints this one kind."""
    return _names(kind)[1]


def preview_title(kind: SheetKind) -> str:
    """The dialog's title until the job gives its own."""
    return _names(kind)[2]


def allows_unmask(kind: SheetKind) -> bool:
    return kind in UNMASKABLE


def masked_summary(rules: MaskingRules, *, names_shown: bool = False) -> str:
    """Exactly what masking hides (domain/privacy.py decides it; this says it), in the words
    every masked export uses; ``names_shown``: the document keeps names whatever the rules."""
    numbers = rules.phones or rules.id_cards
    names = rules.resident_names and not names_shown
    if numbers and names:
        what = QCoreApplication.translate(
            "Printing",
            "Masked: phone and ID numbers of everyone whose consent is not recorded (members "
            "and officials too), and residents' names (as 张某).",
        )
    elif numbers:
        what = QCoreApplication.translate(
            "Printing",
            "Masked: phone and ID numbers of everyone whose consent is not recorded (members "
            "and officials too).",
        )
    elif names:
        what = QCoreApplication.translate(
            "Printing", "Masked: residents' names (as 张某); the settings keep numbers as they are."
        )
    else:
        what = QCoreApplication.translate("Printing", "The masking settings hide nothing.")
    return what


def mask_note(kind: SheetKind, allow_unmask: bool, rules: MaskingRules) -> str:
    """Exactly what masking hides on this sheet (domain/privacy.py decides it; this says it)."""
    what = masked_summary(rules, names_shown=kind is SheetKind.SIGNIN)
    if kind is SheetKind.SIGNIN:
        what += " " + QCoreApplication.translate(
            "Printing", "Names stay on the sign-in sheet: people sign next to them."
        )
    if allow_unmask:
        return what
    if kind is SheetKind.SLIP:
        return (
            QCoreApplication.translate(
                "Printing", "Assignment slips go to the departments, so they are always masked."
            )
            + " "
            + what
        )
    return (
        QCoreApplication.translate(
            "Printing", "This printout leaves the office, so it is always masked."
        )
        + " "
        + what
    )


class SheetPrintout:
    """One kind of sheet for some consultations: ``load`` reads their data through the service
    (off the GUI thread), ``make_job`` lays it out with the options chosen (Qt text layout, no
    database), as often as the masking choice changes."""

    def __init__(
        self, services: Services, kind: SheetKind, consultation_ids: Sequence[int]
    ) -> None:
        self.services = services
        self.kind = kind
        self.consultation_ids = list(consultation_ids)
        self._data: list[SheetData] | None = None
        self._fonts: dict[str, str] = {}

    def load(self, control: TaskControl) -> None:
        data = self.services.printouts.sheet_data(self.consultation_ids)
        control.check()
        self._fonts = self.services.printouts.fonts()
        self._data = data

    def make_job(self, options: SheetOptions) -> PrintJob:
        if self._data is None:
            raise RuntimeError("SheetPrintout.make_job before load")
        # Laid out here, on the GUI thread, from data and fonts read in load(): no database.
        return self.services.printouts.build(self.kind, self._data, options, fonts=self._fonts)


def preview(
    parent: QWidget | None,
    services: Services,
    kind: SheetKind,
    consultation_ids: Sequence[int],
    *,
    allow_unmask: bool | None = None,
) -> PrintPreviewDialog | None:
    """Opens the print preview of ``kind`` for the consultations (one printout, repeated ids
    once, in the order given); None when there are none. ``allow_unmask`` None: the kind's
    default (only slips are always masked). The dialog is not modal and deletes itself when
    closed."""
    ids = list(dict.fromkeys(consultation_ids))
    if not ids:
        return None
    unmask = allows_unmask(kind) if allow_unmask is None else allow_unmask
    from liaison_desk.ui.print_preview import PrintPreviewDialog

    printout = SheetPrintout(services, kind, ids)
    dialog = PrintPreviewDialog(
        printout.make_job,
        load=printout.load,
        title=preview_title(kind),
        allow_unmask=unmask,
        mask=True,
        mask_note=mask_note(kind, unmask, MaskingRules.from_settings(services.settings.values())),
        parent=parent,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def show_message(page: QWidget, text: str, timeout_ms: int = 5000) -> None:
    """A passing message in the main window's status bar (the page's status when alone)."""
    window = page.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, timeout_ms)
    elif isinstance(page, Page):
        page.set_status(text)


def print_selected(
    page: QWidget,
    services: Services,
    kind: SheetKind,
    selected_ids: Callable[[], list[int]],
) -> PrintPreviewDialog | None:
    """The preview of ``kind`` for the consultations selected; a status message when none is."""
    ids = selected_ids()
    if not ids:
        show_message(
            page,
            QCoreApplication.translate("Printing", "Select one or more consultations to print."),
        )
        return None
    return preview(page, services, kind, ids)


class PrintButton(QPushButton):
    """The print button of a list page; ``sheet_actions`` holds its action for each kind (the
    first kind's has Ctrl+P)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(icon("print"), "", parent)
        self.sheet_actions: dict[SheetKind, QAction] = {}


def add_print_menu(
    page: QWidget,
    services: Services,
    kinds: Sequence[SheetKind],
    selected_ids: Callable[[], list[int]],
) -> PrintButton:
    """A "Print" button with a menu of ``kinds`` (a single kind: the button prints it at once)
    for the consultations ``selected_ids()`` gives. Ctrl+P prints the first kind while the page
    is shown. The caller adds the button to its layout."""
    if not kinds:
        raise ValueError("add_print_menu needs at least one kind of sheet")
    button = PrintButton(page)
    actions: list[QAction] = []
    for kind in kinds:
        action = QAction(icon("print"), sheet_name(kind), button)
        action.triggered.connect(
            lambda _checked=False, k=kind: print_selected(page, services, k, selected_ids)
        )
        actions.append(action)
        button.sheet_actions[kind] = action
    first = actions[0]
    first.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
    first.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    page.addAction(first)  # Ctrl+P while the page is shown, menu open or not
    if len(kinds) == 1:
        button.setText(print_command(kinds[0]))
        button.clicked.connect(lambda _checked=False: first.trigger())
    else:
        button.setText(QCoreApplication.translate("Printing", "&Print"))
        menu = QMenu(button)
        menu.addActions(actions)
        button.setMenu(menu)
    shortcut = first.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    button.setToolTip(
        QCoreApplication.translate(
            "Printing", "Print sheets of the selected consultations ({shortcut}: {sheet})"
        ).format(shortcut=shortcut, sheet=preview_title(kinds[0]))
    )
    return button


__all__ = [
    "PrintButton",
    "SheetKind",
    "SheetPrintout",
    "add_print_menu",
    "allows_unmask",
    "preview",
    "print_selected",
    "sheet_name",
]
