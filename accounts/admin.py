from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from accounts.models import Membership, Organisation, User


class MembershipInline(admin.TabularInline[Membership, Any]):
    model = Membership
    extra = 1


@admin.register(User)
class LoftenUserAdmin(UserAdmin[User]):
    inlines = [MembershipInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ["name", "kind", "municipality", "police_area"]
    list_filter = ["kind"]
    search_fields = ["name"]
    inlines = [MembershipInline]
