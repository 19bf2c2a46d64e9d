"""The situation picture's vocabularies: local problems and the kinds of evidence behind them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Problem(models.TextChoices):
    """The local problems a situation picture ranks and a commitment answers."""

    SPEEDING = "speeding", _("Speeding")
    RECKLESS_DRIVING = "reckless_driving", _("Reckless driving and joyriding")
    IMPAIRED_DRIVING = "impaired_driving", _("Drink and drug driving")
    UNPROTECTED_ROAD_USERS = "unprotected_road_users", _("Safety of unprotected road users")
    TRAFFIC_ACCIDENTS = "traffic_accidents", _("Traffic accidents")
    PUBLIC_DISORDER = "public_disorder", _("Disturbances of public order")
    LITTERING = "littering", _("Littering")
    VANDALISM = "vandalism", _("Vandalism and graffiti")
    PUBLIC_INTOXICATION = "public_intoxication", _("People under the influence in public")
    DRUG_DEALING = "drug_dealing", _("Drug dealing")
    BURGLARY = "burglary", _("Burglary")
    THEFT = "theft", _("Theft")
    VIOLENCE = "violence", _("Violence and threats")
    ROBBERY = "robbery", _("Robbery")
    YOUTH_GATHERINGS = "youth_gatherings", _("Youth gatherings and unsafe meeting places")
    PHYSICAL_ENVIRONMENT = "physical_environment", _("Poor lighting and physical environment")
    FRAUD = "fraud", _("Fraud")
    OTHER = "other", _("Other")


class Source(models.TextChoices):
    """Independent kinds of evidence; agreement between them raises a problem's rank."""

    COMPLAINTS = "complaints", _("Complaints")
    CITIZEN_DIALOGUES = "citizen_dialogues", _("Citizen dialogues")
    EMPLOYEE_DIALOGUES = "employee_dialogues", _("Employee dialogues")
    POLICE_EVENTS = "police_events", _("Police events")
    CRIME_STATISTICS = "crime_statistics", _("Crime statistics")
    SAFETY_SURVEYS = "safety_surveys", _("Safety surveys")


class Receiver(models.TextChoices):
    POLICE = "police", _("The police")
    MUNICIPALITY = "municipality", _("The municipality")
    OTHER = "other", _("Another partner")


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    WEB_FORM = "web_form", _("Web form")
    LETTER = "letter", _("Letter")
    IN_PERSON = "in_person", _("In person")
    SOCIAL_MEDIA = "social_media", _("Social media")
    OTHER = "other", _("Other")


class DialogueKind(models.TextChoices):
    CITIZEN = "citizen", _("Citizen dialogue")
    EMPLOYEE = "employee", _("Employee dialogue")


class DialogueForm(models.TextChoices):
    PUBLIC_MEETING = "public_meeting", _("Public meeting")
    STREET_STAND = "street_stand", _("Street stand")
    WEB = "web", _("Web survey or web dialogue")
    SCHOOL = "school", _("At a school")
    WORKPLACE_MEETING = "workplace_meeting", _("Workplace meeting")
    WALK = "walk", _("Walk in the area")
    OTHER = "other", _("Other")


class ParticipantGroup(models.TextChoices):
    RESIDENTS = "residents", _("Residents")
    YOUNG_PEOPLE = "young_people", _("Young people")
    PARENTS = "parents", _("Parents")
    SENIORS = "seniors", _("Older people")
    BUSINESSES = "businesses", _("Businesses")
    ASSOCIATIONS = "associations", _("Associations")
    HOUSING = "housing", _("Housing companies")
    SCHOOL_STAFF = "school_staff", _("School staff")
    POLICE_STAFF = "police_staff", _("Police staff")
    MUNICIPAL_STAFF = "municipal_staff", _("Municipal staff")
    RESCUE_SERVICE = "rescue_service", _("Rescue service")
    OTHER = "other", _("Others")


# The plausible upper bound of each count the evidence holds, defined here once: a larger
# figure is a typing error (a few zeros too many) and is refused where it is entered, in
# forms and corrections (the models' validators) and in file imports (the column readers).
# Places store no population, so one bound holds for every municipality; each is set well
# above what the largest municipality reports (Stockholm's largest crime category is below
# 100,000 reported crimes a year, and one crime per inhabitant is 100,000 per 100,000).
MOST_PARTICIPANTS = 10_000  # in one dialogue
MOST_VOICES = MOST_PARTICIPANTS  # who voiced one concern in one dialogue
MOST_REPORTED_CRIMES = 150_000  # of one category, in one municipality, in one year
MOST_PER_100K = 100_000  # reported crimes of one category per 100,000 inhabitants

IMPLAUSIBLE = _(
    "%(value)s is more than %(limit_value)s, which is not plausible here. Check the number "
    "for a typing error."
)

# A dialogue that nobody took part in was not held: an unknown number is left empty instead.
NO_PARTICIPANTS = _(
    "A dialogue with 0 participants is not a dialogue. Give the number who took part, or "
    "leave the box empty if it is not known."
)


class ApprovingParty(models.TextChoices):
    """The two parties whose coordinators both approve what is published together."""

    MUNICIPALITY = "municipality", _("the municipality")
    POLICE = "police", _("the local police area")
