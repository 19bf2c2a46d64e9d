"""Feeds for those who follow along: Atom of what is published (per municipality and for
Sweden) and iCalendar of the coming occasions open to the public."""

from datetime import datetime, timedelta
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event

from core.downloads import file_name_header
from core.pagecache import cached_page
from lib.text import printable
from places.models import Municipality
from portal.selectors import NewsItem, news
from promises.selectors import public_occasions


class PrintableAtom(Atom1Feed):
    """An Atom feed that leaves out the control characters XML cannot hold, so one such
    character in stored text never takes the whole feed down."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.feed = _printable(self.feed)

    def add_item(self, *args: Any, **kwargs: Any) -> None:
        super().add_item(*args, **kwargs)
        self.items[-1] = _printable(self.items[-1])


def _printable(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: printable(v) if isinstance(v, str) else v for k, v in fields.items()}


class NationalFeed(Feed[NewsItem, Any]):
    """What is published across Sweden: promises, follow-ups and evaluations."""

    feed_type = PrintableAtom

    def title(self) -> str:
        return _("Citizen promises across Sweden")

    def subtitle(self) -> str:
        return _("New promises, follow-ups and evaluations")

    def link(self) -> str:
        return reverse("portal:national")

    def items(self) -> list[NewsItem]:
        return news()

    def item_title(self, item: NewsItem) -> str:
        if item.kind == "follow_up":
            return _("%(name)s: follow-up %(number)s of %(title)s") % {
                "name": item.municipality.name,
                "number": item.follow_up_number,
                "title": item.title,
            }
        if item.kind == "evaluation":
            return _("%(name)s: evaluation of %(title)s") % {
                "name": item.municipality.name,
                "title": item.title,
            }
        return _("%(name)s: %(title)s published") % {
            "name": item.municipality.name,
            "title": item.title,
        }

    def item_description(self, item: NewsItem) -> str:
        return Truncator(item.summary).words(60)

    def item_link(self, item: NewsItem) -> str:
        slug = item.municipality.slug
        if item.kind == "follow_up":
            return reverse("portal:follow_up", args=[slug, item.year, item.follow_up_number])
        if item.kind == "evaluation":
            return reverse("portal:evaluation", args=[slug, item.year])
        return reverse("portal:promise", args=[slug, item.year])

    def item_guid(self, item: NewsItem) -> str:
        return f"loften:{item.key}"

    def item_guid_is_permalink(self, item: NewsItem) -> bool:
        return False

    def item_pubdate(self, item: NewsItem) -> datetime:
        return item.when

    def item_updateddate(self, item: NewsItem) -> datetime:
        return item.when


class MunicipalityFeed(NationalFeed):
    """What one municipality publishes."""

    def get_object(self, request: HttpRequest, slug: str) -> Municipality:
        return get_object_or_404(Municipality, slug=slug)

    def title(self, obj: Municipality) -> str:  # type: ignore[override]
        return _("Citizen promises in %(name)s") % {"name": obj.name}

    def link(self, obj: Municipality) -> str:  # type: ignore[override]
        return reverse("portal:municipality", args=[obj.slug])

    def items(self, obj: Municipality) -> list[NewsItem]:  # type: ignore[override]
        return news(obj)


def _calendar(request: HttpRequest, name: str, occasions: Any, file_stem: str) -> HttpResponse:
    calendar = Calendar()
    calendar.add("prodid", "-//Löften//medborgarlöften//SV")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Stockholm")
    for occasion in occasions:
        promise = occasion.activity.promise
        event = Event()
        event.add("uid", f"occasion-{occasion.pk}@loften")
        event.add(
            "summary", f"{occasion.activity.get_kind_display()} – {promise.municipality.name}"
        )
        event.add("dtstart", occasion.starts_at)
        event.add("dtend", occasion.ends_at or occasion.starts_at + timedelta(hours=1))
        event.add("dtstamp", occasion.updated_at)
        # iCalendar, like XML, has no room for control characters stored before cleaning.
        event.add("location", printable(occasion.place))
        page = reverse("portal:promise", args=[promise.municipality.slug, promise.year])
        event.add(
            "description",
            printable(
                "\n\n".join(t for t in (occasion.description, occasion.activity.description) if t)
            ),
        )
        event.add("url", request.build_absolute_uri(page))
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = file_name_header(file_stem, "ics", inline=True)
    return response


@require_safe
@cached_page
def national_calendar(request: HttpRequest) -> HttpResponse:
    """Coming public occasions across Sweden."""
    occasions = public_occasions(timezone.now())[:1000]
    return _calendar(request, _("Citizen promises: coming occasions"), occasions, "loften")


@require_safe
@cached_page
def calendar(request: HttpRequest, slug: str) -> HttpResponse:
    """Coming public occasions of one municipality's promises."""
    place = get_object_or_404(Municipality, slug=slug)
    name = _("Citizen promises in %(name)s: coming occasions") % {"name": place.name}
    return _calendar(request, name, public_occasions(timezone.now(), place), f"loften-{slug}")
