"""``services.attachments.store_file``: a file is validated and stored, then joins its record only
when the record is saved (one transaction); files dropped from the record's list go to the
recycle bin and come back from it."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from helpers import jpeg
from liaison_desk.domain.entities import Consultation
from liaison_desk.domain.enums import AttachmentKind
from liaison_desk.services import Services
from liaison_desk.services.errors import AttachmentError
from liaison_desk.storage.attachments import AttachmentStore

NewConsultation = Callable[..., Consultation]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_stored_photo_belongs_to_no_record_until_saved(
    services: Services, store: AttachmentStore, new_consultation: NewConsultation
) -> None:
    data = jpeg(taken="2024:03:05 09:12:00")
    att = services.attachments.store_file(data, "IMG_0001.jpg")

    assert att.id is None and att.consultation_id is None
    assert att.kind is AttachmentKind.PHOTO
    assert att.media_type == "image/jpeg"
    assert att.size == len(data)
    assert att.taken_at == datetime(2024, 3, 5, 9, 12)
    assert store.open_bytes(att.sha256) == data
    assert services.recycle_bin.entries() == []

    c = new_consultation()
    c.attachments = [att]
    saved = services.consultations.save(c)  # a new record and its photo in one go
    (kept,) = services.consultations.get(saved.id).attachments
    assert kept.id is not None and kept.consultation_id == saved.id
    assert kept.sha256 == att.sha256 and kept.original_name == "IMG_0001.jpg"


def test_kind_follows_the_content_unless_given(services: Services) -> None:
    assert services.attachments.store_file(PDF, "回复函.pdf").kind is AttachmentKind.OTHER
    pdf = services.attachments.store_file(PDF, "回复函.pdf", AttachmentKind.REPLY_LETTER)
    assert pdf.kind is AttachmentKind.REPLY_LETTER and pdf.media_type == "application/pdf"
    scan = services.attachments.store_file(jpeg(), "扫描.jpg", AttachmentKind.SIGNIN_SCAN)
    assert scan.kind is AttachmentKind.SIGNIN_SCAN
    # An image without a photo's name is still recognised by its content.
    assert services.attachments.store_file(jpeg(), "粘贴的内容").kind is AttachmentKind.PHOTO


def test_stores_from_a_path_under_its_own_name(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "现场照片.JPG"
    path.write_bytes(jpeg())
    att = services.attachments.store_file(path, "")
    assert att.original_name == "现场照片.JPG" and att.kind is AttachmentKind.PHOTO


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("坏照片.jpg", jpeg(size=(640, 480))[:900], "已损坏"),  # a download cut short
        ("不是照片.jpg", "只是一段文字".encode(), "不是可识别的图片"),
        ("空.png", b"", "空文件"),
    ],
)
def test_a_bad_photo_is_refused_in_chinese_and_nothing_is_stored(
    services: Services, store: AttachmentStore, name: str, data: bytes, words: str
) -> None:
    with pytest.raises(AttachmentError) as raised:
        services.attachments.store_file(data, name)
    assert words in str(raised.value) and name in str(raised.value)
    assert store.all_hashes() == set()


def test_saved_order_captions_cover_and_kind_come_back(
    services: Services, new_consultation: NewConsultation
) -> None:
    a = services.attachments.store_file(jpeg((200, 0, 0)), "a.jpg", caption="签到")
    b = services.attachments.store_file(jpeg((0, 200, 0)), "b.jpg", caption="合影")
    letter = services.attachments.store_file(PDF, "函.pdf", AttachmentKind.REPLY_LETTER)
    c = new_consultation()
    c.attachments = [a, b, letter]
    saved = services.consultations.save(c)

    again = services.consultations.get(saved.id)
    first, second, third = again.attachments
    first.caption = "委员发言"
    second.is_cover = True
    first.kind = AttachmentKind.SIGNIN_SCAN
    again.attachments = [second, third, first]
    for position, att in enumerate(again.attachments):
        att.position = position
    services.consultations.save(again)

    reloaded = services.consultations.get(saved.id).attachments
    assert [x.original_name for x in reloaded] == ["b.jpg", "函.pdf", "a.jpg"]
    assert [x.caption for x in reloaded] == ["合影", "", "委员发言"]
    assert [x.is_cover for x in reloaded] == [True, False, False]
    assert [x.kind for x in reloaded] == [
        AttachmentKind.PHOTO,
        AttachmentKind.REPLY_LETTER,
        AttachmentKind.SIGNIN_SCAN,
    ]


def test_a_file_left_out_of_the_list_goes_to_the_recycle_bin_and_comes_back(
    services: Services, store: AttachmentStore, new_consultation: NewConsultation
) -> None:
    keep = services.attachments.store_file(jpeg((10, 10, 10)), "留.jpg")
    drop = services.attachments.store_file(jpeg((250, 250, 250)), "删.jpg", caption="多余的照片")
    c = new_consultation()
    c.attachments = [keep, drop]
    saved = services.consultations.save(c)

    edited = services.consultations.get(saved.id)
    edited.attachments = [a for a in edited.attachments if a.original_name == "留.jpg"]
    services.consultations.save(edited)

    assert [a.original_name for a in services.consultations.get(saved.id).attachments] == ["留.jpg"]
    (entry,) = services.recycle_bin.entries()
    assert (entry.entity_type, entry.title) == ("attachment", "多余的照片")
    assert store.exists(drop.sha256)  # kept for restoring

    services.recycle_bin.restore("attachment", entry.id)
    names = [a.original_name for a in services.consultations.get(saved.id).attachments]
    assert sorted(names) == ["删.jpg", "留.jpg"]


def test_storing_again_refreshes_the_files_date(services: Services, store: AttachmentStore) -> None:
    """A clean-up that spares recent files must not take one an open form is about to save, even
    when the same content was stored long ago."""
    first = services.attachments.store_file(jpeg(), "a.jpg")
    path = store.path_of(first.sha256)
    os.utime(path, (1_000_000_000, 1_000_000_000))
    services.attachments.store_file(jpeg(), "b.jpg")
    assert path.stat().st_mtime > 1_000_000_000


def test_open_copy_has_the_original_name_and_is_read_only(
    services: Services, tmp_path: Path
) -> None:
    att = services.attachments.store_file(PDF, "关于停车难问题的答复.pdf")
    copy = services.attachments.open_copy(att, tmp_path)
    assert copy.name == "关于停车难问题的答复.pdf"
    assert copy.read_bytes() == PDF
    assert not copy.stat().st_mode & stat.S_IWUSR
    assert services.attachments.open_copy(att, tmp_path) == copy  # opening twice is fine

    odd = services.attachments.store_file(PDF + b"\n", "a/b:c?.pdf")
    assert services.attachments.open_copy(odd, tmp_path).name == "b_c_.pdf"


def test_a_missing_file_says_where_the_folder_belongs(
    services: Services, store: AttachmentStore
) -> None:
    att = services.attachments.store_file(jpeg(), "a.jpg")
    assert services.attachments.exists(att.sha256)
    assert services.attachments.file_path(att.sha256).is_file()
    store.path_of(att.sha256).unlink()
    assert not services.attachments.exists(att.sha256)
    with pytest.raises(AttachmentError, match="附件文件缺失"):
        services.attachments.file_path(att.sha256)
    with pytest.raises(AttachmentError, match="附件文件缺失"):
        services.attachments.open_copy(att)
