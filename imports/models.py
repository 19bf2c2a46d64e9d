"""What was imported from where, so that importing the same file again changes nothing."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.fields import TEXT_LIMIT


class ImportedDocument(models.Model):
    """One document read from a file: a promise stored as a draft, or a follow-up whose
    achieved counts were attached to the promise of its year."""

    # The draft the promise document became (None for a follow-up).
    promise = models.OneToOneField(
        "promises.CitizenPromise",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="imported_from",
        verbose_name=_("citizen promise"),
    )
    # The promise a follow-up document reports on (None for a promise); a promise may be
    # followed up by several documents (each quarter's).
    follow_up_of = models.ForeignKey(
        "promises.CitizenPromise",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="imported_follow_ups",
        verbose_name=_("follow-up of"),
    )
    source_name = models.CharField(_("file"), max_length=255)
    # The file's SHA-256 and the document's year: the same page imported again is known.
    source_key = models.CharField(max_length=80, unique=True)
    warnings = models.JSONField(_("what could not be placed"), default=list)
    # Of a follow-up: each count read, as {"kind", "done", "text", "activity", "recorded",
    # "added", "reason"}: what was attached, and why the rest was not.
    attached = models.JSONField(_("counts attached"), default=list, blank=True)
    created_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("imported document")
        verbose_name_plural = _("imported documents")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(promise__isnull=False, follow_up_of__isnull=True)
                | models.Q(promise__isnull=True, follow_up_of__isnull=False),
                name="imported_document_promise_or_follow_up",
            )
        ]

    def __str__(self) -> str:
        return f"{self.source_name} → {self.promise or self.follow_up_of}"


class FileImportStatus(models.TextChoices):
    CHECKING = "checking", _("Checking")
    CHECKED = "checked", _("Checked")
    STORING = "storing", _("Storing")
    STORED = "stored", _("Stored")
    CANCELLED = "cancelled", _("Cancelled")
    FAILED = "failed", _("Could not be read")
    UNDONE = "undone", _("Undone")


class FileImport(models.Model):
    """One uploaded file on its way in: checked first, then stored or cancelled by its user.

    The file's bytes are kept only until the user has decided.
    """

    kind = models.CharField(_("kind"), max_length=40)
    municipality = models.ForeignKey(
        "places.Municipality",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("municipality"),
    )
    file_name = models.CharField(_("file"), max_length=255)
    data = models.BinaryField(_("content"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=FileImportStatus.choices,
        default=FileImportStatus.CHECKING,
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    checked_rows = models.PositiveIntegerField(_("rows checked"), default=0)
    # The first errors found (imports.limits.ERRORS_KEPT), as [row, column, reason]; how many
    # more there were, and how many rows had any.
    errors = models.JSONField(_("errors"), default=list, blank=True)
    errors_left_out = models.PositiveIntegerField(_("errors not kept"), default=0)
    rows_with_errors = models.PositiveIntegerField(_("rows with errors"), default=0)
    summary = models.TextField(_("summary"), blank=True, max_length=TEXT_LIMIT)
    # What the check found the file would do: new rows, values it would replace (old and new)
    # and rows already stored as they are; shown before the user decides.
    preview = models.JSONField(_("what storing would do"), default=dict, blank=True)
    # What storing did, so that the whole import can be undone: the records it created and
    # the values it replaced.
    stored_changes = models.JSONField(_("what storing did"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imported by"),
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("file import")
        verbose_name_plural = _("file imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name

    @property
    def bad_rows(self) -> int:
        return max(self.rows_with_errors, len({row for row, _column, _reason in self.errors}))

    @property
    def progress_percent(self) -> int:
        return min(100, round(100 * self.checked_rows / self.total_rows)) if self.total_rows else 0
