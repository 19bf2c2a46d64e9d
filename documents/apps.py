from django.apps import AppConfig
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Printed documents")

    def ready(self) -> None:
        from documents.converters import DocumentFormat

        register_converter(DocumentFormat, "docformat")
