"""What was imported from where, so that importing the same file again changes nothing."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedDocument(models.Model):
    """One promise document read from a file and stored as a draft."""

    promise = models.OneToOneField(
        "promises.CitizenPromise",
        on_delete=models.CASCADE,
        related_name="imported_from",
        verbose_name=_("citizen promise"),
    )
    source_name = models.CharField(_("file"), max_length=255)
    # The file's SHA-256 and the document's year: the same page imported again is known.
    source_key = models.CharField(max_length=80, unique=True)
    warnings = models.JSONField(_("what could not be placed"), default=list)
    created_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("imported document")
        verbose_name_plural = _("imported documents")

    def __str__(self) -> str:
        return f"{self.source_name} → {self.promise}"
