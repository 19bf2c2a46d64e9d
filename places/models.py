"""Counties, municipalities, police regions and local police areas (reference data)."""

from django.db import models
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lib.geo import distance_km, in_sweden


class PoliceRegion(models.Model):
    """One of the Swedish Police Authority's seven regions."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("police region")
        verbose_name_plural = _("police regions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class County(models.Model):
    """A county (län), identified by its official two-digit code."""

    code = models.CharField(_("county code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)
    police_region = models.ForeignKey(
        PoliceRegion,
        on_delete=models.PROTECT,
        related_name="counties",
        verbose_name=_("police region"),
    )

    class Meta:
        verbose_name = _("county")
        verbose_name_plural = _("counties")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    """A municipality (kommun), identified by its official four-digit code."""

    code = models.CharField(_("municipality code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), unique=True)
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("county")
    )
    # Where the municipality's maps open, and how far from there a place of it can lie
    # (places/data/municipalities.csv; docs/reports.md says how they were chosen).
    latitude = models.DecimalField(
        _("latitude of the centre"), max_digits=7, decimal_places=4, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude of the centre"), max_digits=7, decimal_places=4, null=True, blank=True
    )
    reach_km = models.PositiveSmallIntegerField(
        _("reach from the centre (km)"),
        null=True,
        blank=True,
        help_text=_("A place farther than this from the centre is outside the municipality."),
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def distance_beyond_reach(self, latitude: float, longitude: float) -> float | None:
        """The point's distance from the centre (km) when it lies farther than the reach,
        so well outside the municipality; None when it is within reach or nothing is known."""
        if self.latitude is None or self.longitude is None or self.reach_km is None:
            return None
        distance = distance_km((float(self.latitude), float(self.longitude)), (latitude, longitude))
        return distance if distance > self.reach_km else None

    def place_error(self, latitude: float, longitude: float) -> str | None:
        """Why a map point cannot be a place of this municipality (outside Sweden, or far
        beyond its reach from the centre), in words for the person who typed it; None when
        it may be."""
        if not in_sweden(latitude, longitude):
            return gettext(
                "The point %(latitude)s, %(longitude)s lies outside Sweden. Check the "
                "latitude and longitude (are they swapped?)."
            ) % {"latitude": latitude, "longitude": longitude}
        distance = self.distance_beyond_reach(latitude, longitude)
        if distance is None:
            return None
        return gettext(
            "This point lies %(distance)s km from the centre of %(municipality)s, well "
            "outside it: a place of %(municipality)s lies within %(reach)s km. Check the "
            "latitude and longitude (are they swapped?)."
        ) % {
            "distance": formats.number_format(round(distance), force_grouping=True),
            "municipality": self.name,
            "reach": self.reach_km,
        }


class Logo(models.Model):
    """A municipality's logo, printed on its documents. Kept in the database (small, checked
    on upload) so that backups hold it, and apart from the municipality so that lists of
    municipalities never load it."""

    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="logo", verbose_name=_("municipality")
    )
    data = models.BinaryField(_("image"))
    content_type = models.CharField(_("file type"), max_length=20)

    class Meta:
        verbose_name = _("logo")
        verbose_name_plural = _("logos")

    def __str__(self) -> str:
        return str(self.municipality)


class PoliceArea(models.Model):
    """A local police area (lokalpolisområde); it covers one or more municipalities."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), unique=True)
    region = models.ForeignKey(
        PoliceRegion,
        on_delete=models.PROTECT,
        related_name="police_areas",
        verbose_name=_("police region"),
    )
    municipalities = models.ManyToManyField(
        Municipality, related_name="police_areas", verbose_name=_("municipalities")
    )

    class Meta:
        verbose_name = _("local police area")
        verbose_name_plural = _("local police areas")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    """A named area within a municipality (e.g. "centrala Eslöv"), optionally with its outline.

    The outline is a GeoJSON Polygon or MultiPolygon geometry in WGS 84 (longitude, latitude).
    """

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="districts",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=150)
    outline = models.JSONField(_("outline (GeoJSON)"), null=True, blank=True)

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["municipality", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="district_name_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.municipality})"
