"""Agreements, yearly citizen promises, their commitments and activities, and the activity log."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from audit.selectors import moment_in_words
from core.dates import (
    agreement_date_errors,
    promise_date_errors,
    validate_happened_on,
    validate_promise_year,
)
from core.fields import NOTE_LIMIT, TEXT_LIMIT
from core.plausible import validate_activity_target, validate_audience_size
from lib.pace import Rate
from lib.periods import PER_YEAR
from lib.text import shortened
from promises.vocabularies import (
    OUTCOME_MAX_DEFAULTS,
    OUTCOME_MAX_FALLBACK,
    PUBLIC_STATUSES,
    REPORT_LIMIT_DEFAULTS,
    ActivityKind,
    FollowUpCadence,
    PromiseStatus,
    RatePeriod,
    measures_reach,
)


class ApprovedByBothParties(models.Model):
    """A record published only once a coordinator of each party, the municipality and the
    local police area, has approved it; who approved and when is kept."""

    municipality_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("approved for the municipality by"),
    )
    municipality_approved_at = models.DateTimeField(
        _("approved for the municipality at"), null=True, blank=True
    )
    police_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("approved for the police area by"),
    )
    police_approved_at = models.DateTimeField(
        _("approved for the police area at"), null=True, blank=True
    )

    class Meta:
        abstract = True


class Agreement(models.Model):
    """A multi-year collaboration agreement (samverkansöverenskommelse)."""

    municipality = models.ForeignKey(
        "places.Municipality",
        on_delete=models.PROTECT,
        related_name="agreements",
        verbose_name=_("municipality"),
    )
    police_area = models.ForeignKey(
        "places.PoliceArea",
        on_delete=models.PROTECT,
        related_name="agreements",
        verbose_name=_("local police area"),
    )
    title = models.CharField(_("title"), max_length=200)
    start_year = models.PositiveSmallIntegerField(
        _("first year"), validators=[validate_promise_year]
    )
    end_year = models.PositiveSmallIntegerField(_("last year"), validators=[validate_promise_year])
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_month_only = models.BooleanField(_("only the month of signing is known"), default=False)
    summary = models.TextField(_("summary"), blank=True, max_length=TEXT_LIMIT)
    follow_ups_cosigned = models.BooleanField(
        _("follow-ups are co-signed by the local police area"),
        default=False,
        help_text=_(
            "When ticked, a follow-up approved by the municipality is published only once a "
            "coordinator of the local police area has co-signed it."
        ),
    )
    parties = models.ManyToManyField(
        "accounts.Organisation", related_name="agreements", verbose_name=_("parties")
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("collaboration agreement")
        verbose_name_plural = _("collaboration agreements")
        ordering = ["-start_year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year")), name="agreement_years_ordered"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = agreement_date_errors(
            start_year=self.start_year, end_year=self.end_year, signed_on=self.signed_on
        )
        if errors:
            raise ValidationError(errors)


class CitizenPromise(ApprovedByBothParties):
    """One year's citizen promise (medborgarlöfte) of a municipality and its police area."""

    municipality = models.ForeignKey(
        "places.Municipality",
        on_delete=models.PROTECT,
        related_name="promises",
        verbose_name=_("municipality"),
    )
    police_area = models.ForeignKey(
        "places.PoliceArea",
        on_delete=models.PROTECT,
        related_name="promises",
        verbose_name=_("local police area"),
    )
    agreement = models.ForeignKey(
        Agreement,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="promises",
        verbose_name=_("collaboration agreement"),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[validate_promise_year])
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True, max_length=TEXT_LIMIT)
    situation = models.TextField(_("situation and background"), blank=True, max_length=TEXT_LIMIT)
    evidence_sources = models.JSONField(_("evidence it rests on"), default=list, blank=True)
    effect = models.TextField(_("intended effect"), blank=True, max_length=TEXT_LIMIT)
    follow_up = models.CharField(
        _("follow-up"),
        max_length=20,
        choices=FollowUpCadence.choices,
        default=FollowUpCadence.QUARTERLY,
    )
    evaluation_due = models.DateField(_("evaluation due"), null=True, blank=True)
    evaluation_plan = models.TextField(_("how it is evaluated"), blank=True, max_length=TEXT_LIMIT)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PromiseStatus.choices, default=PromiseStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_reason = models.TextField(
        _("why it was withdrawn"), blank=True, max_length=NOTE_LIMIT
    )
    # One party withdraws: a joint promise stands only while both stand behind it.
    withdrawn_by_party = models.CharField(
        _("withdrawn by"),
        max_length=12,
        blank=True,
        choices=[("municipality", _("the municipality")), ("police", _("the police"))],
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("citizen promise")
        verbose_name_plural = _("citizen promises")
        ordering = ["-year", "municipality__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "police_area", "year"], name="one_promise_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    def clean(self) -> None:
        errors = promise_date_errors(
            year=self.year, signed_on=self.signed_on, evaluation_due=self.evaluation_due
        )
        if errors:
            raise ValidationError(errors)


class Signatory(models.Model):
    """A person who signed an agreement or a promise, with the title they signed under."""

    agreement = models.ForeignKey(
        Agreement, null=True, blank=True, on_delete=models.CASCADE, related_name="signatories"
    )
    promise = models.ForeignKey(
        CitizenPromise,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="signatories",
    )
    name = models.CharField(_("name"), max_length=150)
    title = models.CharField(_("title"), max_length=150)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("organisation"),
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(agreement__isnull=True, promise__isnull=False)
                | Q(agreement__isnull=False, promise__isnull=True),
                name="signatory_of_one_document",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.title}"

    def audit_trail(self) -> str:
        """Changes show in the history of the signed document."""
        if self.promise_id:
            return f"citizenpromise:{self.promise_id}"
        return f"agreement:{self.agreement_id}"


class Commitment(models.Model):
    """One commitment (löfte) in a promise document."""

    promise = models.ForeignKey(
        CitizenPromise, on_delete=models.CASCADE, related_name="commitments"
    )
    text = models.TextField(_("commitment"), max_length=NOTE_LIMIT)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return shortened(self.text, 80)

    def audit_trail(self) -> str:
        """Changes show in the history of the promise this belongs to."""
        return f"citizenpromise:{self.promise_id}"


class Activity(models.Model):
    """An activity that fulfils a promise, with its yearly target (if it is counted) and the
    rate it was promised at (if any)."""

    promise = models.ForeignKey(CitizenPromise, on_delete=models.CASCADE, related_name="activities")
    commitment = models.ForeignKey(
        Commitment,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
        verbose_name=_("commitment it fulfils"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=ActivityKind.choices)
    description = models.TextField(_("description"), max_length=NOTE_LIMIT)
    target = models.PositiveIntegerField(
        _("target"), null=True, blank=True, validators=[validate_activity_target]
    )
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    # "Once a month": kept for display and for pace; the target is the rate's year.
    rate_count = models.PositiveSmallIntegerField(
        _("times per period"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    rate_per = models.CharField(_("per"), max_length=10, blank=True, choices=RatePeriod.choices)
    minimum = models.BooleanField(
        _("at least"),
        default=False,
        help_text=_("The promise says “at least” (minst) the target or the rate."),
    )
    focus = models.JSONField(_("focus"), default=list, blank=True)
    responsible = models.ManyToManyField(
        "accounts.Organisation",
        related_name="activities",
        blank=True,
        verbose_name=_("responsible organisations"),
    )
    place = models.CharField(_("place or area"), max_length=200, blank=True)
    audience = models.CharField(_("audience"), max_length=200, blank=True)
    audience_size = models.PositiveIntegerField(
        _("audience size"), null=True, blank=True, validators=[validate_audience_size]
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    # Kept in step with the reports by services.activity_progress_recount.
    done_count = models.PositiveIntegerField(default=0, editable=False)
    last_done_on = models.DateField(null=True, blank=True, editable=False)
    # The people the reports say were reached; None when no report gave the figure, which
    # is not a reach of none.
    reached_count = models.PositiveIntegerField(null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rate_count__isnull=True, rate_per="")
                | (Q(rate_count__gte=1) & ~Q(rate_per="")),
                name="activity_rate_whole",
            )
        ]

    def __str__(self) -> str:
        # A label for lists and the history: the kind names it, a few words tell it apart.
        return f"{self.get_kind_display()}: {shortened(self.description, 50)}"

    def audit_trail(self) -> str:
        """Changes show in the history of the promise this belongs to."""
        return f"citizenpromise:{self.promise_id}"

    @property
    def rate(self) -> Rate | None:
        """The rate the activity was promised at, or None."""
        if self.rate_count and self.rate_per in PER_YEAR:
            return Rate(self.rate_count, self.rate_per)
        return None

    def clean(self) -> None:
        errors = rate_errors(self.rate_count, self.rate_per)
        # "At least" qualifies a count: without a target or a rate it says nothing.
        if self.minimum and not self.target and self.rate_count is None and not self.rate_per:
            errors["minimum"] = _(
                "“At least” needs a target or a rate: give one, or untick “at least”."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def measures_reach(self) -> bool:
        """Whether the activity's kind counts the people it reaches."""
        return measures_reach(self.kind)

    @property
    def reach_percent(self) -> int | None:
        """Share of the audience reached so far, when the audience's size is known, the
        activity's kind counts the people it reaches and some report gave the figure."""
        if not self.audience_size or not self.measures_reach or self.reached_count is None:
            return None
        return min(100, round(100 * self.reached_count / self.audience_size))


def rate_errors(count: int | None, per: str) -> dict[str, Any]:
    """What is wrong with a rate, by field: a count and a period go together, and the year
    they add up to is a plausible target."""
    if count is None and not per:
        return {}
    if count is None:
        return {"rate_count": _("Give how many times per period, or leave the period empty.")}
    if not per:
        return {"rate_per": _("Choose the period the count is per, or leave the count empty.")}
    try:
        validate_activity_target(count * PER_YEAR.get(per, 1))
    except ValidationError as error:
        return {"rate_count": error.messages[0]}
    return {}


class ActivityReportQuerySet(models.QuerySet["ActivityReport"]):
    def active(self) -> "ActivityReportQuerySet":
        """Reports that have not been removed."""
        return self.filter(removed_at__isnull=True)


class ActivityReport(models.Model):
    """One execution of an activity: when, where, who took part and what came of it."""

    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="reports")
    date = models.DateField(_("date"), validators=[validate_happened_on])
    count = models.PositiveIntegerField(
        _("number of times"), default=1, validators=[MinValueValidator(1)]
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    organisations = models.ManyToManyField(
        "accounts.Organisation",
        related_name="activity_reports",
        blank=True,
        verbose_name=_("organisations that took part"),
    )
    vehicles_checked = models.PositiveIntegerField(_("vehicles checked"), null=True, blank=True)
    speeding_violations = models.PositiveIntegerField(
        _("speeding violations"), null=True, blank=True
    )
    other_violations = models.PositiveIntegerField(_("other violations"), null=True, blank=True)
    breath_tests = models.PositiveIntegerField(_("breath tests"), null=True, blank=True)
    breath_positives = models.PositiveIntegerField(
        _("positive breath tests"), null=True, blank=True
    )
    drug_tests = models.PositiveIntegerField(_("drug tests"), null=True, blank=True)
    drug_positives = models.PositiveIntegerField(_("positive drug tests"), null=True, blank=True)
    attendees = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    pupils_reached = models.PositiveIntegerField(_("pupils reached"), null=True, blank=True)
    observations = models.PositiveIntegerField(_("observations made"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=NOTE_LIMIT)
    # A period's total told in a published follow-up, not one execution: its count may pass
    # what one execution of the kind may count (promises/services/plausible.py).
    summary = models.BooleanField(
        _("summary of a period"),
        default=False,
        help_text=_("The total of a period from a follow-up report, not one execution."),
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="activity_reports",
        verbose_name=_("reported by"),
    )
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("removed by"),
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ActivityReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity report")
        verbose_name_plural = _("activity reports")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["activity", "date"])]

    def __str__(self) -> str:
        # Never the report's place or notes: free text that may name a person.
        return f"{self.activity} – {moment_in_words(self.date)}"

    def audit_trail(self) -> str:
        """Changes show in the history of the promise whose activity this reports."""
        return f"citizenpromise:{self.activity.promise_id}"


class Occasion(models.Model):
    """A planned occasion of an activity that the public may come to (a safety walk, a
    citizen dialogue), published in the promise's calendar."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="occasions")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200)
    description = models.TextField(
        _("what visitors should know"), blank=True, max_length=NOTE_LIMIT
    )
    public = models.BooleanField(
        _("open to the public"),
        default=True,
        help_text=_("Shown on the public promise page and in its calendar once published."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("planned occasion")
        verbose_name_plural = _("planned occasions")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="occasion_ends_after_it_starts",
                violation_error_message=_("An occasion must end after it starts."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.activity} – {moment_in_words(self.starts_at)}"

    def audit_trail(self) -> str:
        """Changes show in the history of the promise whose activity this is."""
        return f"citizenpromise:{self.activity.promise_id}"


def _outcome_max_field(label: Any) -> "models.PositiveIntegerField[int | None, int | None]":
    return models.PositiveIntegerField(
        label,
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "The most in one execution; a report that counts several times may have that many "
            "times as much. More is refused. Blank: the default (docs/reports.md)."
        ),
    )


class ReportLimit(models.Model):
    """What one report of an activity kind may plausibly count, set by an administrator;
    a kind without a row uses the defaults of REPORT_LIMIT_DEFAULTS."""

    kind = models.CharField(_("kind"), max_length=30, choices=ActivityKind.choices, unique=True)
    max_count = models.PositiveIntegerField(
        _("most times in one report"),
        validators=[MinValueValidator(1)],
        help_text=_("A report that counts more times than this is refused."),
    )
    far_past_percent = models.PositiveIntegerField(
        _("share of the target that needs confirmation (%)"),
        validators=[MinValueValidator(100)],
        help_text=_(
            "A report that takes the activity past this share of its target is saved only "
            "once the reporter confirms it; 200 means twice the target."
        ),
    )

    # The most of each outcome figure in one execution; blank keeps the default.
    max_vehicles_checked = _outcome_max_field(_("most vehicles checked per time"))
    max_speeding_violations = _outcome_max_field(_("most speeding violations per time"))
    max_other_violations = _outcome_max_field(_("most other violations per time"))
    max_breath_tests = _outcome_max_field(_("most breath tests per time"))
    max_breath_positives = _outcome_max_field(_("most positive breath tests per time"))
    max_drug_tests = _outcome_max_field(_("most drug tests per time"))
    max_drug_positives = _outcome_max_field(_("most positive drug tests per time"))
    max_attendees = _outcome_max_field(_("most participants per time"))
    max_pupils_reached = _outcome_max_field(_("most pupils reached per time"))
    max_observations = _outcome_max_field(_("most observations per time"))

    class Meta:
        verbose_name = _("report limit")
        verbose_name_plural = _("report limits")
        ordering = ["kind"]

    def __str__(self) -> str:
        return str(self.get_kind_display())

    @classmethod
    def for_kind(cls, kind: str) -> "ReportLimit":
        """The limit an administrator set for the kind, else the default in code."""
        found = cls.objects.filter(kind=kind).first()
        if found is not None:
            return found
        max_count, percent = REPORT_LIMIT_DEFAULTS.get(kind, REPORT_LIMIT_DEFAULTS["other"])
        return cls(kind=kind, max_count=max_count, far_past_percent=percent)

    def outcome_max(self, name: str) -> int:
        """The most of an outcome figure one execution of the kind may have."""
        stored: int | None = getattr(self, f"max_{name}")
        if stored is not None:
            return stored
        return OUTCOME_MAX_DEFAULTS.get(self.kind, {}).get(name, OUTCOME_MAX_FALLBACK[name])
