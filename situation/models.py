"""Evidence behind the situation picture: complaints, dialogues, police events, statistics."""

from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.selectors import moment_in_words
from core.dates import validate_evidence_year, validate_happened_on
from core.fields import NOTE_LIMIT, TEXT_LIMIT
from lib.text import shortened
from situation.vocabularies import (
    IMPLAUSIBLE,
    MOST_PARTICIPANTS,
    MOST_PER_100K,
    MOST_REPORTED_CRIMES,
    MOST_VOICES,
    NO_PARTICIPANTS,
    ApprovingParty,
    Channel,
    DialogueForm,
    DialogueKind,
    Problem,
    Receiver,
)

LATITUDE = [MinValueValidator(-90), MaxValueValidator(90)]
LONGITUDE = [MinValueValidator(-180), MaxValueValidator(180)]
YEAR = [validate_evidence_year]


def most(limit: int) -> list[MaxValueValidator]:
    """The plausible upper bound of a count (situation/vocabularies.py), with its message."""
    return [MaxValueValidator(limit, message=IMPLAUSIBLE)]


class Placed(models.Model):
    """Where a piece of evidence belongs: a municipality, maybe a district and a map point."""

    municipality = models.ForeignKey(
        "places.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    district = models.ForeignKey(
        "places.District",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("district"),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True, validators=LATITUDE)
    longitude = models.FloatField(_("longitude"), null=True, blank=True, validators=LONGITUDE)

    class Meta:
        abstract = True

    def clean(self) -> None:
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))
        if self.latitude is not None and self.longitude is not None and self.municipality_id:
            error = self.municipality.place_error(self.latitude, self.longitude)
            if error:
                raise ValidationError({"latitude": error})
        if self.district is not None and self.district.municipality_id != self.municipality_id:
            raise ValidationError({"district": _("The district lies in another municipality.")})


class Classified(models.Model):
    """A problem category suggested from free text, and the correction staff made to it."""

    problem = models.CharField(_("problem"), max_length=30, choices=Problem.choices)
    suggested_problem = models.CharField(
        _("suggested problem"), max_length=30, choices=Problem.choices, blank=True
    )
    suggested_confidence = models.FloatField(_("confidence of the suggestion"), default=0.0)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("corrected by"),
    )
    corrected_at = models.DateTimeField(_("corrected at"), null=True, blank=True)

    class Meta:
        abstract = True


class Complaint(Placed, Classified):
    """A complaint (klagomål) received by the police or the municipality. Its text is never
    public: it may hold personal data."""

    received_on = models.DateField(_("received on"), validators=[validate_happened_on])
    receiver = models.CharField(
        _("received by"), max_length=20, choices=Receiver.choices, default=Receiver.POLICE
    )
    channel = models.CharField(
        _("channel"), max_length=20, choices=Channel.choices, default=Channel.OTHER
    )
    text = models.TextField(_("text"), max_length=NOTE_LIMIT)
    may_show_anonymised = models.BooleanField(_("may be shown in anonymised form"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("registered by"),
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    audit_private_fields = ("text",)
    kind_slug = "complaint"
    evidence_kind = "complaint"

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-received_on", "-pk"]
        indexes = [models.Index(fields=["municipality", "received_on"])]

    def __str__(self) -> str:
        return f"{self.get_problem_display()} – {moment_in_words(self.received_on)}"


class Dialogue(Placed):
    """A citizen or employee dialogue: who took part and what concerns they raised."""

    kind = models.CharField(_("kind"), max_length=20, choices=DialogueKind.choices)
    held_on = models.DateField(_("held on"), validators=[validate_happened_on])
    form = models.CharField(_("form"), max_length=30, choices=DialogueForm.choices)
    title = models.CharField(_("title"), max_length=200)
    # Empty when not known: a dialogue has at least one participant, so 0 is never stored.
    participants = models.PositiveIntegerField(
        _("number of participants"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1, message=NO_PARTICIPANTS),
            *most(MOST_PARTICIPANTS),
        ],
        help_text=_("Leave empty if the number is not known."),
    )
    participant_groups = models.JSONField(_("participant groups"), default=list, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=NOTE_LIMIT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("registered by"),
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    audit_private_fields = ("notes",)
    evidence_kind = "dialogue"

    class Meta:
        verbose_name = _("dialogue")
        verbose_name_plural = _("dialogues")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["municipality", "held_on"])]

    def __str__(self) -> str:
        return f"{shortened(self.title, 60)} – {moment_in_words(self.held_on)}"


class Concern(Placed, Classified):
    """One concern raised in a dialogue, with how many voiced it."""

    dialogue = models.ForeignKey(
        Dialogue, on_delete=models.CASCADE, related_name="concerns", verbose_name=_("dialogue")
    )
    text = models.TextField(_("concern"), max_length=NOTE_LIMIT)
    voiced_by = models.PositiveIntegerField(
        _("how many voiced it"),
        default=1,
        validators=[MinValueValidator(1), *most(MOST_VOICES)],
    )

    audit_private_fields = ("text",)
    kind_slug = "concern"
    evidence_kind = "concern"

    class Meta:
        verbose_name = _("concern")
        verbose_name_plural = _("concerns")
        ordering = ["dialogue", "pk"]

    def __str__(self) -> str:
        # Not its text: that may name a person, and the trail keeps every label for good.
        return f"{self.get_problem_display()} ({self.dialogue})"


class PoliceEvent(models.Model):
    """One event from the police's open events feed, kept with its raw record.

    The primary key is the feed's own id, so fetching the same event twice stores it once.
    """

    id = models.BigIntegerField(_("feed id"), primary_key=True)
    happened_at = models.DateTimeField(_("date and time"))
    # The first day of the month it happened in, Swedish time: the picture groups by it in
    # plain SQL instead of truncating every timestamp.
    month = models.DateField(_("month"), null=True, blank=True)
    name = models.CharField(_("headline"), max_length=300)
    summary = models.TextField(_("summary"), blank=True, max_length=TEXT_LIMIT)
    url = models.CharField(_("link"), max_length=500, blank=True)
    event_type = models.CharField(_("event type"), max_length=100)
    location_name = models.CharField(_("location"), max_length=100)
    municipality = models.ForeignKey(
        "places.Municipality",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    # Blank: the event type says nothing about a local problem (see situation/event_types.py).
    problem = models.CharField(_("problem"), max_length=30, choices=Problem.choices, blank=True)
    # The record exactly as the feed sent it (JSON text). Kept as text, not as a JSON column:
    # it is never queried, and PostgreSQL parsing it into jsonb halved the import rate.
    raw = models.TextField(_("raw record"))
    fetched_at = models.DateTimeField(_("fetched at"))

    class Meta:
        verbose_name = _("police event")
        verbose_name_plural = _("police events")
        ordering = ["-happened_at"]
        indexes = [
            models.Index(fields=["municipality", "month", "problem"]),
            # Mapping an event type to a problem rewrites all its events (services/events.py).
            models.Index(fields=["event_type"]),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.month is None and self.happened_at is not None:
            local = timezone.localtime(self.happened_at, ZoneInfo(settings.TIME_ZONE))
            self.month = local.date().replace(day=1)
        super().save(*args, **kwargs)


class EventTypeMapping(models.Model):
    """An administrator's mapping of a police event type, overriding or extending the
    built-in table; types met for the first time are added here unreviewed, as *other*."""

    event_type = models.CharField(_("event type"), max_length=100, unique=True)
    problem = models.CharField(
        _("problem"),
        max_length=30,
        choices=Problem.choices,
        blank=True,
        help_text=_("Leave empty for event types that say nothing about a local problem."),
    )
    reviewed = models.BooleanField(_("reviewed by an administrator"), default=False)
    first_seen_at = models.DateTimeField(_("first seen at"), auto_now_add=True)

    class Meta:
        verbose_name = _("police event type")
        verbose_name_plural = _("police event types")
        ordering = ["reviewed", "event_type"]

    def __str__(self) -> str:
        return self.event_type


class CrimeStatistic(models.Model):
    """Reported crimes of one category in a municipality in a year."""

    municipality = models.ForeignKey(
        "places.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR)
    category = models.CharField(_("crime category"), max_length=200)
    problem = models.CharField(_("problem"), max_length=30, choices=Problem.choices, blank=True)
    reported = models.PositiveIntegerField(
        _("reported crimes"), validators=most(MOST_REPORTED_CRIMES)
    )
    per_100k = models.DecimalField(
        _("per 100,000 inhabitants"),
        max_digits=10,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), *most(MOST_PER_100K)],
    )

    evidence_kind = "crime_statistic"

    class Meta:
        verbose_name = _("crime statistic")
        verbose_name_plural = _("crime statistics")
        ordering = ["municipality", "-year", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year", "category"], name="crime_statistic_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.year} {self.category}"


class SurveyResult(models.Model):
    """One question's result of a safety survey for an area and year (share and/or index)."""

    municipality = models.ForeignKey(
        "places.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    district = models.ForeignKey(
        "places.District",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("district"),
    )
    area = models.CharField(_("area"), max_length=150, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR)
    question = models.CharField(_("question"), max_length=300)
    problem = models.CharField(_("problem"), max_length=30, choices=Problem.choices, blank=True)
    share = models.DecimalField(
        _("share (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    index = models.DecimalField(
        _("index"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    evidence_kind = "survey_result"

    class Meta:
        verbose_name = _("safety survey result")
        verbose_name_plural = _("safety survey results")
        ordering = ["municipality", "-year", "area", "question"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "area", "year", "question"], name="survey_result_unique"
            ),
            models.CheckConstraint(
                condition=Q(share__isnull=False) | Q(index__isnull=False),
                name="survey_result_has_figure",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.area} {self.year}: {self.question}"


class PublishedPicture(models.Model):
    """A year's situation picture shown on the public site, as aggregate figures only, once a
    coordinator of the municipality and one of the local police area approved the same
    figures (`PictureApproval`)."""

    municipality = models.ForeignKey(
        "places.Municipality",
        on_delete=models.CASCADE,
        related_name="published_pictures",
        verbose_name=_("municipality"),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR)
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published by"),
    )
    # The figures as published: the public pages, the API and the documents show these, so
    # evidence added or corrected later does not change what the two parties published.
    figures = models.JSONField(_("published figures"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("published again at"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published again by"),
    )

    # The history records that the figures changed, not the whole table of them.
    audit_private_fields = ("figures",)

    class Meta:
        verbose_name = _("published situation picture")
        verbose_name_plural = _("published situation pictures")
        ordering = ["municipality", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="published_picture_once")
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.year}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A picture is never public without its figures frozen, however it was created.
        if self.figures is None:
            from situation.selectors.picture import year_picture
            from situation.selectors.published import picture_figures

            self.figures = picture_figures(year_picture(self.municipality, self.year))
        super().save(*args, **kwargs)


class PictureApproval(models.Model):
    """One party's approval of a year's situation picture for the public site, given on its
    preview. It counts only while the evidence still gives the figures that were approved:
    the picture is published when both parties' approvals count."""

    municipality = models.ForeignKey(
        "places.Municipality",
        on_delete=models.CASCADE,
        related_name="picture_approvals",
        verbose_name=_("municipality"),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR)
    party = models.CharField(_("party"), max_length=20, choices=ApprovingParty.choices)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"))
    # A hash of the figures the preview showed, to tell whether they still stand.
    figures_fingerprint = models.CharField(_("fingerprint of the approved figures"), max_length=64)

    class Meta:
        verbose_name = _("approval of a situation picture")
        verbose_name_plural = _("approvals of situation pictures")
        ordering = ["municipality", "-year", "party"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year", "party"], name="picture_approval_once_per_party"
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.year} ({self.get_party_display()})"


class Motivation(models.Model):
    """Why a commitment was made: a problem of the situation picture it answers, and the
    complaints and dialogue concerns that showed it (optional)."""

    commitment = models.ForeignKey(
        "promises.Commitment",
        on_delete=models.CASCADE,
        related_name="motivations",
        verbose_name=_("commitment"),
    )
    problem = models.CharField(_("problem"), max_length=30, choices=Problem.choices)
    complaints = models.ManyToManyField(
        Complaint, blank=True, related_name="motivations", verbose_name=_("complaints cited")
    )
    concerns = models.ManyToManyField(
        Concern, blank=True, related_name="motivations", verbose_name=_("concerns cited")
    )

    class Meta:
        verbose_name = _("motivation")
        verbose_name_plural = _("motivations")
        ordering = ["commitment", "problem"]
        constraints = [
            models.UniqueConstraint(fields=["commitment", "problem"], name="motivation_once")
        ]

    def __str__(self) -> str:
        return f"{self.commitment}: {self.get_problem_display()}"

    def audit_trail(self) -> str:
        """Changes show in the history of the promise the commitment belongs to."""
        return f"citizenpromise:{self.commitment.promise_id}"
