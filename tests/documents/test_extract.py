from __future__ import annotations

import io

from tests.support.files import docx
from vanphong.documents.extract import extract_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _pdf_with_text(text: str) -> bytes:
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def test_text_comes_out_of_a_pdf() -> None:
    text = extract_text(io.BytesIO(_pdf_with_text("Ke hoach bau cu 2011")), "application/pdf")
    assert "Ke hoach bau cu 2011" in text


def test_text_comes_out_of_a_docx_in_nfc() -> None:
    decomposed = "Hòa Thành".replace("ò", "o\u0300")
    xml = (
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>Về việc</w:t></w:r>'
        f"<w:r><w:t> {decomposed}</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    text = extract_text(
        io.BytesIO(docx(xml)),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    assert text == "Về việc Hòa Thành"


def test_a_broken_file_gives_no_text_instead_of_failing() -> None:
    assert extract_text(io.BytesIO(b"%PDF-1.4 broken"), "application/pdf") == ""
    assert extract_text(io.BytesIO(b"\x89PNG"), "image/png") == ""
