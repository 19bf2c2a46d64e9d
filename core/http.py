"""What every staff page shares about HTTP, whatever its app."""

from django.views.decorators.http import require_http_methods

# A page with a form: shown with GET (or HEAD), sent with POST, nothing else.
FORM_METHODS = require_http_methods(["GET", "HEAD", "POST"])
