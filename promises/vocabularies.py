"""The promise cycle's fixed vocabularies, defined once and imported everywhere else."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PromiseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed")
    PUBLISHED = "published", _("Published")
    EVALUATED = "evaluated", _("Evaluated")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Published documents are public records: a withdrawn one stays public, marked withdrawn.
PUBLIC_STATUSES = (PromiseStatus.PUBLISHED, PromiseStatus.EVALUATED, PromiseStatus.WITHDRAWN)

# Which status may follow which; anything else is refused.
STATUS_TRANSITIONS: dict[str, tuple[str, ...]] = {
    PromiseStatus.DRAFT: (PromiseStatus.SIGNED,),
    PromiseStatus.SIGNED: (PromiseStatus.DRAFT, PromiseStatus.PUBLISHED),
    PromiseStatus.PUBLISHED: (PromiseStatus.EVALUATED, PromiseStatus.WITHDRAWN),
    PromiseStatus.EVALUATED: (PromiseStatus.WITHDRAWN,),
    PromiseStatus.WITHDRAWN: (),
}


# Promises whose activity log takes no more changes: an evaluated one (its evaluation
# counted the log) and a withdrawn one (a public record, no longer in force).
LOG_CLOSED_STATUSES = (PromiseStatus.EVALUATED, PromiseStatus.WITHDRAWN)


class FollowUpCadence(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    TERTIAL = "tertial", _("Every four months")
    BIANNUAL = "biannual", _("Every six months")
    YEARLY = "yearly", _("Yearly")


class RatePeriod(models.TextChoices):
    """The periods an activity's rate may be stated per; the values are lib.periods.PER_YEAR's
    keys, which say how many of each a year holds."""

    DAY = "day", _("day")
    WEEK = "week", _("week")
    MONTH = "month", _("month")
    QUARTER = "quarter", _("quarter")
    TERM = "term", _("school term")
    YEAR = "year", _("year")


# How many months each follow-up covers.
CADENCE_MONTHS: dict[str, int] = {
    FollowUpCadence.MONTHLY: 1,
    FollowUpCadence.QUARTERLY: 3,
    FollowUpCadence.TERTIAL: 4,
    FollowUpCadence.BIANNUAL: 6,
    FollowUpCadence.YEARLY: 12,
}


class EvidenceSource(models.TextChoices):
    SITUATION_PICTURE = "situation_picture", _("Local situation picture")
    SAFETY_SURVEY = "safety_survey", _("Safety surveys")
    CITIZEN_DIALOGUE = "citizen_dialogue", _("Citizen dialogues")
    EMPLOYEE_DIALOGUE = "employee_dialogue", _("Employee dialogues")
    COMPLAINTS = "complaints", _("Complaints")
    CRIME_STATISTICS = "crime_statistics", _("Crime statistics")


class ActivityKind(models.TextChoices):
    TRAFFIC_OPERATION = "traffic_operation", _("Targeted traffic operation")
    TRAFFIC_CONTROL = "traffic_control", _("Traffic control")
    SAFETY_WALK = "safety_walk", _("Safety walk")
    CITIZEN_DIALOGUE = "citizen_dialogue", _("Citizen dialogue")
    EMPLOYEE_DIALOGUE = "employee_dialogue", _("Employee dialogue")
    SCHOOL_EDUCATION = "school_education", _("School education")
    NEIGHBOURHOOD_WATCH = "neighbourhood_watch", _("Neighbourhood watch")
    PRESENCE_PATROL = "presence_patrol", _("Presence patrol")
    INFORMATION_CAMPAIGN = "information_campaign", _("Information campaign")
    MEETING = "meeting", _("Meeting")
    SURVEY = "survey", _("Survey")
    DRUG_OPERATION = "drug_operation", _("Drug operation")
    LICENCE_INSPECTION = "licence_inspection", _("Licence inspection")
    EARLY_INTERVENTION = "early_intervention", _("Early intervention with young people")
    PHYSICAL_MEASURE = "physical_measure", _("Physical measure")
    SPEED_MEASUREMENT = "speed_measurement", _("Speed measurement")
    SITUATION_PICTURE = "situation_picture", _("Situation picture update")
    NIGHT_WALK = "night_walk", _("Night walk")
    SAFETY_HOSTS = "safety_hosts", _("Safety hosts")
    OTHER = "other", _("Other")


class FocusTag(models.TextChoices):
    SPEED = "speed", _("Speed")
    BEHAVIOUR = "behaviour", _("Behaviour")
    ALCOHOL_DRUGS = "alcohol_drugs", _("Alcohol and drugs")
    UNPROTECTED_ROAD_USERS = "unprotected_road_users", _("Unprotected road users")
    MOPEDS = "mopeds", _("Mopeds")
    HEAVY_TRAFFIC = "heavy_traffic", _("Heavy traffic")
    YOUTH = "youth", _("Young people")
    PUBLIC_ORDER = "public_order", _("Public order")
    DRUGS = "drugs", _("Drugs")
    BURGLARY = "burglary", _("Burglary")
    VIOLENCE = "violence", _("Violence")
    LITTERING_VANDALISM = "littering_vandalism", _("Littering and vandalism")
    LIGHTING_ENVIRONMENT = "lighting_environment", _("Lighting and physical environment")


_TRAFFIC = (
    "vehicles_checked",
    "speeding_violations",
    "other_violations",
    "breath_tests",
    "breath_positives",
    "drug_tests",
    "drug_positives",
)

# The outcome figures a report form asks for, by activity kind.
OUTCOME_FIELDS_BY_KIND: dict[str, tuple[str, ...]] = {
    ActivityKind.TRAFFIC_OPERATION: _TRAFFIC,
    ActivityKind.TRAFFIC_CONTROL: _TRAFFIC,
    ActivityKind.SAFETY_WALK: ("attendees", "observations"),
    ActivityKind.CITIZEN_DIALOGUE: ("attendees",),
    ActivityKind.EMPLOYEE_DIALOGUE: ("attendees",),
    ActivityKind.SCHOOL_EDUCATION: ("pupils_reached",),
    ActivityKind.NEIGHBOURHOOD_WATCH: ("attendees", "observations"),
    ActivityKind.PRESENCE_PATROL: ("observations",),
    ActivityKind.INFORMATION_CAMPAIGN: ("attendees",),
    ActivityKind.MEETING: ("attendees",),
    ActivityKind.SURVEY: ("attendees",),
    # What a drug operation, an inspection, a night walk and safety hosts found or noted:
    # observations (a licence inspection's remarks among them).
    ActivityKind.DRUG_OPERATION: ("observations",),
    ActivityKind.LICENCE_INSPECTION: ("observations",),
    # The young people (and their guardians) the talks and SSPF meetings were with.
    ActivityKind.EARLY_INTERVENTION: ("attendees",),
    # Done or not: a lamp put up, a speed measured, the picture updated have no figures of
    # their own that the report form knows; what was measured goes in the notes.
    ActivityKind.PHYSICAL_MEASURE: (),
    ActivityKind.SPEED_MEASUREMENT: (),
    ActivityKind.SITUATION_PICTURE: (),
    # A night walk's participants are the volunteers who walk.
    ActivityKind.NIGHT_WALK: ("attendees", "observations"),
    ActivityKind.SAFETY_HOSTS: ("observations",),
    ActivityKind.OTHER: ("attendees", "observations"),
}
OUTCOME_FIELDS = (*_TRAFFIC, "attendees", "pupils_reached", "observations")
# The outcome figures that count the people an activity reached: pupils where reported,
# otherwise the participants.
REACH_FIELDS = ("pupils_reached", "attendees")
# Kinds whose participants do the work rather than are reached by it: the volunteers of a
# night walk are not the young people it meets.
PARTICIPANTS_NOT_REACHED = frozenset({ActivityKind.NIGHT_WALK})


def measures_reach(kind: str) -> bool:
    """Whether reports of an activity kind count the people reached. A kind that does not
    (a traffic control, a patrol, a night walk) has no reach to show, which is not a reach
    of none."""
    if kind in PARTICIPANTS_NOT_REACHED:
        return False
    return any(name in OUTCOME_FIELDS_BY_KIND.get(kind, ()) for name in REACH_FIELDS)


# What a single report may plausibly count, by activity kind: the most times one report may
# count, and the multiple of the target past which the reporter must confirm. These are the
# defaults; an administrator overrides them per kind (promises.models.ReportLimit).
REPORT_LIMIT_DEFAULTS: dict[str, tuple[int, int]] = {
    ActivityKind.TRAFFIC_OPERATION: (5, 200),
    ActivityKind.TRAFFIC_CONTROL: (50, 200),
    ActivityKind.SAFETY_WALK: (3, 200),
    ActivityKind.CITIZEN_DIALOGUE: (5, 200),
    ActivityKind.EMPLOYEE_DIALOGUE: (5, 200),
    ActivityKind.SCHOOL_EDUCATION: (5, 200),
    ActivityKind.NEIGHBOURHOOD_WATCH: (10, 200),
    ActivityKind.PRESENCE_PATROL: (50, 200),
    ActivityKind.INFORMATION_CAMPAIGN: (10, 200),
    ActivityKind.MEETING: (10, 200),
    ActivityKind.SURVEY: (5, 200),
    ActivityKind.DRUG_OPERATION: (5, 200),
    # An evening's inspections, a month's talks or a round of speed measurements may be
    # reported at once.
    ActivityKind.LICENCE_INSPECTION: (20, 200),
    ActivityKind.EARLY_INTERVENTION: (20, 200),
    ActivityKind.PHYSICAL_MEASURE: (20, 200),
    ActivityKind.SPEED_MEASUREMENT: (20, 200),
    ActivityKind.SITUATION_PICTURE: (5, 200),
    ActivityKind.NIGHT_WALK: (10, 200),
    ActivityKind.SAFETY_HOSTS: (50, 200),
    ActivityKind.OTHER: (20, 200),
}

# The most of each outcome figure one execution of an activity kind can plausibly have: a
# report that counts several times may have that many times as much. A figure its kind does
# not ask for is held to the highest bound any kind gives it. These are the defaults; an
# administrator overrides them per kind (promises.models.ReportLimit).
_TRAFFIC_OPERATION_MAX = {
    "vehicles_checked": 3000,
    "speeding_violations": 1000,
    "other_violations": 1000,
    "breath_tests": 3000,
    "breath_positives": 100,
    "drug_tests": 300,
    "drug_positives": 100,
}
OUTCOME_MAX_DEFAULTS: dict[str, dict[str, int]] = {
    ActivityKind.TRAFFIC_OPERATION: _TRAFFIC_OPERATION_MAX,
    ActivityKind.TRAFFIC_CONTROL: {
        "vehicles_checked": 2000,
        "speeding_violations": 500,
        "other_violations": 500,
        "breath_tests": 2000,
        "breath_positives": 50,
        "drug_tests": 200,
        "drug_positives": 50,
    },
    ActivityKind.SAFETY_WALK: {"attendees": 200, "observations": 200},
    ActivityKind.CITIZEN_DIALOGUE: {"attendees": 1000},
    ActivityKind.EMPLOYEE_DIALOGUE: {"attendees": 500},
    ActivityKind.SCHOOL_EDUCATION: {"pupils_reached": 3000},
    ActivityKind.NEIGHBOURHOOD_WATCH: {"attendees": 200, "observations": 200},
    ActivityKind.PRESENCE_PATROL: {"observations": 300},
    ActivityKind.INFORMATION_CAMPAIGN: {"attendees": 10000},
    ActivityKind.MEETING: {"attendees": 500},
    ActivityKind.SURVEY: {"attendees": 20000},
    ActivityKind.DRUG_OPERATION: {"observations": 200},
    ActivityKind.LICENCE_INSPECTION: {"observations": 50},
    ActivityKind.EARLY_INTERVENTION: {"attendees": 30},
    ActivityKind.PHYSICAL_MEASURE: {},
    ActivityKind.SPEED_MEASUREMENT: {},
    ActivityKind.SITUATION_PICTURE: {},
    ActivityKind.NIGHT_WALK: {"attendees": 100, "observations": 200},
    ActivityKind.SAFETY_HOSTS: {"observations": 300},
    ActivityKind.OTHER: {"attendees": 2000, "observations": 500},
}
OUTCOME_MAX_FALLBACK: dict[str, int] = {
    name: max(bounds.get(name, 0) for bounds in OUTCOME_MAX_DEFAULTS.values())
    for name in OUTCOME_FIELDS
}

# Figures that are part of another and so cannot outnumber it, whatever the limits:
# (part, whole). Violations are found in vehicles checked; breath and drug tests are not
# tied to them (a sobriety check tests drivers whose vehicle is not otherwise checked).
OUTCOME_PARTS: tuple[tuple[str, str], ...] = (
    ("speeding_violations", "vehicles_checked"),
    ("other_violations", "vehicles_checked"),
    ("breath_positives", "breath_tests"),
    ("drug_positives", "drug_tests"),
)
