"""The file formats a document is offered in, as a URL part: …/pdf/ or …/docx/."""


class DocumentFormat:
    regex = "pdf|docx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
