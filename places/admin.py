from django.contrib import admin

from places.forms import MunicipalityAdminForm
from places.models import County, District, Municipality, PoliceArea, PoliceRegion


@admin.register(PoliceRegion)
class PoliceRegionAdmin(admin.ModelAdmin[PoliceRegion]):
    list_display = ["name", "slug"]


@admin.register(County)
class CountyAdmin(admin.ModelAdmin[County]):
    list_display = ["code", "name", "police_region"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin[Municipality]):
    form = MunicipalityAdminForm
    list_display = ["code", "name", "slug", "county"]
    search_fields = ["name", "code"]
    list_filter = ["county"]


@admin.register(PoliceArea)
class PoliceAreaAdmin(admin.ModelAdmin[PoliceArea]):
    list_display = ["name", "region"]
    filter_horizontal = ["municipalities"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin[District]):
    list_display = ["name", "municipality"]
    list_filter = ["municipality__county"]
    search_fields = ["name", "municipality__name"]
    autocomplete_fields = ["municipality"]
