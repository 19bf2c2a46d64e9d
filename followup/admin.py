from django.contrib import admin

from followup.models import FollowUp, ReminderPreference, ReminderSent


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin[FollowUp]):
    list_display = ["promise", "number", "period_end", "due_on", "status"]
    list_filter = ["status", "promise__year"]
    search_fields = ["promise__title", "promise__municipality__name"]
    readonly_fields = ["figures_as_of", "approved_by", "approved_at", "cosigned_by", "cosigned_at"]


@admin.register(ReminderPreference)
class ReminderPreferenceAdmin(admin.ModelAdmin[ReminderPreference]):
    list_display = ["user", "follow_up_due", "activity_behind"]


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin[ReminderSent]):
    list_display = ["user", "kind", "about", "sent_at"]
    list_filter = ["kind"]
