"""What embedding the 楷体 and 黑体 stand-ins costs the case Word file: the time to write each demo
case with and without them, the file's size and the fonts' share of it.

    .venv/bin/python benchmarks/docx_fonts.py

Prints figures; it asserts nothing (timings depend on the machine).
"""

from __future__ import annotations

import tempfile
import time
import zipfile
from io import BytesIO
from pathlib import Path
from unittest import mock

from liaison_desk.demo import build_demo
from liaison_desk.documents import case_document
from liaison_desk.domain.queries import CaseFilter, PageRequest
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.database import Database


def fonts_size(blob: bytes) -> int:
    with zipfile.ZipFile(BytesIO(blob)) as z:
        return sum(i.compress_size for i in z.infolist() if i.filename.startswith("word/fonts/"))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "示例.sqlite"
        database = Database.open(f"sqlite:///{db}")
        try:
            services = Services(ServiceContext(database, AttachmentStore.beside_database(db)))
            build_demo(services)
            cases = services.cases.search(CaseFilter(), PageRequest()).items
            print(
                f"{'case':<14} {'with':>7} {'without':>8} {'size':>9} {'no fonts':>9} {'fonts':>9}"
            )
            for case in cases:
                assert case.id is not None
                data = services.case_documents.document_data(case.id)
                start = time.perf_counter()
                blob = case_document.build_case_docx(data)
                with_fonts = time.perf_counter() - start
                with mock.patch.object(case_document, "embed_stand_ins", lambda *_: []):
                    start = time.perf_counter()
                    plain = case_document.build_case_docx(data)
                    without = time.perf_counter() - start
                print(
                    f"{data.title[:6]:<14} {with_fonts:>6.2f}s {without:>7.2f}s "
                    f"{len(blob) / 1e6:>7.2f}MB {len(plain) / 1e6:>7.2f}MB "
                    f"{fonts_size(blob) / 1e6:>7.2f}MB"
                )
        finally:
            database.close()


if __name__ == "__main__":
    main()
