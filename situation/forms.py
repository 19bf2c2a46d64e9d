from django import forms
from django.utils.translation import gettext_lazy as _

from situation.vocabularies import Problem


class ClassificationForm(forms.Form):
    """Staff correct the problem a complaint or concern is filed under."""

    problem = forms.ChoiceField(label=_("Problem"), choices=Problem.choices)


class PublishForm(forms.Form):
    action = forms.ChoiceField(choices=[("publish", "publish"), ("unpublish", "unpublish")])
