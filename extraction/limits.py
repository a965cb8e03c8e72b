"""Limits on what one note file may make the readers do, shared by every reader.

Notes and uploads are untrusted: a file may be built to exhaust memory or time (a ZIP
bomb, a PDF page tree that loops, JSON nested a million deep, one 50 MB line). Each
limit below is far above what real course notes need (the largest real inputs seen:
a few-MB Anki collection, a 300-page PDF, Dive into Deep Learning's longest Markdown
file at about 1,900 lines, note fields and lines of about 1,500 characters) and low
enough that a refused file costs seconds and bounded memory. A file over a limit is
refused with a :class:`~extraction.errors.ReadError` that names the limit; the rest of
a build goes on. See ``docs/RELIABILITY.md`` for what each hostile input costs.
"""

from __future__ import annotations

import time

from extraction.errors import ReadError

#: Largest file read, in bytes (``--max-size`` on the command line overrides it).
MAX_FILE_BYTES = 50_000_000

#: Most entries in a ZIP archive (``.apkg``, ``.colpkg``, ``.docx``). Python's ``zipfile``
#: builds an object per central-directory entry before anything is read, so the count
#: is checked first, from the bytes.
MAX_ARCHIVE_MEMBERS = 10_000

#: Largest uncompressed size of one ZIP member, in bytes (an Anki collection).
MAX_MEMBER_BYTES = 200_000_000

#: Largest uncompressed size of all members of a ZIP archive together, in bytes.
MAX_TOTAL_UNCOMPRESSED_BYTES = 400_000_000

#: Largest uncompressed / compressed size ratio of a ZIP member (text compresses
#: about 3-10x; a bomb of zeros about 1000x).
MAX_COMPRESSION_RATIO = 200

#: Deepest nesting of JSON arrays and objects (a CrowdAnki deck nests about 8 deep).
MAX_JSON_DEPTH = 64

#: Most pages read from one PDF.
MAX_PDF_PAGES = 2000

#: Most characters of text taken from one PDF page (a dense page holds about 5,000).
MAX_PAGE_CHARS = 200_000

#: Largest decompressed content stream of one PDF page, in bytes (a slide holds about
#: 20 KB; pypdf parses about 1.5 MB a second of text operators).
MAX_PAGE_CONTENT_BYTES = 4_000_000

#: Seconds of work allowed on one PDF page (a lecture page takes milliseconds; a small
#: compressed page can hold millions of text operators, at about 30 µs each).
MAX_PDF_PAGE_SECONDS = 3.0

#: Most lines in a text file (Markdown, plain text, CSV, flashcard copies). Every text
#: reader's ``sniff`` looks at every line, so this bounds the time to choose a reader.
MAX_TEXT_LINES = 200_000

#: Longest line of a text file, in characters (a long paragraph holds about 5,000).
MAX_LINE_CHARS = 100_000

#: Most cells in a delimited file (CSV, TSV, Anki text export); a 2-column deck of
#: 10,000 cards has 20,000. Each cell costs about 5 µs, so this bounds a file to seconds.
MAX_TABLE_CELLS = 1_000_000

#: Longest Anki or CrowdAnki note field, in characters, once embedded ``data:`` images are
#: dropped. Python's HTML parser slows quadratically on some malformed HTML; at this size
#: the worst field costs about two seconds.
MAX_FIELD_CHARS = 20_000

#: Longest component of the name a card cites, in characters (longer ones are shortened).
MAX_NAME_CHARS = 120

#: Seconds of work allowed on one file by the readers that work in steps (PDF pages,
#: Anki notes, Word paragraphs); the clock is checked between steps. A file that
#: reaches it keeps the cards read so far, with a warning naming where it stopped.
FILE_TIME_BUDGET_S = 30.0

#: Most note files read from the folders of one build (a course has tens to hundreds;
#: a folder such as ``/`` or a home folder holds far more). Past it the walk stops, the
#: files found so far are read, and a message says the rest were not.
MAX_FOLDER_FILES = 20_000

#: Seconds allowed to walk the folders of one build and read their files. Reading a
#: course of a few hundred files takes seconds; past the budget the files read so far
#: are kept and a message says the rest were not read.
FOLDER_TIME_BUDGET_S = 120.0

#: Most words one build reads (titles, answers and table cells of every card, counted
#: as runs of characters between spaces; see :func:`graph.build.within_build_limit`).
#: A build's memory grows with the words it parses: 1.7 to 2.5 KB a word on the
#: generated stress inputs (``python -m benchmarks.hostile_cost``: a 100,000-card CSV,
#: long paragraphs, 50,000 one-word cards), over about 250 MB for the pipeline, so this
#: keeps a build under 1.5 GB. Past the limit the build keeps the notes read so far,
#: cuts the card where the limit falls, and a message names the file and the line where
#: it stopped. A whole textbook in Markdown (Dive into Deep Learning, 3 MB) is about
#: 265,000 words; a course's notes for a semester far fewer.
MAX_BUILD_WORDS = 500_000

#: Most folders and entries that could not be read reported one by one in a build (a
#: walk of ``/`` meets thousands); the rest are counted in one message.
MAX_REPORTED_ENTRIES = 100


class Deadline:
    """The time budget of reading one file, checked between steps of work.

    Parameters
    ----------
    seconds : float
        The budget, from now.

    Examples
    --------
    >>> Deadline(30).check("page 1")
    >>> Deadline(-1).check("page 7")
    Traceback (most recent call last):
    ...
    extraction.errors.ReadError: gave up at page 7: reading took over the -1 s limit
    """

    def __init__(self, seconds: float = FILE_TIME_BUDGET_S) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def expired(self) -> bool:
        """Whether the budget is spent."""
        return time.monotonic() > self.end

    def check(self, where: str) -> None:
        """Raise :class:`ReadError` naming ``where`` once the budget is spent."""
        if self.expired():
            raise ReadError(f"gave up at {where}: reading took over the {self.seconds:g} s limit")
