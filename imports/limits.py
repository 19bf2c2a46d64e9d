"""The limits every uploaded or imported file is held to, in one place (docs/situation.md,
"Limits on evidence files", and docs/import-format.md, "Bad input").

An .xlsx or .docx file is a zip archive: its size on disk says little about what it unpacks
to, so it is judged by its declared unpacked size (lib/archives.py) before it is opened.
"""

from lib.archives import ArchiveLimits

MB = 1024 * 1024

# An evidence file (CSV or XLSX) as uploaded or given to `loften evidence import`.
EVIDENCE_FILE_BYTES = 100 * MB
# What an evidence .xlsx may unpack to: in all, and per member at most 100 times its packed
# size once the member passes 1 MB.
XLSX_LIMITS = ArchiveLimits(total=50 * MB, ratio=100, ratio_from=1 * MB)
# Rows (the header and blank rows included) and cells in a row read from an evidence file;
# reading stops at the limit and the file is refused.
MAX_ROWS = 200_000
MAX_CELLS_PER_ROW = 200
# Row errors kept on an import for the user to read; the rest are counted.
ERRORS_KEPT = 500

# A promise text (.txt, .html, .docx or .pdf) as uploaded or given to `loften import`.
TEXT_FILE_BYTES = 20 * MB
# The longest text the staff pages read, pasted or from a file. It is read while the page
# waits (about 5 s a million characters of real pages, 15 s of one paragraph with no
# stop: `make bench`), and the review form sends it back, which Django takes up to
# DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB: a million characters even if every one were "å").
# A longer text is brought in with `loften import`, which has no such wait.
PAGE_TEXT_CHARACTERS = 1_000_000
# What a promise .docx may unpack to.
DOCX_LIMITS = ArchiveLimits(total=20 * MB, ratio=100, ratio_from=1 * MB)
