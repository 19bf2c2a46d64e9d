"""Background work of accounts, run by `loften db_worker` in production."""

from django.contrib.auth.forms import PasswordResetForm
from django.utils import translation
from django_tasks import task


@task()
def password_reset_mail(
    *,
    email: str,
    domain: str,
    use_https: bool,
    language: str,
    email_template_name: str,
    subject_template_name: str,
) -> None:
    """Send a reset link to every active account with this address, if any. It runs after
    the page has answered, so how long the answer takes says nothing of the address."""
    form = PasswordResetForm({"email": email})
    if form.is_valid():
        with translation.override(language):
            form.save(
                domain_override=domain,
                use_https=use_https,
                email_template_name=email_template_name,
                subject_template_name=subject_template_name,
            )
