"""Platform administrators keep agreements in order here; everyday work has its own pages."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from promises.models import Agreement, ReportLimit, Signatory
from promises.vocabularies import OUTCOME_FIELDS


class SignatoryInline(admin.TabularInline[Signatory, Agreement]):
    model = Signatory
    fk_name = "agreement"
    exclude = ["promise"]
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin[Agreement]):
    list_display = ["title", "municipality", "police_area", "start_year", "end_year"]
    list_filter = ["start_year"]
    search_fields = ["title", "municipality__name"]
    filter_horizontal = ["parties"]
    inlines = [SignatoryInline]


@admin.register(ReportLimit)
class ReportLimitAdmin(admin.ModelAdmin[ReportLimit]):
    """A row overrides the default limits of its activity kind (docs/reports.md)."""

    list_display = ["kind", "max_count", "far_past_percent"]
    fieldsets = [
        (None, {"fields": ["kind", "max_count", "far_past_percent"]}),
        (
            _("Outcome figures: the most in one execution (blank keeps the default)"),
            {"fields": [f"max_{name}" for name in OUTCOME_FIELDS]},
        ),
    ]
