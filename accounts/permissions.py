"""The one place where access to internal data is decided; views and templates ask here.

A membership grants its role over the promises of its organisation's municipality or local
police area. Partners reach only the activities their organisation is responsible for.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from accounts.models import Membership, Role, User

EDITOR_ROLES = (Role.COORDINATOR,)
REPORTER_ROLES = (Role.COORDINATOR, Role.REPORTER)
# Who reads a municipality's or police area's internal documents, drafts included.
# Partners read only where they are responsible; moderators handle citizen input only.
VIEW_ROLES = (Role.COORDINATOR, Role.REPORTER, Role.VIEWER)
ALL_ROLES = tuple(Role)


def _memberships(user: Any, roles: Iterable[str]) -> list[Membership]:
    if not user.is_authenticated:
        return []
    cache = getattr(user, "_loften_memberships", None)
    if cache is None:
        cache = list(Membership.objects.filter(user=user).select_related("organisation"))
        user._loften_memberships = cache
    wanted = set(roles)
    return [m for m in cache if m.role in wanted]


def promise_scope(user: Any, roles: Iterable[str] = VIEW_ROLES, prefix: str = "") -> Q:
    """Return a filter on promises (or, with a prefix such as 'promise__', related rows)."""
    if user.is_authenticated and user.is_superuser:
        return Q()
    condition = Q(pk__in=[])
    for membership in _memberships(user, roles):
        org = membership.organisation
        if org.municipality_id:
            condition |= Q(**{f"{prefix}municipality_id": org.municipality_id})
        if org.police_area_id:
            condition |= Q(**{f"{prefix}police_area_id": org.police_area_id})
    return condition


def visible_promise_filter(user: Any) -> Q:
    """Filter on promises the user may read internally: their organisations' promises, and
    for partners the promises with an activity their organisation is responsible for."""
    condition = promise_scope(user, VIEW_ROLES)
    partner_orgs = partner_organisation_ids(user)
    if partner_orgs:
        condition |= Q(activities__responsible__in=partner_orgs)
    return condition


def _matches(user: Any, document: Any, roles: Iterable[str]) -> bool:
    """Whether a role of the user's covers the document's municipality or police area."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    for membership in _memberships(user, roles):
        org = membership.organisation
        if org.municipality_id and org.municipality_id == document.municipality_id:
            return True
        if org.police_area_id and org.police_area_id == document.police_area_id:
            return True
    return False


def partner_organisation_ids(user: Any) -> set[int]:
    """Organisations in which the user holds the partner role."""
    return {m.organisation_id for m in _memberships(user, (Role.PARTNER,))}


def user_organisation_ids(user: Any) -> set[int]:
    """All organisations the user belongs to, whatever the role."""
    return {m.organisation_id for m in _memberships(user, ALL_ROLES)}


def is_staff_user(user: Any) -> bool:
    """Whether the user may open the staff pages at all."""
    return bool(user.is_authenticated and (user.is_superuser or _memberships(user, ALL_ROLES)))


def require_staff(request: Any) -> None:
    """Refuse the staff pages to a signed-in user who belongs to no organisation."""
    if not is_staff_user(request.user):
        raise PermissionDenied(_("Your account does not belong to any organisation yet."))


def can_view_promise(user: Any, promise: Any) -> bool:
    """Internal view of a promise, drafts included."""
    if _matches(user, promise, VIEW_ROLES):
        return True
    partner_orgs = partner_organisation_ids(user)
    return bool(partner_orgs) and promise.activities.filter(responsible__in=partner_orgs).exists()


def can_edit_promise(user: Any, promise: Any) -> bool:
    """Change the promise text, its commitments, activities and status."""
    return _matches(user, promise, EDITOR_ROLES)


def can_view_agreement(user: Any, agreement: Any) -> bool:
    """Internal view of a collaboration agreement."""
    return _matches(user, agreement, VIEW_ROLES)


def can_edit_agreement(user: Any, agreement: Any) -> bool:
    """Change a collaboration agreement: its municipality's or police area's coordinators."""
    return _matches(user, agreement, EDITOR_ROLES)


def can_report_activity(user: Any, activity: Any) -> bool:
    """Log that an activity was carried out."""
    if _matches(user, activity.promise, REPORTER_ROLES):
        return True
    partner_orgs = partner_organisation_ids(user)
    return bool(partner_orgs) and activity.responsible.filter(pk__in=partner_orgs).exists()


def reportable_activity_scope(user: Any) -> Q:
    """Filter on activities the user may log reports for."""
    condition = promise_scope(user, REPORTER_ROLES, prefix="promise__")
    partner_orgs = partner_organisation_ids(user)
    if partner_orgs:
        condition |= Q(responsible__in=partner_orgs)
    return condition


def can_change_report(user: Any, report: Any) -> bool:
    """Edit or remove a report: its author while still allowed to report, or an editor."""
    if can_edit_promise(user, report.activity.promise):
        return True
    return report.reported_by_id == user.pk and can_report_activity(user, report.activity)


def municipality_ids(user: Any, roles: Iterable[str]) -> set[int] | None:
    """Municipalities a role of the user's covers (through its municipality or police area);
    None means every municipality (administrators)."""
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return None
    ids: set[int] = set()
    for membership in _memberships(user, roles):
        org = membership.organisation
        if org.municipality_id:
            ids.add(org.municipality_id)
        if org.police_area is not None:
            ids.update(org.police_area.municipalities.values_list("pk", flat=True))
    return ids


def _municipalities(user: Any, roles: Iterable[str]) -> Any:
    from places.models import Municipality

    ids = municipality_ids(user, roles)
    found = Municipality.objects.all() if ids is None else Municipality.objects.filter(pk__in=ids)
    return found.order_by("name")


def editable_municipalities(user: Any) -> Any:
    """Municipalities for which the user may create promises (as their coordinator)."""
    return _municipalities(user, EDITOR_ROLES)


# The evidence of the situation picture (complaint texts included) is read by those who read a
# municipality's internal documents; partners and moderators see none of it.
def evidence_municipalities(user: Any) -> Any:
    """Municipalities whose evidence the user may read."""
    return _municipalities(user, VIEW_ROLES)


def _covers(user: Any, municipality: Any, roles: Iterable[str]) -> bool:
    ids = municipality_ids(user, roles)
    return ids is None or municipality.pk in ids


def can_view_evidence(user: Any, municipality: Any) -> bool:
    """Read a municipality's situation picture and the records behind it."""
    return _covers(user, municipality, VIEW_ROLES)


def can_record_evidence(user: Any, municipality: Any) -> bool:
    """Register complaints and dialogues, import files and correct classifications."""
    return _covers(user, municipality, REPORTER_ROLES)


def can_publish_evidence(user: Any, municipality: Any) -> bool:
    """Publish a year's situation picture (aggregates only) on the public site."""
    return _covers(user, municipality, EDITOR_ROLES)


def requires_two_factor(user: Any) -> bool:
    """Administrators and coordinators must confirm their login with a second factor."""
    return bool(user.is_authenticated and (user.is_superuser or _memberships(user, EDITOR_ROLES)))


def can_cosign_follow_up(user: Any, promise: Any) -> bool:
    """Co-sign a follow-up for the police area: a coordinator of the promise's local police
    area (not of its municipality), or an administrator."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return any(
        m.organisation.police_area_id == promise.police_area_id
        for m in _memberships(user, EDITOR_ROLES)
    )


def _approval_parties(
    user: Any, municipality_id: int, covers: Callable[[set[int]], bool]
) -> list[str]:
    """The parties for which the user may approve: "municipality" as a coordinator of the
    municipality, "police" as a coordinator of a police area that `covers` accepts. An
    administrator may stand in for either."""
    if not user.is_authenticated:
        return []
    if user.is_superuser:
        return ["municipality", "police"]
    parties = []
    coordinating = [m.organisation for m in _memberships(user, EDITOR_ROLES)]
    if any(org.municipality_id == municipality_id for org in coordinating):
        parties.append("municipality")
    areas = {org.police_area_id for org in coordinating if org.police_area_id}
    if areas and covers(areas):
        parties.append("police")
    return parties


def promise_approval_parties(user: Any, promise: Any) -> list[str]:
    """The parties for which the user may approve a promise's publication: its municipality,
    and its own local police area."""
    return _approval_parties(
        user, promise.municipality_id, lambda areas: promise.police_area_id in areas
    )


def picture_approval_parties(user: Any, municipality: Any) -> list[str]:
    """The parties for which the user may approve a year's situation picture of the
    municipality: the municipality, and any local police area that covers it."""
    return _approval_parties(
        user,
        municipality.pk,
        lambda areas: municipality.police_areas.filter(pk__in=areas).exists(),
    )


def people_over(promise: Any, roles: Iterable[str]) -> QuerySet[User]:
    """Active users whose role (one of `roles`) covers the promise's municipality or police
    area: those whom news of the promise concerns."""
    return User.objects.filter(
        Q(memberships__organisation__municipality_id=promise.municipality_id)
        | Q(memberships__organisation__police_area_id=promise.police_area_id),
        memberships__role__in=list(roles),
        is_active=True,
    ).distinct()


def people_in(organisation_ids: Iterable[int], roles: Iterable[str]) -> QuerySet[User]:
    """Active users holding one of `roles` in one of the organisations."""
    return User.objects.filter(
        memberships__organisation_id__in=list(organisation_ids),
        memberships__role__in=list(roles),
        is_active=True,
    ).distinct()
