"""The administrator's municipality form: its logo is uploaded, checked and stored here."""

import io
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from places.models import Logo, Municipality

LOGO_MAX_BYTES = 300 * 1024
LOGO_MAX_PIXELS = 3000
LOGO_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}


def read_logo(upload: Any) -> tuple[bytes, str]:
    """The bytes and type of an uploaded logo, refused unless a small PNG or JPEG image."""
    from PIL import Image, UnidentifiedImageError

    if upload.size > LOGO_MAX_BYTES:
        raise ValidationError(
            _("%(name)s is %(size)s kB; a logo may be at most %(limit)s kB.")
            % {"name": upload.name, "size": upload.size // 1024, "limit": LOGO_MAX_BYTES // 1024}
        )
    data = upload.read()
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            kind, size = image.format, image.size
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ValidationError(
            _("%(name)s is not a PNG or JPEG image.") % {"name": upload.name}
        ) from error
    if kind not in LOGO_FORMATS:
        raise ValidationError(_("%(name)s is not a PNG or JPEG image.") % {"name": upload.name})
    if max(size) > LOGO_MAX_PIXELS:
        raise ValidationError(
            _("%(name)s is %(w)s × %(h)s pixels; at most %(limit)s on a side, please.")
            % {"name": upload.name, "w": size[0], "h": size[1], "limit": LOGO_MAX_PIXELS}
        )
    return data, LOGO_FORMATS[kind]


class MunicipalityAdminForm(forms.ModelForm[Municipality]):
    logo_file = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG or JPEG, at most 300 kB. Printed on the municipality's documents."),
    )
    logo_remove = forms.BooleanField(label=_("Remove the logo"), required=False)

    class Meta:
        model = Municipality
        fields = ["code", "name", "slug", "county", "latitude", "longitude", "reach_km"]

    def clean_logo_file(self) -> tuple[bytes, str] | None:
        upload = self.cleaned_data.get("logo_file")
        return read_logo(upload) if upload else None

    def _save_m2m(self) -> None:
        # Runs once the municipality is saved, whether the admin saves it now or later.
        super()._save_m2m()  # type: ignore[misc]
        if self.cleaned_data.get("logo_remove"):
            Logo.objects.filter(municipality=self.instance).delete()
        elif self.cleaned_data.get("logo_file"):
            data, content_type = self.cleaned_data["logo_file"]
            Logo.objects.update_or_create(
                municipality=self.instance,
                defaults={"data": data, "content_type": content_type},
            )
