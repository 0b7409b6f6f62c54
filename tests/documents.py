"""Builders for real PDF and Word files in tests, written into a folder the test owns (such as tmp_path).

PDFs are drawn with reportlab; Word documents are made with python-docx, with the XML it has no API for (tracked
changes, footnotes, text boxes) added by hand. Every builder returns the path it wrote.
"""

import re
import zipfile
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

PAGE_BREAK = "\f"  # in make_docx paragraphs: a page break
REVISION_AUTHOR = "Alex Morgan"  # who made the tracked changes in make_docx

FONT = "Helvetica"
FONT_SIZE = 11
LEADING = 1.3  # times the font size
PARAGRAPH_SPACE = 0.9  # times the font size, between paragraphs
MARGIN = 72
NAVY = (0.0, 0.19, 0.45)
LIGHT_GREY = (0.88, 0.88, 0.88)


class _RedactionMark(pdfdoc.Annotation):
    """An Acrobat redaction mark (/Redact) that was never applied: the text under it is still in the file."""

    permitted = (*pdfdoc.Annotation.permitted, "IC")

    def __init__(self, rect):
        self.rect = rect

    def Dict(self):  # reportlab's name
        return self.AnnotationDict(Rect=self.rect, Contents="", Subtype="/Redact", IC=pdfdoc.PDFArray([0, 0, 0]))


def make_pdf(
    path,
    pages,
    *,
    title=None,
    author=None,
    redact=None,
    mark_for_redaction=None,
    shade=None,
    band=None,
    bold=(),
    headings=(),
    footnotes=None,
    foot_table=None,
    encrypt_password=None,
    annotation=None,
    header=None,
    footer=None,
    page_numbers=False,
    font_size=FONT_SIZE,
):
    """A PDF with one page for each string in pages (None draws a page that is only a picture, like a scan).

    In a page, paragraphs are separated by a blank line and wrapped to the page width; a single newline breaks
    the line there. A page that does not fit raises ValueError: use a smaller font_size (9 fits 500 words).
    header and footer are drawn on every page, with "{page}" replaced by its number, and page_numbers adds a bare
    number at the foot of each page.
    redact: a phrase to cover with a black box drawn over the text, a cosmetic "redaction".
    mark_for_redaction: a phrase to cover with an Acrobat redaction mark that has not been applied.
    shade: a phrase whose line gets a light grey background drawn before the text, like a shaded table cell.
    band: a phrase whose line is drawn in white on a dark blue band, like a coloured heading.
    bold: lines drawn in bold type (headings), each given whole.
    headings: lines drawn in bold type half as large again, as a chapter's heading, each given whole.
    footnotes: {page number: [note, ...]}, drawn numbered in small type at the foot of the page (from 1 on each
    page); "^2" in a page's text draws a raised mark 2 in small type there.
    foot_table: {page number: [line, ...]}, drawn as they are in small type at the foot of the page, top to bottom,
    like a table set small that a page's end cuts ("No.  Recommendation", "1  The Board should ...").
    encrypt_password: "" encrypts the file with an empty user password, so it opens without asking; any other
    string is a password needed to open it.
    annotation: (author, text) of a sticky note on the first page.
    """
    encrypt = None if encrypt_password is None else StandardEncryption(encrypt_password, ownerPassword="owner")
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    _describe(pdf, title, author)
    width, height = A4
    for number, text in enumerate(pages, start=1):
        if header:
            _draw_small(pdf, header.format(page=number), height - 40)
        if text is None:
            _draw_scan(pdf)
        else:
            marks = {
                "redact": redact,
                "mark_for_redaction": mark_for_redaction,
                "shade": shade,
                "band": band,
                "bold": bold,
                "headings": headings,
            }
            _draw_page_text(pdf, text, font_size, **marks)
        for index, note in enumerate((footnotes or {}).get(number, []), start=1):
            _draw_small(pdf, f"{index} {note}", 60 + 11 * (len(footnotes[number]) - index))
        for index, line in enumerate((foot_table or {}).get(number, [])):
            _draw_small(pdf, line, 60 + 11 * (len(foot_table[number]) - 1 - index))
        if footer:
            _draw_small(pdf, footer.format(page=number), 40)
        if page_numbers:
            pdf.setFont(FONT, 9)
            pdf.drawCentredString(width / 2, 25, str(number))
        if annotation and number == 1:
            note_author, note = annotation
            rect = (width - 60, height - 60, width - 40, height - 40)
            pdf.textAnnotation(note, Rect=rect, T=pdfdoc.PDFString(note_author))
        pdf.showPage()
    pdf.save()
    return path


def make_scanned_pdf(path, pages=2, texts=()):
    """A PDF whose pages are only pictures, with no text layer, as a scanner makes: pictures of the texts given
    (one a page, each paragraph a line), else of grey bars no OCR can read."""
    if not texts:
        return make_pdf(path, [None] * pages)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    _describe(pdf, "", "")
    font = ImageFont.load_default(size=34)
    for text in texts:
        scan = Image.new("L", (1700, 2200), 255)
        drawing = ImageDraw.Draw(scan)
        for number, line in enumerate(text.split("\n")):
            drawing.text((120, 150 + 60 * number), line, fill=0, font=font)
        pdf.drawImage(ImageReader(scan), 0, 0, *A4)
        pdf.showPage()
    pdf.save()
    return path


def _describe(pdf, title, author):
    pdf.setTitle(title or "")
    pdf.setAuthor(author or "")
    pdf.setSubject("")
    pdf.setCreator("Microsoft Word for Microsoft 365")  # as real reviews say; an application, not a person


def _draw_small(pdf, text, y):
    pdf.setFont(FONT, 9)
    pdf.setFillColorRGB(0, 0, 0)
    pdf.drawString(MARGIN, y, text)


def _draw_scan(pdf):
    width, height = A4
    scan = Image.new("L", (850, 1100), 250)
    drawing = ImageDraw.Draw(scan)
    for line in range(30):
        drawing.rectangle((90, 100 + 30 * line, 760 - 17 * (line % 5), 112 + 30 * line), fill=40)
    pdf.drawImage(ImageReader(scan), 0, 0, width, height)


def _draw_page_text(pdf, text, font_size, *, headings, **marks):
    width, height = A4
    line_width = width - 2 * MARGIN
    y = height - MARGIN
    for paragraph in text.split("\n\n"):
        for forced_line in paragraph.split("\n"):
            for line in simpleSplit(forced_line, FONT, font_size, line_width):
                if y < MARGIN:
                    raise ValueError("The text does not fit on one page; split it or use a smaller font_size.")
                size = font_size * 1.5 if line in headings else font_size
                _draw_line(pdf, line, y, line_width, size, **{**marks, "bold": [*marks["bold"], *headings]})
                y -= LEADING * size
        y -= PARAGRAPH_SPACE * font_size


def _draw_line(pdf, line, y, line_width, font_size, *, redact, mark_for_redaction, shade, band, bold):
    background = LIGHT_GREY if shade and shade in line else NAVY if band and band in line else None
    if background:
        pdf.setFillColorRGB(*background)
        pdf.rect(MARGIN - 2, y - 0.35 * font_size, line_width + 4, LEADING * font_size, fill=1, stroke=0)
    pdf.setFillColorRGB(*((1, 1, 1) if background == NAVY else (0, 0, 0)))
    font = f"{FONT}-Bold" if line in bold else FONT
    x = MARGIN
    for piece in re.split(r"(\^\d+)", line):  # "^2": a raised footnote mark in small type
        raised = piece.startswith("^")
        size = font_size * 0.6 if raised else font_size
        pdf.setFont(font, size)
        pdf.drawString(x, y + (0.4 * font_size if raised else 0), piece[1:] if raised else piece)
        x += stringWidth(piece[1:] if raised else piece, font, size)
    if redact and redact in line:
        pdf.setFillColorRGB(0, 0, 0)
        pdf.rect(*_phrase_box(line, redact, y, font_size), fill=1, stroke=0)
    if mark_for_redaction and mark_for_redaction in line:
        left, bottom, box_width, box_height = _phrase_box(line, mark_for_redaction, y, font_size)
        pdf._addAnnotation(_RedactionMark((left, bottom, left + box_width, bottom + box_height)))


def _phrase_box(line, phrase, y, font_size):
    """(left, bottom, width, height) of a box just covering phrase where it is drawn in line."""
    left = MARGIN + stringWidth(line[: line.index(phrase)], FONT, font_size)
    return left - 1, y - 0.3 * font_size, stringWidth(phrase, FONT, font_size) + 2, 1.3 * font_size


def make_docx(
    path,
    paragraphs,
    *,
    table=None,
    after_table=(),
    author=None,
    last_modified_by=None,
    title=None,
    tracked_deletion=None,
    tracked_insertion=None,
    comment=None,
    header=None,
    footer=None,
    footnote=None,
    text_box=None,
):
    """A Word document with paragraphs (PAGE_BREAK for a page break), then the optional parts in the order below.

    table: rows of cell texts, followed by the paragraphs after_table. author, last_modified_by and title: document
    properties (empty when not given).
    tracked_deletion / tracked_insertion: a phrase deleted or inserted with Track Changes on, by REVISION_AUTHOR,
    each in a paragraph of its own. comment: (author, text) of a comment on a paragraph of its own.
    header / footer: text of the page header or footer. footnote: text of a footnote to a paragraph of its own.
    text_box: text of a text box, written as Word does: a modern shape with an old-style copy as its fallback.
    """
    document = docx.Document()
    properties = document.core_properties
    properties.author = author or ""
    properties.last_modified_by = last_modified_by or ""
    properties.title = title or ""
    properties.comments = ""
    for text in paragraphs:
        if text == PAGE_BREAK:
            document.add_page_break()
        else:
            document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, texts in zip(grid.rows, table, strict=True):
            for cell, text in zip(row.cells, texts, strict=True):
                cell.text = text
    for text in after_table:
        document.add_paragraph(text)
    if tracked_deletion:
        paragraph = document.add_paragraph("The strategy meeting was attended by ")
        paragraph._p.append(_revision("del", tracked_deletion, 901))
        paragraph.add_run(" and the allocated social worker.")
    if tracked_insertion:
        paragraph = document.add_paragraph("The referral was made by ")
        paragraph._p.append(_revision("ins", tracked_insertion, 902))
        paragraph.add_run(" after the second visit.")
    if comment:
        comment_author, text = comment
        paragraph = document.add_paragraph("The chronology was agreed by the review panel.")
        document.add_comment(paragraph.runs, text=text, author=comment_author)
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    if footnote:
        _add_footnote(document, footnote)
    if text_box:
        document.add_paragraph("The practitioners' views are summarised below.")._p.append(_text_box_run(text_box))
    document.save(str(path))
    return path


def _revision(kind, text, revision_id):
    tag = "w:delText" if kind == "del" else "w:t"
    return parse_xml(
        f'<w:{kind} {nsdecls("w")} w:id="{revision_id}" w:author="{REVISION_AUTHOR}" w:date="2024-03-01T09:00:00Z">'
        f'<w:r><{tag} xml:space="preserve">{escape(text)}</{tag}></w:r></w:{kind}>'
    )


def _add_footnote(document, text):
    notes = (
        f"<w:footnotes {nsdecls('w')}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        "</w:footnote>"
        f'<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, notes.encode(), document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    paragraph = document.add_paragraph("The family moved to the area in the spring.")
    paragraph._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            '<w:footnoteReference w:id="1"/></w:r>'
        )
    )


def _text_box_run(text):
    content = f'<w:txbxContent><w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:txbxContent>'
    return parse_xml(
        f'<w:r {nsdecls("w", "wp", "a")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="2540000" cy="635000"/>'
        '<wp:docPr id="10" name="Text Box 10"/><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2540000" cy="635000"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f"<wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shape style="width:200pt;height:50pt" type="#_x0000_t202">'
        f"<v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


_WORD_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_WORD_BODY = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
    "<w:t>Child J lived with her mother in Northshire.</w:t></w:r></w:p></w:body></w:document>"
)


def make_zip_bomb(path, megabytes=210):
    """A package that looks like a Word document but holds a part of megabytes of zeros, packed about 200 to 1.

    The default is over extract()'s limit on the unpacked size of a package as well as its limit on packing ratio.
    """
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _WORD_CONTENT_TYPES)
        archive.writestr("word/document.xml", _WORD_BODY)
        with archive.open("word/media/filler.bin", "w", force_zip64=True) as filler:
            chunk = bytes(1024 * 1024)
            for _ in range(megabytes):
                filler.write(chunk)
    return path


def make_docx_with_many_parts(path, parts):
    """A real Word document with parts extra (empty custom XML) parts added to its package."""
    make_docx(path, ["Child J lived with her mother in Northshire."])
    with zipfile.ZipFile(path, "a") as archive:
        for number in range(parts):
            archive.writestr(f"customXml/extra{number}.xml", "<extra/>")
    return path


def make_xlsx(path):
    """A minimal Excel workbook package, to pass off as a Word document."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        )
        archive.writestr(
            "xl/workbook.xml",
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
        )
    return path


def make_pdf_with_inflating_stream(path, megabytes):
    """A small PDF of one page whose content stream inflates to megabytes of spaces (a few hundred KB packed).

    Written by hand: one page, its content a FlateDecode stream of "BT /F1 11 Tf 72 720 Td (Child J) Tj ET" after
    megabytes of spaces.
    """
    import zlib

    packer = zlib.compressobj(9)
    packed = [packer.compress(b" " * (1024 * 1024)) for _ in range(megabytes)]
    packed.append(packer.compress(b"\nBT /F1 11 Tf 72 720 Td (Child J lived in Northshire.) Tj ET\n"))
    packed.append(packer.flush())
    stream = b"".join(packed)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(body))
    return path


def make_docx_with_big_headers(path, headers, kilobytes):
    """A Word document with headers extra page-header parts of kilobytes of XML each, each packed well under the
    packing ratio that marks a single part as a bomb."""
    make_docx(path, ["Child J lived with her mother in Northshire."])
    filler = "<w:p><w:r><w:t>Northshire</w:t></w:r></w:p>" * (kilobytes * 1024 // 45)
    part = f'<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{filler}</w:hdr>'
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        for number in range(headers):
            archive.writestr(f"word/header{number + 10}.xml", part)
    return path


def make_docx_understating_its_size(path, megabytes):
    """A Word document whose main part holds megabytes of XML while its ZIP directory says it has 2 KB."""
    import struct

    filler = "<w:p><w:r><w:t>Northshire</w:t></w:r></w:p>" * (megabytes * 1024 * 1024 // 45)
    body = _WORD_BODY.replace("<w:body>", f"<w:body>{filler}")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _WORD_CONTENT_TYPES)
        archive.writestr("word/document.xml", body)
    data = bytearray(path.read_bytes())
    name = b"word/document.xml"
    for signature, size_at in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):  # directory entry, local header
        start = data.find(signature)
        while start >= 0:
            name_at = start + (46 if signature == b"PK\x01\x02" else 30)
            if data[name_at : name_at + len(name)] == name:
                struct.pack_into("<I", data, start + size_at, 2048)
            start = data.find(signature, start + 4)
    path.write_bytes(bytes(data))
    return path


def make_pdf_with_table(path, rows, *, before=(), after=(), widths=None, spans=(), padding=6):
    """A PDF of paragraphs, a table and paragraphs, as a word processor lays one out: each cell's text wrapped in its
    column, cells top-aligned, grid lines drawn. rows are lists of cell texts (the first the header); spans lists the
    rows drawn across the whole table ("Regional recommendations"); padding is each cell's left and right margin."""
    styles = getSampleStyleSheet()
    body, cell = styles["BodyText"], ParagraphStyle("cell", parent=styles["BodyText"], fontSize=8.4, leading=11.5)
    table = Table(
        [[Paragraph(text, cell) for text in row] for row in rows],
        colWidths=widths,
        style=TableStyle(
            [("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)), ("VALIGN", (0, 0), (-1, -1), "TOP")]
            + [("LEFTPADDING", (0, 0), (-1, -1), padding), ("RIGHTPADDING", (0, 0), (-1, -1), padding)]
            + [("SPAN", (0, index), (-1, index)) for index in spans]
        ),
    )
    story = [*(Paragraph(text, body) for text in before), table, *(Paragraph(text, body) for text in after)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def make_pdf_of_text_objects(path, lines, *, left=72, top=720, step=20):
    """A one-page PDF whose lines are written as PDFium text objects exactly as given, spaces and all ("x      ": a
    line a layout program padded), Helvetica 11pt, one below the other."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    for index, line in enumerate(lines):
        obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", 11.0)
        text = ctypes.create_string_buffer((line + "\0").encode("utf-16-le"))
        pdfium_c.FPDFText_SetText(obj, ctypes.cast(text, ctypes.POINTER(ctypes.c_ushort)))
        pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, left, top - index * step)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    pdf.save(str(path))
    return path
